import { CELL, moveOut } from "./handle.js";
import { releaseMode } from "./mode.js";
import { borrowOf, type ArcBorrow } from "./arc.js";
import { LINK, LIST_ARC, expectListArc, type ListArc, type ListArcCore, type ListArcHandle } from "./list-arc.js";
import { notA } from "./ownership.js";
import { LINKS, LINKS_0, ListLinks, checkListId } from "./list-links.js";
import { ListError, UseAfterMoveError } from "./errors.js";

// Module-local copies for the hot paths (see handle.ts: V8 folds these, not imported bindings).
const RELEASE = releaseMode;
const LINK_KEY: typeof LINK = LINK;
const LINKS_KEY: typeof LINKS = LINKS;
const LINKS_0_KEY: typeof LINKS_0 = LINKS_0;
const CELL_KEY: typeof CELL = CELL;

/** `list[SIZE]`: links in the list's cycle; `list[TOMBSTONES]`: how many of them are removed ones. */
const SIZE = Symbol("ts-smart-pointer.size");
const TOMBSTONES = Symbol("ts-smart-pointer.tombstones");

/** Compaction runs when tombstones pass this many and make up half the cycle (amortised O(1)). */
const COMPACT_AFTER = 16;

/**
 * An intrusive, circular, doubly linked list of ListArcs for one list id (the kernel's `List`).
 * The links live in the values (`@ListItem`), so no operation allocates.
 *
 * Invariants:
 * - `#head` is a sentinel; it and the links whose `chain` is this list form one cycle.
 * - For every item in the list, the list owns its ListArc (`links.arc`) and `links.list` is this list.
 *   Every operation that takes an item checks this, which makes `remove(item)` safe (null for an
 *   item of another list) where the kernel's is `unsafe`.
 * - `remove` leaves a tombstone (see ListLinks); tombstones are at most half of `[SIZE]`, plus
 *   COMPACT_AFTER. A random removal then touches the item alone, not its neighbours: at a million
 *   items that is most of the cost of cancelling a timer.
 */
export class List<T, ID extends number = 0> {
  readonly id: ID;
  readonly #head: ListLinks;
  [SIZE] = 0;
  [TOMBSTONES] = 0;

