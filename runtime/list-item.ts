import { Pointee } from "./pointee.js";
import type { ListArcHandle } from "./list-arc.js";
import { isClassLike, kindOf, typeName, valueText } from "./kind.js";

/**
 * The `@ListItem` side of lists: which list ids a class declares, and, per value and id, the
 * value's current ListArc (the kernel's `AtomicTracker`).
 *
 * Invariant: `value[slotKey(id)]` holds the ListArc of (value, id) while one exists, else null:
 * at most one per (value, id), the ListArc's defining invariant. While the ListArc is in a list,
 * it is the list's node (see list-arc.ts), so `list.remove(value)` finds it in O(1).
 *
 * The slots are plain fields (DESIGN.md): the plugin creates them in the constructor, so they are
 * part of the object's shape; without it they are added when the value gets its first ListArc.
 * A copy (`{...value}`, `Object.assign`) carries another value's ListArc in them, so every reader
 * checks that the slot's ListArc points back at the value (a slot holds a live ListArc: a debug
 * move updates it, see copyListArc).
 */

const SLOT_KEYS: symbol[] = [];

/** The key of the values' slot for list id `id` (one symbol per id, made on first use). */
export function slotKey(id: number): symbol {
  return (SLOT_KEYS[id] ??= Symbol(`ts-smart-pointer.listArc${id}`));
}

/** `proto[LIST_IDS]`: the ids a `@ListItem` class (and its subclasses) declares. */
const LIST_IDS = Symbol("ts-smart-pointer.listIds");

type Item = Record<symbol, ListArcHandle | null | undefined> & { [LIST_IDS]?: readonly number[] };

/** The ids a list can use: small non-negative integers, as the kernel's `const ID: u64`. */
export function checkListId(id: unknown, operation: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 0xffff) {
    throw new TypeError(`${operation}: a list id must be an integer from 0 to 65535, but got ${valueText(id)}.`);
  }
  return id;
}

/** Creates the slots `value`'s class declares (null: no ListArc yet); the ones it has are kept. */
export function initListSlots(value: object, operation = "@ListItem"): void {
  for (const id of (value as Item)[LIST_IDS] ?? []) {
    const key = slotKey(id);
    if (key in value) continue;
    try {
      (value as Item)[key] = null;
    } catch (error) {
      throw Object.isExtensible(value) ? error : notWritable(value, operation);
    }
  }
}

/**
 * The ListArc `value` has for `id` (null if none), or a TypeError saying how to declare the id.
 * A value that could not record a ListArc (frozen, or not extensible and without its slots) is
 * refused here, before any caller consumes a pointer.
 */
export function listArcOf(value: unknown, id: number, operation: string): ListArcHandle | null {
  const item = value as Item;
  if (kindOf(value) !== undefined) {
    throw new TypeError(`${operation} expects the value itself (a @ListItem), but got a ${typeName(value)} pointing at it; convert the pointer instead (ListArc.from, ListArc.tryFromArc).`);
  }
  if (typeof value !== "object" || value === null || !item[LIST_IDS]?.includes(id)) {
    throw new TypeError(`${operation}: ${typeName(value)} is not a @ListItem for list id ${id}; declare it with @ListItem(${id === 0 ? "" : id}) on the class.`);
  }
  initListSlots(value, operation);
  const key = slotKey(id);
  const current = item[key]!;
  const own = current !== null && current[Pointee] !== value ? null : current; // null: copied from another value
  try {
    item[key] = own;
  } catch {
    throw notWritable(value, operation); // frozen: its slots are read-only
  }
  return own;
}

function notWritable(value: object, operation: string): TypeError {
  return new TypeError(
    `${operation}: this ${typeName(value)} is frozen or not extensible, but a @ListItem value must be writable: its ListArc is recorded on the value itself (one slot per list id). ` +
      "Freeze or seal it only after its ListArcs are made (with the plugin, which creates the slots in the constructor, sealing is fine), or make its fields readonly instead.",
  );
}

/** Records `listArc` (or null) as the ListArc of (value, id); its slot exists (see listArcOf). */
export function setListArcOf(value: object, id: number, listArc: ListArcHandle | null): void {
  (value as Item)[slotKey(id)] = listArc;
}

/**
 * `@ListItem()` / `@ListItem(0, 1)`: the class's values can be put in a `List` of these ids
 * through a `ListArc`. A subclass may add ids. Works as a standard decorator and under
 * `experimentalDecorators`; the class itself is left unchanged. Not generic: inferring the class
 * type at every decorated class cost about a tenth of a pointer-typed project's type-check.
 */
export function ListItem(...ids: number[]): (target: abstract new (...args: any[]) => object, context?: ClassDecoratorContext) => void {
  const listIds = ids.length === 0 ? [0] : ids.map((id) => checkListId(id, "@ListItem"));
  if (new Set(listIds).size !== listIds.length) throw new TypeError(`@ListItem(${ids.join(", ")}): each list id may be given once.`);
  return (target: unknown, context?: { kind?: string }) => {
    if (!isClassLike(target) || (context !== undefined && context.kind !== "class")) {
      throw new TypeError(`@ListItem can only be applied to a class, not to ${context?.kind ?? (typeof target === "function" ? "a function without a prototype" : typeName(target))}.`);
    }
    const proto = target.prototype as Item;
    const inherited = proto[LIST_IDS] ?? [];
    Object.defineProperty(proto, LIST_IDS, { value: [...new Set([...inherited, ...listIds])], configurable: true });
  };
}
