import { Pointee } from "./pointee.js";
import { RefCell, incStrong as importedIncStrong, decStrong, strongCount } from "./refcount.js";
import { SmartPointer, configureKind } from "./smart-pointer.js";
import { CELL, assertLive, type Handle } from "./handle.js";
import { consume, expectLive, handleFor, newCell, notA, releaseHandle as importedReleaseHandle } from "./ownership.js";
import { kindOf, typeName } from "./kind.js";
import { releaseMode } from "./mode.js";
import type { Pointer, Statics } from "./types.js";
import type { AnyPointer } from "./pointee.js";

// Module-local copies for the clone/drop fast paths: V8 folds a module's own constants into
// optimized code, but reloads imported bindings on every call (measured: ~2 ns of a 4.5 ns clone;
// for the functions called by clone + drop, here and in ownership.ts, 0.9 of 4.6 ns).
const RELEASE = releaseMode;
const CELL_KEY: typeof CELL = CELL;
const incStrong = importedIncStrong;
const releaseHandle = importedReleaseHandle;

/**
 * A reference-counted pointer, as the kernel's `sync::Arc`: shared, read-only access to a
 * pinned value; no weak references; a saturating count.
 *
 * Invariants:
 * - The value is dropped (its `[Symbol.dispose]` runs) exactly once, when the last strong
 *   reference (Arc, UniqueArc or ListArc) is dropped.
 * - Debug: each `Arc.clone` returns a new handle that owns one count, so a dropped or moved
 *   handle is caught on its next use. Release: one handle per value, shared by all clones.
 */
@SmartPointer
export class ArcCore<T> {
  declare readonly [Pointee]: T;
  declare private readonly arcBrand: void;

  /** Allocates `value` behind a new Arc with a count of 1. */
  static new<T>(value: T): Arc<T> {
    return arcHandle(newCell(value, ARC, "Arc.new")) as unknown as Arc<T>;
  }

  /** A new strong reference to the same value. */
  static clone<T>(arc: ArcCore<T>): Arc<T> {
    if (RELEASE) {
      let cell: RefCell | undefined;
      try {
        cell = (arc as unknown as Handle)[CELL_KEY]; // load, then test: see releaseHandle
      } catch {
        cell = undefined; // arc is null or undefined
      }
      if (cell === undefined) throw notA(ARC, arc, "Arc.clone");
      incStrong(cell);
      return arc as unknown as Arc<T>;
    }
    const cell = expectLive(arc, ARC, "Arc.clone")[CELL];
    incStrong(cell);
    return handleFor(ARC, cell) as unknown as Arc<T>;
  }

  /** Drops this strong reference; the last one drops the value. */
  static drop(arc: ArcCore<any>): void {
    releaseHandle(arc, ARC, "Arc.drop");
  }

  /** The number of strong references (`Infinity` once saturated). */
  static strongCount(arc: ArcCore<any>): number {
    return strongCount(expectLive(arc, ARC, "Arc.strongCount")[CELL]);
  }

  /** True when both point at the same value. */
  static ptrEq(a: ArcCore<any>, b: ArcCore<any>): boolean {
    return expectLive(a, ARC, "Arc.ptrEq")[CELL] === expectLive(b, ARC, "Arc.ptrEq")[CELL];
  }

  /** The pointee (works on any smart pointer). */
  static deref<T>(pointer: AnyPointer<T>): T {
    if (kindOf(pointer) === undefined) throw new TypeError(`Arc.deref expects a smart pointer, but got ${typeName(pointer)}.`);
    assertLive(pointer as unknown as Handle, "Arc.deref");
    return pointer[Pointee];
  }

  /** A borrow of the value that owns no count (the kernel's `as_arc_borrow`). */
  static asArcBorrow<T>(arc: ArcCore<T>): ArcBorrow<T> {
    return borrowOf(expectLive(arc, ARC, "Arc.asArcBorrow")[CELL]) as unknown as ArcBorrow<T>;
  }

  /**
   * Consumes the Arc: the UniqueArc if it was the only strong reference, else null (and the
   * reference is dropped). Never runs the destructor, as the kernel's `into_unique_or_drop`.
   */
  static intoUniqueOrDrop<T>(arc: ArcCore<T>): UniqueArc<T> | null {
    const cell = consume(arc, ARC, "Arc.intoUniqueOrDrop");
    if (cell.count === 1) return handleFor(UNIQUE, cell) as unknown as UniqueArc<T>;
    decStrong(cell); // count > 1, or saturated: cannot reach zero here
    return null;
  }

