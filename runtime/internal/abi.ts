/**
 * The expansion ABI: the only runtime entry that code emitted by the transformer imports.
 *
 * It is internal and versioned: the export is named for its version (`abi2`), so code compiled
 * against a later expansion fails loudly at import ("does not provide an export named abi3")
 * instead of misbehaving; a later runtime can keep exporting earlier versions for code compiled
 * against them. The public API (`ts-smart-pointer`) never exposes it, so the expansion can change
 * shape while the decorators and the `self:` convention stay stable.
 */
import { Pointee } from "../pointee.js";
import { GONE, goneError, moveOut, type Handle } from "../handle.js";
import { kindOf } from "../kind.js";
import { SmartPointer } from "../smart-pointer.js";
import { ListItem, initListSlots } from "../list-item.js";
import { registerReceiverTable } from "../receivers.js";

/** The pointee of `p` for member `member`; throws on a dropped or moved pointer (debug builds). */
function live(p: unknown, member: string): unknown {
  const v = (p as Handle)[Pointee];
  if (v === GONE) throw goneError(p as Handle, `.${member}`);
  return v;
}

/** Moves `p` into a `self` receiver (debug builds): the caller's pointer is retired. */
function move(p: unknown, member: string): unknown {
  const kind = kindOf(p);
  return kind && kind.passSelf === "move" ? moveOut(p as Handle, `the receiver method .${member}()`) : (live(p, member), p);
}

/**
 * Version 2. (Version 1, without `listSlots`, was never published: code compiled by this package
 * has always imported `abi2`.)
 */
export const abi2 = Object.freeze({
  version: 2,
  /** Emitted code reads the pointee as `p[abi2.Pointee]`. */
  Pointee,
  live,
  move,
  /** `@SmartPointer` as static glue: `static { abi2.pointer(this) }`. */
  pointer(cls: new (...args: never[]) => object): void {
    SmartPointer(cls as never);
  },
  /** `@ListItem(...ids)` as static glue. */
  listItem(cls: abstract new (...args: never[]) => object, ids: number[]): void {
    ListItem(...ids)(cls as never);
  },
  /** The receiver methods a class declares, with their pointer kinds (so nothing reads source). */
  receivers(cls: { prototype: object }, table: Record<string, string>): void {
    registerReceiverTable(cls.prototype, table);
  },
  /** `@ListItem` classes call `abi2.listSlots(this)` in their constructor: the slots are part of the object's shape. */
  listSlots: initListSlots,
});
