import { CELL, moveOut } from "./handle.js";
import { releaseMode } from "./mode.js";
import { borrowOf, type ArcBorrow } from "./arc.js";
import { ID, LIST_ARC, NEXT, OWNER, PREV, REMOVED, expectListArc, isListed, type ListArc, type ListArcCore, type ListArcHandle, type ListNode } from "./list-arc.js";
import { notA } from "./ownership.js";
import { checkListId, slotKey } from "./list-item.js";
import { Pointee } from "./pointee.js";
import { ListError, UseAfterMoveError } from "./errors.js";
import { kindOf } from "./kind.js";

// Module-local copies of the keys used on every operation: V8 folds a module's own constants
// into optimized code, but reloads imported bindings (see handle.ts). For the same reason the
// helpers below are `const` arrow functions: a function declaration is a binding that may be
// reassigned, which optimized code checks at every call (a steady push + pop: 9.0 -> 7.5 ns).
const RELEASE = releaseMode;
const N: typeof NEXT = NEXT;
const P: typeof PREV = PREV;
const O: typeof OWNER = OWNER;
const R: typeof REMOVED = REMOVED;
const I: typeof ID = ID;
const POINTEE_KEY: typeof Pointee = Pointee;
const CELL_KEY: typeof CELL = CELL;

/** `list[SIZE]`: nodes in the list's cycle; `list[TOMBSTONES]`: how many of them are removed ones. */
const SIZE = Symbol("ts-smart-pointer.size");
const TOMBSTONES = Symbol("ts-smart-pointer.tombstones");

/** Compaction runs when tombstones pass this many and make up half the cycle (amortised O(1)). */
const COMPACT_AFTER = 16;

/** A list's sentinel: the node before the first item and after the last; it counts as live. */
class Sentinel implements ListNode {
  [N]: ListNode;
  [P]: ListNode;
  readonly [O]: object;
  readonly [R] = false;
  constructor(list: object) {
    this[N] = this[P] = this;
    this[O] = list;
  }
}

/**
 * An intrusive, circular, doubly linked list of ListArcs for one list id (the kernel's `List`).
 * Each ListArc is its own node (list-arc.ts), so no operation allocates and each touches one
 * object per item.
 *
 * Invariants:
 * - `#head` and the nodes whose `[OWNER]` is this list form one cycle.
 * - For every item in the list, the list owns its ListArc (the node), which is not `[REMOVED]`.
 *   Every operation that takes an item checks this, which makes `remove(item)` safe (null for an
 *   item of another list) where the kernel's is `unsafe`.
 * - `remove` leaves a tombstone (see ListNode); tombstones are at most half of `[SIZE]`, plus
 *   COMPACT_AFTER. A random removal then touches the item and its node, not its neighbours: at a
 *   million items that is most of the cost of cancelling a timer.
 */
export class List<T, ID extends number = 0> {
  readonly id: ID;
  readonly #head: Sentinel;
  /** The items' slot for this id: where `remove` finds an item's node. */
  readonly #slot: symbol;
  [SIZE] = 0;
  [TOMBSTONES] = 0;

  constructor(...[id]: ID extends 0 ? [id?: 0] : [id: ID]) {
    this.id = checkListId(id === undefined ? 0 : id, "new List") as ID; // only a missing id is 0
    this.#head = new Sentinel(this);
    this.#slot = slotKey(this.id);
  }

  /** True when the list holds no item. */
  isEmpty(): boolean {
    return this[SIZE] === this[TOMBSTONES];
  }

  /** The number of items, in O(1) (Rust's `LinkedList::len`; the kernel's List has none). */
  len(): number {
    return this[SIZE] - this[TOMBSTONES]; // counts the list keeps anyway: no cost to pushes and pops
  }