  /** Shares a UniqueArc (consumed), or takes a new strong reference from an ArcBorrow. */
  static from<T>(source: UniqueArcCore<T> | ArcBorrowCore<T>): Arc<T> {
    const kind = kindOf(source);
    if (kind === UNIQUE) return arcHandle(consume(source, UNIQUE, "Arc.from")) as unknown as Arc<T>;
    if (kind !== BORROW) throw notA([UNIQUE, BORROW], source, "Arc.from");
    const cell = expectLive(source, BORROW, "Arc.from")[CELL];
    incStrong(cell);
    return arcHandle(cell) as unknown as Arc<T>;
  }

  /** `using a = Arc.new(x)` drops `a` at the end of the block. */
  [Symbol.dispose](): void {
    releaseHandle(this, ARC, "Arc[Symbol.dispose]");
  }

  /**
   * `await using a = Arc.new(x)`: as `[Symbol.dispose]`, and the last drop awaits the value's
   * destructor (`[Symbol.asyncDispose]`, or else `[Symbol.dispose]`). Misuse rejects.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    await releaseHandle(this, ARC, "Arc[Symbol.asyncDispose]", true);
  }
}

/**
 * A pointer known to be the only strong reference to its value, so it gives writable access
 * (the kernel's `UniqueArc`). Share it with `Arc.from(u)`.
 *
 * Invariant: while a UniqueArc is live, its cell's count is 1.
 */
@SmartPointer
export class UniqueArcCore<T> {
  declare readonly [Pointee]: T;
  declare private readonly uniqueBrand: void;

  static new<T>(value: T): UniqueArc<T> {
    return handleFor(UNIQUE, newCell(value, UNIQUE, "UniqueArc.new")) as unknown as UniqueArc<T>;
  }

  static drop(unique: UniqueArcCore<any>): void {
    releaseHandle(unique, UNIQUE, "UniqueArc.drop");
  }

  [Symbol.dispose](): void {
    releaseHandle(this, UNIQUE, "UniqueArc[Symbol.dispose]");
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await releaseHandle(this, UNIQUE, "UniqueArc[Symbol.asyncDispose]", true);
  }
}

/**
 * A borrowed pointer: owns no count, so it neither clones nor drops (the kernel's `ArcBorrow`).
 * `Arc.from(b)` takes a new strong reference.
 *
 * Invariant: one ArcBorrow handle per value, made on first use; debug retires it when the
 * value's last strong reference is dropped, so a dangling borrow throws UseAfterDropError.
 */
@SmartPointer
export class ArcBorrowCore<T> {
  declare readonly [Pointee]: T;
  declare private readonly borrowBrand: void;
}

/** The Arc handle for `cell`: release shares one per value (so clone allocates nothing). */
export function arcHandle(cell: RefCell): Handle {
  if (!releaseMode) return handleFor(ARC, cell);
  return (cell.arc ??= handleFor(ARC, cell)) as Handle;
}

/** The value's one ArcBorrow handle. */
export function borrowOf(cell: RefCell): Handle {
  return (cell.borrow ??= handleFor(BORROW, cell)) as Handle;
}

// Owning kinds move the caller's pointer into a `self: P<this>` receiver; a borrow lends itself.
// Shared access through Arc and ArcBorrow; unique, writable access through UniqueArc.
const ARC = configureKind(ArcCore, { name: "Arc", passSelf: "move", writable: false });
const UNIQUE = configureKind(UniqueArcCore, { name: "UniqueArc", passSelf: "move", writable: true });
const BORROW = configureKind(ArcBorrowCore, { name: "ArcBorrow", passSelf: "borrow", writable: false });
export { ARC, UNIQUE, BORROW };

export type Arc<T> = Pointer<ArcCore<T>, T>;
export type UniqueArc<T> = Pointer<UniqueArcCore<T>, T, "unique">;
export type ArcBorrow<T> = Pointer<ArcBorrowCore<T>, T>;
export const Arc: Statics<typeof ArcCore> = ArcCore;
export const UniqueArc: Statics<typeof UniqueArcCore> = UniqueArcCore;
export const ArcBorrow: Statics<typeof ArcBorrowCore> = ArcBorrowCore;