  constructor(...[id]: ID extends 0 ? [id?: 0] : [id: ID]) {
    this.id = checkListId(id ?? 0, "new List") as ID;
    const head = (this.#head = new ListLinks(this.id));
    head.next = head.prev = head;
    head.list = head.chain = this; // the sentinel counts as live, so every skip loop stops at it
  }

  /** True when the list holds no item. */
  isEmpty(): boolean {
    return this[SIZE] === this[TOMBSTONES];
  }

  /** Adds `item` at the back (takes ownership). O(1), allocates nothing. */
  pushBack(item: ListArcCore<T, ID>): void {
    insertBefore(this, this.#head, adopt(this, item, "List.pushBack"));
  }

  /** Adds `item` at the front (takes ownership). O(1), allocates nothing. */
  pushFront(item: ListArcCore<T, ID>): void {
    insertBefore(this, this.#head.next!, adopt(this, item, "List.pushFront"));
  }

  /** Removes and returns the first item, or null when empty. */
  popFront(): ListArc<T, ID> | null {
    const first = liveFrom(this.#head.next!, "next");
    return first === this.#head ? null : (unlink(first) as unknown as ListArc<T, ID>);
  }

  /** Removes and returns the last item, or null when empty. */
  popBack(): ListArc<T, ID> | null {
    const last = liveFrom(this.#head.prev!, "prev");
    return last === this.#head ? null : (unlink(last) as unknown as ListArc<T, ID>);
  }

  /** Removes `item` (the value itself) in O(1); null when it is not in this list. */
  remove(item: T): ListArc<T, ID> | null {
    if (typeof item !== "object" || item === null) throw new TypeError(`List.remove expects the item (an object), but got ${item === null ? "null" : typeof item}.`);
    const links = this.id === 0 ? (item as { [LINKS_0_KEY]?: ListLinks })[LINKS_0_KEY] : (item as { [LINKS_KEY]?: ListLinks[] })[LINKS_KEY]?.[this.id];
    if (links === undefined || links.list !== this) return null;
    const arc = links.arc as unknown as ListArc<T, ID>;
    links.list = links.arc = null; // a tombstone: the neighbours are left for later
    if (++this[TOMBSTONES] > COMPACT_AFTER && this[TOMBSTONES] * 2 > this[SIZE]) compact(this.#head);
    return arc;
  }

  /** Moves every item of `other` to the back of this list; `other` becomes empty. O(length of other). */
  pushAllBack(other: List<T, ID>): void {
    if (!(other instanceof List)) throw new TypeError("List.pushAllBack expects a List.");
    if (other.id !== this.id) throw new TypeError(`List.pushAllBack: cannot move items of a List for id ${other.id} into a List for id ${this.id}.`);
    if (other === this) return;
    const src = other.#head;
    if (src.next === src) return;
    for (let l = src.next!; l !== src; l = l.next!) {
      l.chain = this; // ownership follows the items
      if (l.list !== null) l.list = this;
    }
    const first = src.next!, last = src.prev!, tail = this.#head.prev!;
    tail.next = first;
    first.prev = tail;
    last.next = this.#head;
    this.#head.prev = last;
    src.next = src.prev = src;
    this[SIZE] += other[SIZE];
    this[TOMBSTONES] += other[TOMBSTONES];
    other[SIZE] = other[TOMBSTONES] = 0;
  }

  /** Iterates the items front to back as ArcBorrows. The list must not change meanwhile. */
  [Symbol.iterator](): Iterator<ArcBorrow<T>> {
    return new ListIterator<T>(this, this.#head);
  }

  /** A cursor before the first item. */
  cursorFront(): Cursor<T, ID> {
    return new Cursor(this, this.#head, this.#head.next!);
  }

  /** A cursor after the last item. */
  cursorBack(): Cursor<T, ID> {
    return new Cursor(this, this.#head, this.#head);
  }

  /** Drops every item's ListArc (as the kernel's `Drop for List`). Every item is removed even if a destructor throws. */
  [Symbol.dispose](): void {
    const errors: unknown[] = [];
    for (let item = this.popFront(); item !== null; item = this.popFront()) {
      try {
        (item as unknown as { [Symbol.dispose](): void })[Symbol.dispose]();
      } catch (error) {
        errors.push(error);
      }
    }
    if (errors.length === 1) throw errors[0];
    if (errors.length > 1) throw new AggregateError(errors, `List[Symbol.dispose]: ${errors.length} item destructors threw; every item was still removed and released.`);
  }
}

type Counted = { [SIZE]: number; [TOMBSTONES]: number };

/** Takes ownership of `item` for `list`: returns its links, with the list's ListArc stored. */
function adopt(list: List<unknown, number>, item: unknown, operation: string): ListLinks {
  // Release trusts the types for the handle's kind and liveness (as for Arc), but not for list
  // membership: that check is what keeps any misuse from corrupting a list.
  const links = RELEASE ? (item as Partial<ListArcHandle> | null)?.[LINK_KEY] : expectListArc(item, operation)[LINK_KEY];
  if (links === undefined) throw notA(LIST_ARC, item, operation);
  if (links.id !== list.id) throw new TypeError(`${operation}: this ListArc is for list id ${links.id}, but this List is for id ${list.id}.`);
  if (links.list !== null) {
    if (links.arc === item) throw new UseAfterMoveError(`${operation}: this ListArc was moved into a List and can no longer be used; remove it from the list first.`, "ListArc", operation);
    throw new ListError(`${operation}: the value is already in a list of id ${list.id}.`, "ListArc", operation);
  }
  if (links.chain !== null) detach(links); // a tombstone of an earlier removal
  links.arc = RELEASE ? (item as ListArcHandle) : moveOut(item as ListArcHandle, operation);
  return links;
}

/** Links `l` into `list` just before `next`. */
function insertBefore(list: List<unknown, number>, next: ListLinks, l: ListLinks): void {
  const prev = next.prev!;
  l.next = next;
  l.prev = prev;
  prev.next = l;
  next.prev = l;
  l.list = l.chain = list;
  list[SIZE]++;
}

/** Takes `l` out of its cycle (a live item or a tombstone). */
function detach(l: ListLinks): void {
  const prev = l.prev!, next = l.next!;
  prev.next = next;
  next.prev = prev;
  const chain = l.chain as Counted;
  chain[SIZE]--;
  if (l.list === null) chain[TOMBSTONES]--;
  l.next = l.prev = l.chain = null;
}

/** Removes the live item `l` and hands its ListArc back to the caller. */
function unlink(l: ListLinks): ListArcHandle {
  const arc = l.arc as ListArcHandle;
  detach(l);
  l.list = l.arc = null;
  return arc;
}

/** The first live links from `l` in direction `dir` (the sentinel if none), unlinking tombstones passed. */
function liveFrom(l: ListLinks, dir: "next" | "prev"): ListLinks {
  while (l.list === null) {
    const after = l[dir]!;
    detach(l);
    l = after;
  }
  return l;
}

/** Unlinks every tombstone of the cycle starting at `head`. */
function compact(head: ListLinks): void {
  for (let l = head.next!; l !== head; ) {
    const next = l.next!;
    if (l.list === null) detach(l);
    l = next;
  }
}

function borrowAt(l: ListLinks): ArcBorrow<never> {
  return borrowOf(l.arc![CELL_KEY]) as unknown as ArcBorrow<never>;
}

/** Fails loudly when a cursor or iterator holds links that were taken out of the list behind its back. */
function checkStillIn(list: object, l: ListLinks, operation: string): void {
  if (l.chain !== list) throw new ListError(`${operation}: the list was changed behind this cursor or iterator; make a new one.`, "List", operation);
}

/** The first live links from `l` forward, skipping tombstones without unlinking them (for readers). */
function skipRemoved(l: ListLinks): ListLinks {
  while (l.list === null) l = l.next!;
  return l;
}

class ListIterator<T> implements Iterator<ArcBorrow<T>> {
  #next: ListLinks;
  constructor(
    readonly list: object,
    readonly head: ListLinks,
  ) {
    this.#next = head.next!;
  }
  next(): IteratorResult<ArcBorrow<T>> {
    checkStillIn(this.list, this.#next, "List iteration");
    const l = skipRemoved(this.#next);
    if (l === this.head) return { done: true, value: undefined };
    this.#next = l.next!;
    return { done: false, value: borrowAt(l) as ArcBorrow<T> };
  }
}

/**
 * A position between two items of a list, or at either end (the kernel's cursor since v6.15).
 * Invariant: `#next` is the item right after the cursor, or the sentinel at the back end.
 */
export class Cursor<T, ID extends number = 0> {
  #next: ListLinks;
  readonly #list: List<T, ID>;
  readonly #head: ListLinks;

  constructor(list: List<T, ID>, head: ListLinks, next: ListLinks) {
    this.#list = list;
    this.#head = head;
    this.#next = next;
  }

  /** The item after the cursor, or null at the back. */
  peekNext(): CursorPeek<T, ID> | null {
    const l = this.#current("Cursor.peekNext");
    return l === this.#head ? null : new CursorPeek(this, l, true);
  }

  /** The item before the cursor, or null at the front. */
  peekPrev(): CursorPeek<T, ID> | null {
    const l = this.#previous("Cursor.peekPrev");
    return l === this.#head ? null : new CursorPeek(this, l, false);
  }

  /** Moves past the next item; false (no move) at the back. */
  moveNext(): boolean {
    const l = this.#current("Cursor.moveNext");
    if (l === this.#head) return false;
    this.#next = l.next!;
    return true;
  }

  /** Moves back past the previous item; false (no move) at the front. */
  movePrev(): boolean {
    const prev = this.#previous("Cursor.movePrev");
    if (prev === this.#head) return false;
    this.#next = prev;
    return true;
  }

  /** Inserts `item` so that it is right after the cursor. */
  insertNext(item: ListArcCore<T, ID>): void {
    this.#insert(item, "Cursor.insertNext");
    this.#next = this.#next.prev!;
  }

  /** Inserts `item` so that it is right before the cursor. */
  insertPrev(item: ListArcCore<T, ID>): void {
    this.#insert(item, "Cursor.insertPrev");
  }

  /** Removes the item after the cursor; null at the back. */
  removeNext(): ListArc<T, ID> | null {
    return this.peekNext()?.remove() ?? null;
  }

  /** Removes the item before the cursor; null at the front. */
  removePrev(): ListArc<T, ID> | null {
    return this.peekPrev()?.remove() ?? null;
  }

  /** @internal Removes `l` (peeked next or prev), keeping the cursor between the same neighbours. */
  removeAt(l: ListLinks): ListArc<T, ID> {
    if (l.list !== this.#list) throw new ListError("CursorPeek.remove: the peeked item is no longer in the list.", "List", "CursorPeek.remove");
    if (l === this.#next) this.#next = l.next!;
    return unlink(l) as unknown as ListArc<T, ID>;
  }

  /** The live links after the cursor (past any tombstones), or the sentinel at the back. */
  #current(operation: string): ListLinks {
    checkStillIn(this.#list, this.#next, operation);
    return (this.#next = skipRemoved(this.#next));
  }

  /** The live links before the cursor, or the sentinel at the front. */
  #previous(operation: string): ListLinks {
    let l = this.#current(operation).prev!;
    while (l.list === null) l = l.prev!;
    return l;
  }

  #insert(item: ListArcCore<T, ID>, operation: string): void {
    insertBefore(this.#list, this.#current(operation), adopt(this.#list as List<unknown, number>, item, operation));
  }
}

/** A peeked item: remove it, or borrow it. Valid until the list changes. */
export class CursorPeek<T, ID extends number = 0> {
  readonly #cursor: Cursor<T, ID>;
  readonly #links: ListLinks;
  constructor(cursor: Cursor<T, ID>, links: ListLinks, readonly isNext: boolean) {
    this.#cursor = cursor;
    this.#links = links;
  }

  /** Removes the peeked item from the list and returns its ListArc. */
  remove(): ListArc<T, ID> {
    return this.#cursor.removeAt(this.#links);
  }

  /** A borrow of the peeked item. */
  arc(): ArcBorrow<T> {
    if (this.#links.arc === null) throw new ListError("CursorPeek.arc: the peeked item was removed from the list.", "List", "CursorPeek.arc");
    return borrowAt(this.#links) as ArcBorrow<T>;
  }
}