  /** The first item, borrowed (it stays in the list), or null when empty. Amortised O(1). */
  front(): ArcBorrow<T> | null {
    const first = liveAfter(this.#head);
    return first === this.#head ? null : (borrowAt(first) as ArcBorrow<T>);
  }

  /** The last item, borrowed (it stays in the list), or null when empty. Amortised O(1). */
  back(): ArcBorrow<T> | null {
    const last = liveBefore(this.#head);
    return last === this.#head ? null : (borrowAt(last) as ArcBorrow<T>);
  }

  /** Adds `item` at the back (takes ownership). O(1), allocates nothing. */
  pushBack(item: ListArcCore<T, ID>): void {
    insertBefore(this, this.#head, adopt(this, item, "List.pushBack"));
  }

  /** Adds `item` at the front (takes ownership). O(1), allocates nothing. */
  pushFront(item: ListArcCore<T, ID>): void {
    const l = adopt(this, item, "List.pushFront");
    insertBefore(this, this.#head[N], l); // read after adopt, which may unlink the first node (item's tombstone)
  }

  /** Removes and returns the first item, or null when empty. */
  popFront(): ListArc<T, ID> | null {
    const first = liveAfter(this.#head);
    return first === this.#head ? null : (unlink(first) as unknown as ListArc<T, ID>);
  }

  /** Removes and returns the last item, or null when empty. */
  popBack(): ListArc<T, ID> | null {
    const last = liveBefore(this.#head);
    return last === this.#head ? null : (unlink(last) as unknown as ListArc<T, ID>);
  }

  /** Removes `item` (the value itself) in O(1); null when it is not in this list. */
  remove(item: T): ListArc<T, ID> | null {
    let node: ListArcHandle | null | undefined;
    try {
      node = (item as Record<symbol, ListArcHandle | null | undefined>)[this.#slot]; // see NO_TEST_BEFORE_LOAD
    } catch {
      node = undefined; // item is null or undefined
    }
    // The node's pointee is checked too: a copy of an item carries the item's slot (list-item.ts).
    if (node == null || !isLiveIn(node, this) || node[POINTEE_KEY] !== item) return notAnItemOf(item);
    node[R] = true; // a tombstone: the neighbours are left for later
    if (++this[TOMBSTONES] > COMPACT_AFTER && this[TOMBSTONES] * 2 > this[SIZE]) compact(this.#head);
    return node as unknown as ListArc<T, ID>;
  }

  /** Moves every item of `other` to the back of this list; `other` becomes empty. O(length of other). */
  pushAllBack(other: List<T, ID>): void {
    if (typeof other !== "object" || other === null || !(#head in other)) throw new TypeError("List.pushAllBack expects a List.");
    if (other.id !== this.id) throw new TypeError(`List.pushAllBack: cannot move items of a List for id ${other.id} into a List for id ${this.id}.`);
    if (other === this) return;
    const src = other.#head, head = this.#head;
    if (src[N] === src) return;
    for (let l = src[N]; l !== src; l = l[N]!) l[O] = this; // ownership follows the items
    const first = src[N], last = src[P], tail = head[P];
    tail[N] = first;
    first[P] = tail;
    last[N] = head;
    head[P] = last;
    src[N] = src[P] = src;
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
    return new Cursor(this, this.#head, this.#head[N]);
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
        (item as unknown as Disposable)[Symbol.dispose]();
      } catch (error) {
        errors.push(error);
      }
    }
    throwAll(errors, "List[Symbol.dispose]");
  }

  /**
   * `await using list = new List<T>()`: drops every item's ListArc as `[Symbol.dispose]` does,
   * starting each last drop's async destructor in list order, and awaits them all.
   */
  async [Symbol.asyncDispose](): Promise<void> {
    const drops: PromiseLike<void>[] = [];
    for (let item = this.popFront(); item !== null; item = this.popFront()) drops.push((item as unknown as AsyncDisposable)[Symbol.asyncDispose]());
    const failed = (await Promise.allSettled(drops)).filter((r): r is PromiseRejectedResult => r.status === "rejected");
    throwAll(failed.map((r) => r.reason as unknown), "List[Symbol.asyncDispose]");
  }
}

/** Rethrows what the item destructors of a list's disposal threw: one error as is, several aggregated. */
const throwAll = (errors: unknown[], operation: string): void => {
  if (errors.length === 1) throw errors[0];
  if (errors.length > 1) throw new AggregateError(errors, `${operation}: ${errors.length} item destructors threw; every item was still removed and released.`);
};

type Counted = { [SIZE]: number; [TOMBSTONES]: number };

// NO_TEST_BEFORE_LOAD: `remove` and `adopt` load from their argument before testing it (a
// null or undefined one throws in the load, caught, and is then refused as any non-item is). Testing it first, even with `?.`, cost
// 17 of 105 ns per item in the cancel phase at 10^6 items, and 4 of 18 in the push phase. (A
// helper shared by both loads would share one inline cache: the cancel phase then took 146.)

/** What `remove` returns for `item`, which is not a live item of the list: null, or a TypeError for a non-object. */
const notAnItemOf = (item: unknown): null => {
  if (typeof item !== "object" || item === null) throw new TypeError(`List.remove expects the item (an object), but got ${item === null ? "null" : typeof item}.`);
  return null;
};

/** Takes ownership of `item` for `list`: returns the node to link in (the ListArc the list now owns). */
const adopt = (list: List<unknown, number>, item: unknown, operation: string): ListArcHandle => {
  // Release trusts the types for the handle's kind and liveness (as for Arc), but not for list
  // membership: that check is what keeps any misuse from corrupting a list.
  const h = (RELEASE ? item : expectListArc(item, operation)) as ListArcHandle;
  let owner: object | null | undefined;
  try {
    owner = h[O]; // see NO_TEST_BEFORE_LOAD
  } catch {
    owner = undefined; // item is null or undefined
  }
  if (owner === undefined) throw notA(LIST_ARC, item, operation);
  if (h[I] !== list.id) throw new TypeError(`${operation}: this ListArc is for list id ${h[I]}, but this List is for id ${list.id}.`);
  if (owner !== null) {
    if (!h[R]) throw new UseAfterMoveError(`${operation}: this ListArc was moved into a List and can no longer be used; remove it from the list first.`, "ListArc", operation);
    detach(h); // a tombstone of an earlier removal
  }
  return RELEASE ? h : moveOut(h, operation); // the moved-out node is the value's ListArc now (copyListArc)
};

/**
 * Links `l` into `list` just before `next`, which must be in the cycle: a caller picks `next`
 * after `adopt`, which unlinks the item's tombstone if it has one, or picks a live node or the
 * sentinel, which `adopt` never unlinks.
 */
const insertBefore = (list: List<unknown, number>, next: ListNode, l: ListNode): void => {
  const prev = next[P]!;
  l[N] = next;
  l[P] = prev;
  prev[N] = l;
  next[P] = l;
  l[O] = list; // l is out of any list, so not [REMOVED] (detach clears it)
  list[SIZE]++;
};

/** True when `l` is a live item of `list` (not a tombstone). */
const isLiveIn = (l: ListNode, list: object): boolean => {
  return l[O] === list && !l[R];
};

/** Takes `l` out of its list's cycle (a live item or a tombstone). */
const detach = (l: ListNode): void => {
  if (l[R]) {
    (l[O] as Counted)[TOMBSTONES]--;
    l[R] = false;
  }
  unlink(l);
};

/**
 * Takes the live item `l` out of its list's cycle and hands its ListArc back to the caller. Pops
 * call this directly: leaving alone the flag, which is clear on a live item, made a steady
 * push + pop 5-7% faster.
 */
const unlink = (l: ListNode): ListArcHandle => {
  const prev = l[P]!, next = l[N]!;
  prev[N] = next;
  next[P] = prev;
  (l[O] as Counted)[SIZE]--;
  l[N] = l[P] = l[O] = null;
  return l as ListArcHandle;
};

// liveAfter and liveBefore mirror each other rather than take a direction: a variable key would
// make every link access a generic keyed load.

/** The first live node after the sentinel `head` (`head` if none), unlinking the tombstones passed. */
const liveAfter = (head: ListNode): ListNode => {
  let next = head[N]!;
  while (next[R]) {
    detach(next);
    next = head[N]!;
  }
  return next;
};

/** The last live node before the sentinel `head` (`head` if none), unlinking the tombstones passed. */
const liveBefore = (head: ListNode): ListNode => {
  let prev = head[P]!;
  while (prev[R]) {
    detach(prev);
    prev = head[P]!;
  }
  return prev;
};

/** Unlinks every tombstone of the cycle starting at the sentinel `head`. */
const compact = (head: ListNode): void => {
  for (let l = head[N]!; l !== head; ) {
    const next = l[N]!;
    if (l[R]) detach(l);
    l = next;
  }
};

const borrowAt = (l: ListNode): ArcBorrow<never> => {
  return borrowOf((l as ListArcHandle)[CELL_KEY]) as unknown as ArcBorrow<never>;
};

/** Fails loudly when a cursor or iterator holds a node taken out of the list behind its back. */
const checkStillIn = (list: object, l: ListNode, operation: string): void => {
  if (l[O] !== list) throw new ListError(`${operation}: the list was changed behind this cursor or iterator; make a new one.`, "List", operation);
};

/** The first live node from `l` forward, skipping tombstones without unlinking them (for readers). */
const skipRemoved = (l: ListNode): ListNode => {
  while (l[R]) l = l[N]!;
  return l;
};

/**
 * Invariant: `#next` is the next live node (or the sentinel) when the iterator last moved. It
 * never rests on a tombstone, so unlinking tombstones (a pop, a peek at an end, a re-insert of a
 * removed item elsewhere) does not disturb it; only a change to the list's items can.
 */
class ListIterator<T> implements Iterator<ArcBorrow<T>> {
  #next: ListNode;
  constructor(
    readonly list: object,
    readonly head: ListNode,
  ) {
    this.#next = skipRemoved(head[N]!);
  }
  next(): IteratorResult<ArcBorrow<T>> {
    checkStillIn(this.list, this.#next, "List iteration");
    const l = skipRemoved(this.#next); // removed since the last step
    if (l === this.head) return { done: true, value: undefined };
    this.#next = skipRemoved(l[N]!);
    return { done: false, value: borrowAt(l) as ArcBorrow<T> };
  }
}

/**
 * A position between two items of a list, or at either end (the kernel's cursor since v6.15).
 * Invariant: `#next` is the live node right after the cursor, or the sentinel at the back end,
 * as of the cursor's last operation. It never rests on a tombstone, so unlinking tombstones
 * (a pop, a peek at an end, a re-insert of a removed item elsewhere) does not disturb it; an item
 * removed since is skipped when the cursor is next used, and one taken out is caught.
 */
export class Cursor<T, ID extends number = 0> {
  #next: ListNode;
  readonly #list: List<T, ID>;
  readonly #head: ListNode;

  constructor(list: List<T, ID>, head: ListNode, next: ListNode) {
    if (!(head instanceof Sentinel) || head[O] !== list || (next as ListNode | undefined)?.[O] !== list) {
      throw new TypeError("new Cursor: a Cursor is made by list.cursorFront() or list.cursorBack(), not constructed directly.");
    }
    this.#list = list;
    this.#head = head;
    this.#next = skipRemoved(next);
  }

  /** The item after the cursor, or null at the back. */
  peekNext(): CursorPeek<T, ID> | null {
    const l = this.#current("Cursor.peekNext");
    return l === this.#head ? null : new CursorPeek(this, l);
  }

  /** The item before the cursor, or null at the front. */
  peekPrev(): CursorPeek<T, ID> | null {
    const l = this.#previous("Cursor.peekPrev");
    return l === this.#head ? null : new CursorPeek(this, l);
  }

  /** Moves past the next item; false (no move) at the back. */
  moveNext(): boolean {
    const l = this.#current("Cursor.moveNext");
    if (l === this.#head) return false;
    this.#next = skipRemoved(l[N]!);
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
    this.#next = this.#next[P]!;
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
  removeAt(l: ListNode): ListArc<T, ID> {
    if (typeof l !== "object" || l === null || !isLiveIn(l, this.#list)) throw new ListError("CursorPeek.remove: the peeked item is no longer in the list.", "List", "CursorPeek.remove");
    if (l === this.#next) this.#next = skipRemoved(l[N]!);
    return unlink(l) as unknown as ListArc<T, ID>;
  }

  /** The live node after the cursor (past any tombstones), or the sentinel at the back. */
  #current(operation: string): ListNode {
    checkStillIn(this.#list, this.#next, operation);
    return (this.#next = skipRemoved(this.#next));
  }

  /** The live node before the cursor, or the sentinel at the front. */
  #previous(operation: string): ListNode {
    let l = this.#current(operation)[P]!;
    while (l[R]) l = l[P]!;
    return l;
  }

  #insert(item: ListArcCore<T, ID>, operation: string): void {
    const next = this.#current(operation); // live, so adopt (which may unlink item's tombstone) keeps it
    insertBefore(this.#list as List<unknown, number>, next, adopt(this.#list as List<unknown, number>, item, operation));
  }
}

/** A peeked item: remove it, or borrow it. Valid until the list changes. */
export class CursorPeek<T, ID extends number = 0> {
  readonly #cursor: Cursor<T, ID>;
  readonly #node: ListNode;
  constructor(cursor: Cursor<T, ID>, node: ListNode) {
    if (!(cursor instanceof Cursor) || kindOf(node) !== LIST_ARC) {
      throw new TypeError("new CursorPeek: a CursorPeek is made by cursor.peekNext() or cursor.peekPrev(), not constructed directly.");
    }
    this.#cursor = cursor;
    this.#node = node;
  }

  /** Removes the peeked item from the list and returns its ListArc. */
  remove(): ListArc<T, ID> {
    return this.#cursor.removeAt(this.#node);
  }

  /** A borrow of the peeked item. */
  arc(): ArcBorrow<T> {
    if (!isListed(this.#node)) throw new ListError("CursorPeek.arc: the peeked item was removed from the list.", "List", "CursorPeek.arc");
    return borrowAt(this.#node) as ArcBorrow<T>;
  }
}
