import { Pointee } from "./pointee.js";
import { RefCell, incStrong, strongCount } from "./refcount.js";
import { SmartPointer, configureKind } from "./smart-pointer.js";
import { CELL, describeHandle, newHandle, summarizeHandle, type Handle } from "./handle.js";
import { consume, expectLive, handleFor, newCell, releaseHandle } from "./ownership.js";
import { ARC, UNIQUE, Arc, arcHandle, borrowOf, type ArcBorrow, type ArcCore, type UniqueArcCore } from "./arc.js";
import { checkListId, listArcOf, setListArcOf } from "./list-item.js";
import { ListError, UseAfterMoveError } from "./errors.js";
import type { Pointer, Statics } from "./types.js";
import type { PointerSummary } from "./kind.js";

/** Type-only key of a ListArc's list id. */
declare const LIST_ID: unique symbol;

// A ListArc is its own list node: these symbol-keyed fields (no string-named member may shadow
// the pointee's) link it into a list, so a list operation touches one object per item.
const NEXT_KEY = Symbol("ts-smart-pointer.next");
const PREV_KEY = Symbol("ts-smart-pointer.prev");
const OWNER_KEY = Symbol("ts-smart-pointer.owner");
const REMOVED_KEY = Symbol("ts-smart-pointer.removed");
const ID_KEY = Symbol("ts-smart-pointer.id");
export const NEXT: typeof NEXT_KEY = NEXT_KEY;
export const PREV: typeof PREV_KEY = PREV_KEY;
export const OWNER: typeof OWNER_KEY = OWNER_KEY;
export const REMOVED: typeof REMOVED_KEY = REMOVED_KEY;
export const ID: typeof ID_KEY = ID_KEY;

/**
 * A node of a list's cycle: a ListArc, or a list's sentinel.
 *
 * Invariants:
 * - `[OWNER]` is the list whose cycle the node is in, or null; `[NEXT]`/`[PREV]` are non-null if
 *   and only if `[OWNER]` is.
 * - `[REMOVED]` (only with an `[OWNER]`) marks a *tombstone*: a node removed in O(1) without
 *   touching its neighbours, skipped by every traversal, and unlinked by the next pop or end peek that
 *   reaches it, a re-insert or compaction. A flag, so that removing stores a constant, for which
 *   V8 emits no write barrier.
 */
export interface ListNode {
  [NEXT_KEY]: ListNode | null;
  [PREV_KEY]: ListNode | null;
  [OWNER_KEY]: object | null;
  [REMOVED_KEY]: boolean;
}

/** True when `node` is a live item of a list: its ListArc then belongs to the list. */
export function isListed(node: ListNode): boolean {
  return node[OWNER_KEY] !== null && !node[REMOVED_KEY];
}

export interface ListArcHandle extends Handle, ListNode {
  [ID_KEY]: number;
}

/**
 * An Arc that is the only ListArc of its value for list id `ID` (the kernel's `ListArc`): the
 * permission to put the value in a `List<T, ID>`. Plain Arcs to the value may exist beside it.
 *
 * Invariants:
 * - At most one ListArc per (value, id) exists; the value's slot for `id` holds it (list-item.ts).
 * - A ListArc owns one strong count, like an Arc.
 * - A ListArc moved into a list is the list's node until removed; using it meanwhile is an error
 *   (checked in release mode too, as it is what keeps lists from being corrupted).
 */
@SmartPointer
export class ListArcCore<T, ID extends number = 0> {
  declare readonly [Pointee]: T;
  declare private readonly listArcBrand: void;
  /** The list id at the type level (a public key, so declaration files keep its type). */
  declare readonly [LIST_ID]: ID;

  /** Allocates `value` (a `@ListItem` for `id`) behind a new ListArc. */
  static new<T>(value: T): ListArc<T>;
  static new<T, ID extends number>(value: T, id: ID): ListArc<T, ID>;
  static new(value: unknown, id: number = 0): unknown {
    expectNoListArc(value, checkListId(id, "ListArc.new"), "ListArc.new");
    return listArcHandle(newCell(value, LIST_ARC, "ListArc.new"), id);
  }

  /** Turns a UniqueArc (consumed) into a ListArc: being unique, the value has no ListArc yet. */
  static from<T>(unique: UniqueArcCore<T>): ListArc<T>;
  static from<T, ID extends number>(unique: UniqueArcCore<T>, id: ID): ListArc<T, ID>;
  static from(unique: UniqueArcCore<unknown>, id: number = 0): unknown {
    expectNoListArc(expectLive(unique, UNIQUE, "ListArc.from")[Pointee], checkListId(id, "ListArc.from"), "ListArc.from");
    return listArcHandle(consume(unique, UNIQUE, "ListArc.from"), id);
  }

