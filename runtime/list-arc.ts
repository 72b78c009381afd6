import { Pointee } from "./pointee.js";
import { RefCell, incStrong } from "./refcount.js";
import { SmartPointer, configureKind } from "./smart-pointer.js";
import { CELL, describeHandle, type Handle } from "./handle.js";
import { consume, expectLive, handleFor, releaseHandle } from "./ownership.js";
import { ARC, UNIQUE, Arc, arcHandle, borrowOf, type ArcBorrow, type ArcCore, type UniqueArcCore } from "./arc.js";
import { ListLinks, checkListId, linksOf } from "./list-links.js";
import { ListError, UseAfterMoveError } from "./errors.js";
import type { Pointer, Statics } from "./types.js";

/** Type-only key of a ListArc's list id. */
declare const LIST_ID: unique symbol;

/** `listArc[LINK]` is the ListLinks of its (value, id). */
const LINK_KEY = Symbol("ts-smart-pointer.link");
export const LINK: typeof LINK_KEY = LINK_KEY; // module-local LINK_KEY on hot paths (see handle.ts)

export interface ListArcHandle extends Handle {
  [LINK]: ListLinks;
}

/**
 * An Arc that is the only ListArc of its value for list id `ID` (the kernel's `ListArc`): the
 * permission to put the value in a `List<T, ID>`. Plain Arcs to the value may exist beside it.
 *
 * Invariants:
 * - At most one ListArc per (value, id) exists; the value's `ListLinks.tracked` says whether one does.
 * - A ListArc owns one strong count, like an Arc.
 * - A ListArc moved into a list belongs to the list until removed; using it meanwhile is an error
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
    const links = linksOf(value, checkListId(id, "ListArc.new"), "ListArc.new");
    if (links.tracked) throw new ListError(`ListArc.new: this value already has a ListArc for list id ${id}; a value is owned by one pointer family.`, "ListArc", "ListArc.new");
    return listArcHandle(new RefCell(value), links);
  }

  /** Turns a UniqueArc (consumed) into a ListArc; never fails, as a UniqueArc proves no ListArc exists. */
  static from<T>(unique: UniqueArcCore<T>): ListArc<T>;
  static from<T, ID extends number>(unique: UniqueArcCore<T>, id: ID): ListArc<T, ID>;
  static from(unique: UniqueArcCore<unknown>, id: number = 0): unknown {
    checkListId(id, "ListArc.from");
    const cell = consume(unique, UNIQUE, "ListArc.from");
    return listArcHandle(cell, linksOf(cell.value, id, "ListArc.from"));
  }

  /** Two ListArcs of one value for two different ids (`[id 0, id2]`, or `[id1, id2]`). */
  static pairFromUnique<T, ID2 extends number>(unique: UniqueArcCore<T>, id2: ID2): [ListArc<T>, ListArc<T, ID2>];
  static pairFromUnique<T, ID1 extends number, ID2 extends number>(unique: UniqueArcCore<T>, id1: ID1, id2: ID2): [ListArc<T, ID1>, ListArc<T, ID2>];
  static pairFromUnique(unique: UniqueArcCore<unknown>, ...ids: number[]): [unknown, unknown] {
    const [id1, id2] = ids.length === 1 ? [0, ids[0]] : ids;
    checkListId(id1, "ListArc.pairFromUnique");
    checkListId(id2, "ListArc.pairFromUnique");
    if (id1 === id2) throw new TypeError(`ListArc.pairFromUnique: the two list ids must differ (both are ${id1}); one value has one ListArc per id.`);
    expectLive(unique, UNIQUE, "ListArc.pairFromUnique");
    const value = (unique as unknown as Handle)[Pointee];
    const links1 = linksOf(value, id1!, "ListArc.pairFromUnique");
    const links2 = linksOf(value, id2!, "ListArc.pairFromUnique");
    const cell = consume(unique, UNIQUE, "ListArc.pairFromUnique");
    incStrong(cell);
    return [listArcHandle(cell, links1), listArcHandle(cell, links2)];
  }

  /** The ListArc for `arc`'s value (taking over `arc`), or null if one exists (`arc` untouched). */
  static tryFromArc<T>(arc: ArcCore<T>): ListArc<T> | null;
  static tryFromArc<T, ID extends number>(arc: ArcCore<T>, id: ID): ListArc<T, ID> | null;
  static tryFromArc(arc: ArcCore<unknown>, id: number = 0): unknown {
    const h = expectLive(arc, ARC, "ListArc.tryFromArc");
    const links = linksOf(h[Pointee], checkListId(id, "ListArc.tryFromArc"), "ListArc.tryFromArc");
    if (links.tracked) return null;
    return listArcHandle(consume(arc, ARC, "ListArc.tryFromArc"), links);
  }

  /**
   * As `tryFromArc`, but on failure the Arc is dropped, or made the ListArc if it was the only
   * reference; never runs the destructor (the kernel's `try_from_arc_or_drop`).
   */
  static tryFromArcOrDrop<T>(arc: ArcCore<T>): ListArc<T> | null;
  static tryFromArcOrDrop<T, ID extends number>(arc: ArcCore<T>, id: ID): ListArc<T, ID> | null;
  static tryFromArcOrDrop(arc: ArcCore<unknown>, id: number = 0): unknown {
    const listArc = ListArcCore.tryFromArc(arc, id);
    if (listArc !== null) return listArc;
    const unique = Arc.intoUniqueOrDrop(arc);
    return unique === null ? null : ListArcCore.from(unique, id);
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
    const cell = consume(h, LIST_ARC, "ListArc.intoArc");
    h[LINK].tracked = false;
    return arcHandle(cell) as unknown as Arc<T>;
  }

  /** A borrow of the value. */
  static asArcBorrow<T>(listArc: ListArcCore<T, any>): ArcBorrow<T> {
    return borrowOf(expectListArc(listArc, "ListArc.asArcBorrow")[CELL]) as unknown as ArcBorrow<T>;
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
}

const LIST_ARC = configureKind(ListArcCore, { name: "ListArc", passSelf: "move", writable: false });
export { LIST_ARC };

/** Makes the ListArc of `links`' (value, id), owning one count of `cell`. */
function listArcHandle(cell: RefCell, links: ListLinks): ListArcHandle {
  links.tracked = true;
  const h = handleFor(LIST_ARC, cell) as ListArcHandle;
  h[LINK] = links;
  return h;
}

/** `p` as a live ListArc the caller still owns: not retired, and not moved into a list. */
export function expectListArc(p: unknown, operation: string): ListArcHandle {
  const h = expectLive(p, LIST_ARC, operation) as ListArcHandle;
  const links = h[LINK_KEY];
  if (links.arc === h) {
    throw new UseAfterMoveError(`${operation}: this ${describeHandle(h)} was moved into a List and can no longer be used; remove it from the list first.`, describeHandle(h), operation);
  }
  return h;
}

function dropListArc(p: unknown, operation: string): void {
  const h = expectListArc(p, operation);
  h[LINK].tracked = false;
  releaseHandle(h, LIST_ARC, operation);
}

export type ListArc<T, ID extends number = 0> = Pointer<ListArcCore<T, ID>, T>;
export const ListArc: Statics<typeof ListArcCore> = ListArcCore;