  /** Two ListArcs of one value for two different ids (`[id 0, id2]`, or `[id1, id2]`). */
  static pairFromUnique<T, ID2 extends number>(unique: UniqueArcCore<T>, id2: ID2): [ListArc<T>, ListArc<T, ID2>];
  static pairFromUnique<T, ID1 extends number, ID2 extends number>(unique: UniqueArcCore<T>, id1: ID1, id2: ID2): [ListArc<T, ID1>, ListArc<T, ID2>];
  static pairFromUnique(unique: UniqueArcCore<unknown>, ...ids: number[]): [unknown, unknown] {
    const [id1, id2] = ids.length === 1 ? [0, ids[0]] : ids;
    checkListId(id1, "ListArc.pairFromUnique");
    checkListId(id2, "ListArc.pairFromUnique");
    if (id1 === id2) throw new TypeError(`ListArc.pairFromUnique: the two list ids must differ (both are ${id1}); one value has one ListArc per id.`);
    const value = expectLive(unique, UNIQUE, "ListArc.pairFromUnique")[Pointee];
    expectNoListArc(value, id1!, "ListArc.pairFromUnique");
    expectNoListArc(value, id2!, "ListArc.pairFromUnique");
    const cell = consume(unique, UNIQUE, "ListArc.pairFromUnique");
    incStrong(cell);
    return [listArcHandle(cell, id1!), listArcHandle(cell, id2!)];
  }

  /** The ListArc for `arc`'s value (taking over `arc`), or null if one exists (`arc` untouched). */
  static tryFromArc<T>(arc: ArcCore<T>): ListArc<T> | null;
  static tryFromArc<T, ID extends number>(arc: ArcCore<T>, id: ID): ListArc<T, ID> | null;
  static tryFromArc(arc: ArcCore<unknown>, id: number = 0): unknown {
    return tryFromArc(arc, id, "ListArc.tryFromArc");
  }

  /**
   * As `tryFromArc`, but on failure the Arc is dropped (the kernel's `try_from_arc_or_drop`).
   * Failure means a ListArc for `id` exists and holds a count, so the drop never reaches zero and
   * never runs the destructor. (The kernel then tries `into_unique_or_drop`, for a ListArc another
   * thread drops meanwhile; here nothing runs in between.)
   */
  static tryFromArcOrDrop<T>(arc: ArcCore<T>): ListArc<T> | null;
  static tryFromArcOrDrop<T, ID extends number>(arc: ArcCore<T>, id: ID): ListArc<T, ID> | null;
  static tryFromArcOrDrop(arc: ArcCore<unknown>, id: number = 0): unknown {
    const listArc = tryFromArc(arc, id, "ListArc.tryFromArcOrDrop");
    if (listArc !== null) return listArc;
    Arc.drop(arc);
    return null;
  }

  /** A new plain Arc to the same value (a ListArc itself is not cloneable). */
  static cloneArc<T>(listArc: ListArcCore<T, any>): Arc<T> {
    const cell = expectListArc(listArc, "ListArc.cloneArc")[CELL];
    incStrong(cell);
    return arcHandle(cell) as unknown as Arc<T>;
  }

  /** Demotes to a plain Arc (consumed); a new ListArc can then be made for the value. */
  static intoArc<T>(listArc: ListArcCore<T, any>): Arc<T> {
    const h = expectListArc(listArc, "ListArc.intoArc");
    const id = h[ID_KEY];
    const cell = consume(h, LIST_ARC, "ListArc.intoArc");
    setListArcOf(cell.value as object, id, null);
    return arcHandle(cell) as unknown as Arc<T>;
  }

  /** A borrow of the value. */
  static asArcBorrow<T>(listArc: ListArcCore<T, any>): ArcBorrow<T> {
    return borrowOf(expectListArc(listArc, "ListArc.asArcBorrow")[CELL]) as unknown as ArcBorrow<T>;
  }

  /** The number of strong references to the value (`Infinity` once saturated), as `Arc.strongCount`. */
  static strongCount(listArc: ListArcCore<any, any>): number {
    return strongCount(expectListArc(listArc, "ListArc.strongCount")[CELL]);
  }

  /** True when both point at the same value. */
  static ptrEq(a: ListArcCore<any, any>, b: ListArcCore<any, any>): boolean {
    return expectListArc(a, "ListArc.ptrEq")[CELL] === expectListArc(b, "ListArc.ptrEq")[CELL];
  }

  /** Drops the ListArc: the value may get a new one, and the last strong reference drops it. */
  static drop(listArc: ListArcCore<any, any>): void {
    dropListArc(listArc, "ListArc.drop");
  }

  [Symbol.dispose](): void {
    dropListArc(this, "ListArc[Symbol.dispose]");
  }

  /** `await using`: as `[Symbol.dispose]`, and the last drop awaits the value's destructor (as Arc's). */
  async [Symbol.asyncDispose](): Promise<void> {
    await dropListArc(this, "ListArc[Symbol.asyncDispose]", true);
  }
}

/** `ListArc.tryFromArc`, for `operation`: the ListArc taking over `arc`, or null if one exists. */
function tryFromArc(arc: unknown, id: number, operation: string): ListArcHandle | null {
  const h = expectLive(arc, ARC, operation);
  if (listArcOf(h[Pointee], checkListId(id, operation), operation) !== null) return null;
  return listArcHandle(consume(arc, ARC, operation), id);
}

const LIST_ARC = configureKind(ListArcCore, { name: "ListArc", passSelf: "move", writable: false, copy: copyListArc, summary: summarizeListArc });
export { LIST_ARC };

/** Makes the ListArc of (`cell`'s value, `id`), owning one count of `cell`, out of any list. */
function listArcHandle(cell: RefCell, id: number): ListArcHandle {
  return recordListArc(handleFor(LIST_ARC, cell) as ListArcHandle, id);
}

/**
 * A debug move's new handle: the same ListArc, out of any cycle (a tombstone stays where it is).
 * The value's slot moves with it, so the slot always holds the live ListArc.
 */
function copyListArc(h: Handle): Handle {
  return recordListArc(newHandle(Object.getPrototypeOf(h) as object, h[CELL]) as ListArcHandle, (h as ListArcHandle)[ID_KEY]);
}

/** As any handle, with its list id written as in its type (`ListArc<Task, 1>`), and a ListArc a list now owns shown as moved. */
function summarizeListArc(h: Handle): PointerSummary {
  const summary = summarizeHandle(h);
  const id = (h as ListArcHandle)[ID_KEY];
  const name = id === 0 ? summary.name : summary.name.replace(/>$/, `, ${id}>`);
  if (summary.gone === null && isListed(h as ListArcHandle)) return { name, gone: "moved into a List", fields: {} };
  return { ...summary, name };
}

/** Gives the new handle `h` its list fields (out of any list) and records it in its value's slot. */
function recordListArc(h: ListArcHandle, id: number): ListArcHandle {
  h[ID_KEY] = id;
  h[NEXT_KEY] = h[PREV_KEY] = h[OWNER_KEY] = null;
  h[REMOVED_KEY] = false;
  setListArcOf(h[CELL].value as object, id, h);
  return h;
}

/**
 * Throws unless `value` is a `@ListItem` for `id` with no ListArc for it yet. A UniqueArc's value
 * has none unless it was wrapped twice, which only debug builds catch at wrapping time.
 */
function expectNoListArc(value: unknown, id: number, operation: string): void {
  if (listArcOf(value, id, operation) !== null) {
    throw new ListError(`${operation}: this value already has a ListArc for list id ${id}; a value is owned by one pointer family.`, "ListArc", operation);
  }
}

/** `p` as a live ListArc the caller still owns: not retired, and not moved into a list. */
export function expectListArc(p: unknown, operation: string): ListArcHandle {
  const h = expectLive(p, LIST_ARC, operation) as ListArcHandle;
  if (isListed(h)) {
    throw new UseAfterMoveError(`${operation}: this ${describeHandle(h)} was moved into a List and can no longer be used; remove it from the list first.`, describeHandle(h), operation);
  }
  return h;
}

/** Drops the ListArc `p`; an `async` drop returns the value's destructor's promise, if it ran one. */
function dropListArc(p: unknown, operation: string, async = false): Promise<unknown> | undefined {
  const h = expectListArc(p, operation);
  setListArcOf(h[CELL].value as object, h[ID_KEY], null);
  return releaseHandle(h, LIST_ARC, operation, async);
}

export type ListArc<T, ID extends number = 0> = Pointer<ListArcCore<T, ID>, T>;
export const ListArc: Statics<typeof ListArcCore> = ListArcCore;
