import { describe, expect, test } from "vitest";
import { Arc, List, ListArc, ListError, ListItem, UniqueArc, UseAfterMoveError, DoubleDropError, type ArcBorrow } from "../runtime/index.js";
import { Resource } from "./helpers.js";

@ListItem()
class Item {
  constructor(readonly value: number) {}
  static new(value: number): ListArc<Item> {
    return ListArc.new(new Item(value));
  }
}

const values = (list: List<Item>) => [...list].map((b: ArcBorrow<Item>) => b.value);

// The kernel's cursor doc example (rust/kernel/list.rs, `Cursor`), ported.
describe("kernel doc example: cursors", () => {
  function removeFirst(list: List<Item>, value: number): ListArc<Item> | null {
    const cursor = list.cursorFront();
    for (let next = cursor.peekNext(); next; next = cursor.peekNext()) {
      if (next.arc().value === value) return next.remove();
      cursor.moveNext();
    }
    return null;
  }
  function removeLast(list: List<Item>, value: number): ListArc<Item> | null {
    const cursor = list.cursorBack();
    for (let prev = cursor.peekPrev(); prev; prev = cursor.peekPrev()) {
      if (prev.arc().value === value) return prev.remove();
      cursor.movePrev();
    }
    return null;
  }
  function removeAll(list: List<Item>, value: number): List<Item> {
    const out = new List<Item>();
    const cursor = list.cursorFront();
    for (let next = cursor.peekNext(); next; next = cursor.peekNext()) {
      if (next.arc().value === value) out.pushBack(next.remove());
      else cursor.moveNext();
    }
    return out;
  }
  function insertAt(list: List<Item>, item: ListArc<Item>, idx: number): void {
    const cursor = list.cursorFront();
    for (let i = 0; i < idx; i++) if (!cursor.moveNext()) throw new RangeError("EINVAL");
    cursor.insertNext(item);
  }
  function mergeSorted(list: List<Item>, merge: List<Item>): void {
    const cursor = list.cursorFront();
    for (let toInsert = merge.popFront(); toInsert; toInsert = merge.popFront()) {
      for (let next = cursor.peekNext(); next; next = cursor.peekNext()) {
        if (toInsert.value < next.arc().value) break;
        cursor.moveNext();
      }
      cursor.insertPrev(toInsert);
    }
  }

  test("remove_all, remove_first, insert_at, remove_last, merge_sorted", () => {
    const list = new List<Item>();
    for (const v of [14, 12, 10, 12, 15, 14]) list.pushBack(Item.new(v));
    expect([...removeAll(list, 12)].length).toBe(2);
    expect(values(list)).toEqual([14, 10, 15, 14]);
    expect(removeFirst(list, 14)).not.toBeNull();
    expect(values(list)).toEqual([10, 15, 14]);
    insertAt(list, Item.new(12), 2);
    expect(values(list)).toEqual([10, 15, 12, 14]);
    expect(removeLast(list, 15)).not.toBeNull();
    expect(values(list)).toEqual([10, 12, 14]);
    const list2 = new List<Item>();
    list2.pushBack(Item.new(11));
    list2.pushBack(Item.new(13));
    mergeSorted(list, list2);
    const items: number[] = [];
    for (let it = list.popFront(); it; it = list.popFront()) items.push(it.value);
    expect(items).toEqual([10, 11, 12, 13, 14]);
    expect(list.popFront()).toBeNull();
    expect(() => insertAt(list, Item.new(1), 1)).toThrow(RangeError);
  });
});

describe("List: the kernel API", () => {
  test("push and pop at both ends; isEmpty", () => {
    const list = new List<Item>();
    expect(list.isEmpty()).toBe(true);
    expect(list.popFront()).toBeNull();
    expect(list.popBack()).toBeNull();
    list.pushBack(Item.new(2));
    list.pushFront(Item.new(1));
    list.pushBack(Item.new(3));
    expect(values(list)).toEqual([1, 2, 3]);
    expect(list.popBack()!.value).toBe(3);
    expect(list.popFront()!.value).toBe(1);
    expect(list.isEmpty()).toBe(false);
  });

  test("remove(item) is O(1) and safe: null for an item not in this list", () => {
    const a = new List<Item>();
    const b = new List<Item>();
    const x = new Item(1);
    const y = new Item(2);
    a.pushBack(ListArc.new(x));
    b.pushBack(ListArc.new(y));
    expect(a.remove(y)).toBeNull(); // in another list of the same id
    expect(values(b)).toEqual([2]);
    const removed = a.remove(x)!;
    expect(Arc.deref(removed)).toBe(x);
    expect(a.remove(x)).toBeNull(); // no longer in it
    expect(a.remove(new Item(3))).toBeNull(); // never had a ListArc
    expect(() => a.remove(null as never)).toThrow("List.remove expects the item (an object), but got null.");
    expect(() => a.remove(undefined as never)).toThrow("List.remove expects the item (an object), but got undefined.");
  });

  test("pushAllBack moves every item; remove then works on the new list", () => {
    const a = new List<Item>();
    const b = new List<Item>();
    const items = [1, 2, 3].map((v) => new Item(v));
    a.pushBack(ListArc.new(items[0]!));
    for (const it of items.slice(1)) b.pushBack(ListArc.new(it));
    a.pushAllBack(b);
    expect(values(a)).toEqual([1, 2, 3]);
    expect(b.isEmpty()).toBe(true);
    expect(b.remove(items[1]!)).toBeNull();
    expect(a.remove(items[1]!)).not.toBeNull();
    a.pushAllBack(new List<Item>());
    a.pushAllBack(a);
    expect(values(a)).toEqual([1, 3]);
  });

  test("misuse of remove and pushAllBack is a TypeError that names the mistake; no list changes", () => {
    const a = new List<Item>();
    a.pushBack(Item.new(1));
    expect(() => a.remove(5 as never)).toThrow("List.remove expects the item (an object), but got number.");
    expect(() => a.pushAllBack([Item.new(2)] as never)).toThrow("List.pushAllBack expects a List.");
    @ListItem(0, 1)
    class Two {}
    const other = new List<Two, 1>(1);
    other.pushBack(ListArc.new(new Two(), 1));
    expect(() => a.pushAllBack(other as never)).toThrow("List.pushAllBack: cannot move items of a List for id 1 into a List for id 0.");
    expect(values(a)).toEqual([1]);
    expect(other.isEmpty()).toBe(false);
  });

  test("ListArc.asArcBorrow lends the value while the caller holds the ListArc, not once it is in a list", () => {
    const la = Item.new(4);
    const borrow = ListArc.asArcBorrow(la);
    expect(borrow.value).toBe(4);
    expect(ListArc.asArcBorrow(la)).toBe(borrow); // one borrow per value
    new List<Item>().pushBack(la);
    expect(() => ListArc.asArcBorrow(la)).toThrow(UseAfterMoveError);
  });

  test("iteration yields ArcBorrows that can be upgraded", () => {
    const list = new List<Item>();
    list.pushBack(Item.new(7));
    const [borrow] = [...list];
    const arc = Arc.from(borrow!);
    expect(Arc.strongCount(arc)).toBe(2);
    Arc.drop(arc);
  });

  test("changing the list under an iterator or cursor is a clear error, not corruption", () => {
    const list = new List<Item>();
    const x = new Item(1);
    list.pushBack(ListArc.new(x));
    list.pushBack(Item.new(2));
    const it = list[Symbol.iterator]();
    it.next();
    const cursor = list.cursorFront();
    cursor.moveNext(); // now before 2
    const peek = cursor.peekNext()!;
    list.popBack();
    expect(() => it.next()).toThrow(ListError);
    expect(() => cursor.peekNext()).toThrow(ListError);
    expect(() => peek.remove()).toThrow(ListError);
    expect(() => peek.arc()).toThrow(ListError);
  });

  test("cursor on an empty list, and at both ends", () => {
    const list = new List<Item>();
    const c = list.cursorFront();
    expect(c.peekNext()).toBeNull();
    expect(c.peekPrev()).toBeNull();
    expect(c.moveNext()).toBe(false);
    expect(c.movePrev()).toBe(false);
    expect(c.removeNext()).toBeNull();
    expect(c.removePrev()).toBeNull();
    c.insertPrev(Item.new(1)); // [1 |]
    c.insertNext(Item.new(2)); // [1 | 2]
    expect(c.peekPrev()!.arc().value).toBe(1);
    expect(c.peekNext()!.arc().value).toBe(2);
    expect(c.removePrev()!.value).toBe(1);
    expect(c.removeNext()!.value).toBe(2);
    expect(list.isEmpty()).toBe(true);
  });

  test("len, front and back: O(1) length and borrowed ends, tombstones not counted", () => {
    const list = new List<Item>();
    expect([list.len(), list.front(), list.back()]).toEqual([0, null, null]);
    const items = [1, 2, 3, 4].map((v) => new Item(v));
    for (const item of items) list.pushBack(ListArc.new(item));
    expect(list.len()).toBe(4);
    const front = list.front()!;
    expect(front.value).toBe(1);
    expect(list.back()!.value).toBe(4);
    expect(list.len()).toBe(4); // a peek leaves the item in the list
    const upgraded = Arc.from(front); // an ArcBorrow, as iteration yields
    expect(Arc.strongCount(upgraded)).toBe(2);
    Arc.drop(upgraded);
    const first = list.remove(items[0]!)!;
    const last = list.remove(items[3]!)!; // tombstones at both ends
    expect([list.len(), list.front()!.value, list.back()!.value]).toEqual([2, 2, 3]);
    list.pushFront(last);
    expect([list.len(), list.front()!.value]).toEqual([3, 4]);
    ListArc.drop(first);
    list.popFront();
    list.popBack();
    list.popBack();
    expect([list.len(), list.isEmpty(), list.front(), list.back()]).toEqual([0, true, null, null]);
  });

  test("ListArc.strongCount counts every strong reference; a ListArc in a list or a non-ListArc is refused", () => {
    const item = new Item(1);
    const la = ListArc.new(item);
    expect(ListArc.strongCount(la)).toBe(1);
    const arc = ListArc.cloneArc(la);
    expect(ListArc.strongCount(la)).toBe(2);
    const list = new List<Item>();
    list.pushBack(la);
    expect(() => ListArc.strongCount(la)).toThrow(UseAfterMoveError);
    const back = list.popFront()!;
    expect(ListArc.strongCount(back)).toBe(2);
    Arc.drop(arc);
    expect(ListArc.strongCount(back)).toBe(1);
    expect(() => ListArc.strongCount(Arc.new(new Item(2)) as never)).toThrow(/ListArc\.strongCount expects a ListArc, but got Arc/);
    expect(() => ListArc.strongCount(undefined as never)).toThrow(TypeError);
    ListArc.drop(back);
    expect(() => ListArc.strongCount(back)).toThrow(/ListArc\.strongCount/);
  });

  test("[Symbol.dispose] drops every remaining ListArc", () => {
    @ListItem()
    class Res extends Resource {}
    const resources = [new Res(), new Res()];
    {
      using list = new List<Res>();
      for (const r of resources) list.pushBack(ListArc.new(r));
    }
    expect(resources.map((r) => r.disposed)).toEqual([1, 1]);
  });
});

describe("tombstones (a removed item's node stays linked until swept)", () => {
  test("pops at either end pass removed items; a removed item can enter another list at once", () => {
    const a = new List<Item>();
    const b = new List<Item>();
    const items = [1, 2, 3, 4, 5].map((v) => new Item(v));
    for (const item of items) a.pushBack(ListArc.new(item));
    const first = a.remove(items[0]!)!;
    ListArc.drop(a.remove(items[4]!)!);
    b.pushBack(first); // still linked in a's cycle until now: it leaves a, and a's counts follow
    expect(a.popBack()!.value).toBe(4);
    expect(a.popFront()!.value).toBe(2);
    expect(values(a)).toEqual([3]);
    expect(values(b)).toEqual([1]);
    expect(a.remove(items[0]!)).toBeNull();
    expect(a.popFront()!.value).toBe(3);
    expect(a.isEmpty()).toBe(true);
    expect(a.popBack()).toBeNull();
    expect(b.isEmpty()).toBe(false);
  });
  test("the LRU touch: remove the first or last item and push it back at either end; nothing is lost", () => {
    @ListItem()
    class Entry extends Resource {}
    const entries = [new Entry("a"), new Entry("b"), new Entry("c")];
    const names = (l: List<Entry>) => [...l].map((e) => e.name).join("");
    {
      using lru = new List<Entry>();
      for (const e of entries) lru.pushBack(ListArc.new(e));
      lru.pushFront(lru.remove(entries[0]!)!); // the first item's tombstone is the first node
      expect(names(lru)).toBe("abc");
      lru.pushBack(lru.remove(entries[2]!)!); // the last item's tombstone is the last node
      expect(names(lru)).toBe("abc");
      lru.pushFront(lru.remove(entries[2]!)!);
      lru.pushBack(lru.remove(entries[2]!)!);
      lru.pushFront(lru.remove(entries[1]!)!);
      expect(names(lru)).toBe("bac");
      const front = lru.cursorFront();
      front.insertPrev(lru.remove(entries[1]!)!); // at a cursor resting next to the tombstone
      expect(names(lru)).toBe("bac");
      expect(entries.map((e) => e.disposed)).toEqual([0, 0, 0]);
    }
    expect(entries.map((e) => e.disposed)).toEqual([1, 1, 1]); // each exactly once
  });

  test("a cursor or iterator is not disturbed when a tombstone next to it is unlinked by another list", () => {
    const a = new List<Item>();
    const b = new List<Item>();
    const [one, two] = [new Item(1), new Item(2)];
    a.pushBack(ListArc.new(one));
    a.pushBack(ListArc.new(two));
    const removed = a.remove(one)!; // its tombstone stays first in a
    const cursor = a.cursorFront();
    const it = a[Symbol.iterator]();
    b.pushBack(removed); // unlinks the tombstone from a's cycle
    expect(cursor.peekNext()!.arc().value).toBe(2);
    expect(cursor.movePrev()).toBe(false);
    expect(it.next().value!.value).toBe(2);
    expect(it.next().done).toBe(true);
    expect(values(b)).toEqual([1]);
  });

  test("a removed ListArc used as a moving receiver re-enqueues into the same list", () => {
    @ListItem()
    class Job {
      constructor(readonly name: string) {}
      requeue(self: ListArc<this>, q: List<Job>): void {
        q.pushBack(self); // in debug, `self` is a moved copy while the tombstone is still linked
      }
    }
    const q = new List<Job>();
    const a = new Job("a");
    q.pushBack(ListArc.new(a));
    q.pushBack(ListArc.new(new Job("b")));
    const removed = q.remove(a)!;
    expect([...q].map((j) => j.name)).toEqual(["b"]);
    removed.requeue(q);
    expect([...q].map((j) => j.name)).toEqual(["b", "a"]);
    expect(q.remove(a)).not.toBeNull(); // found through the value's slot: the copy in the list
    expect(() => ListArc.new(a)).toThrow(ListError); // the slot followed each move: still one ListArc
    expect(q.popFront()!.name).toBe("b");
    expect(q.popFront()).toBeNull();
    expect(q.isEmpty()).toBe(true);
  });

  test("many removals without pops stay bounded: compaction unlinks the tombstones", () => {
    const list = new List<Item>();
    const items = Array.from({ length: 1000 }, (_, i) => new Item(i));
    for (const item of items) list.pushBack(ListArc.new(item));
    for (const item of items.slice(0, 990)) ListArc.drop(list.remove(item)!);
    expect(values(list)).toEqual([990, 991, 992, 993, 994, 995, 996, 997, 998, 999]);
    const linked = Object.getOwnPropertySymbols(list).map((s) => [s.description, (list as unknown as Record<symbol, number>)[s]]);
    const size = Object.fromEntries(linked)["ts-smart-pointer.size"]!;
    expect(size).toBeLessThanOrEqual(2 * 10 + 16 + 1); // live items plus at most as many tombstones, plus the slack
  });
});

describe("ListArc: one per (value, id)", () => {
  test("tryFromArc is null while a ListArc exists, and succeeds after intoArc or drop", () => {
    const a = Arc.new(new Item(1));
    const la = ListArc.tryFromArc(Arc.clone(a))!;
    expect(la).not.toBeNull();
    const b = Arc.clone(a);
    expect(ListArc.tryFromArc(b)).toBeNull();
    expect(Arc.strongCount(b)).toBe(3); // null leaves b untouched
    const back = ListArc.intoArc(la);
    const la2 = ListArc.tryFromArc(b)!;
    expect(la2).not.toBeNull();
    expect(() => Arc.strongCount(b)).toThrow(UseAfterMoveError); // b was taken over
    ListArc.drop(la2);
    expect(ListArc.tryFromArc(back)).not.toBeNull();
  });

  test("tryFromArcOrDrop drops the Arc on failure, or converts a unique one", () => {
    const value = new Item(1);
    const a = Arc.new(value);
    const la = ListArc.tryFromArc(Arc.clone(a))!;
    const c = Arc.clone(a);
    expect(ListArc.tryFromArcOrDrop(c)).toBeNull();
    expect(Arc.strongCount(a)).toBe(2);
    ListArc.drop(la);
    const only = ListArc.tryFromArcOrDrop(a);
    expect(only).not.toBeNull();
    expect(Arc.deref(only!)).toBe(value);
  });

  test("a value can be in lists of different ids at once", () => {
    @ListItem(0, 1)
    class Task {
      constructor(readonly name: string) {}
    }
    const all = new List<Task>();
    const ready = new List<Task, 1>(1);
    const [la0, la1] = ListArc.pairFromUnique(UniqueArc.new(new Task("t")), 1);
    all.pushBack(la0);
    ready.pushBack(la1);
    expect([...all].map((b) => b.name)).toEqual(["t"]);
    expect([...ready].map((b) => b.name)).toEqual(["t"]);
    const task = Arc.deref(all.popFront()!);
    expect(ready.remove(task)).not.toBeNull();
    expect(all.remove(task)).toBeNull();
  });

  test("pairFromUnique with explicit ids, and its misuse", () => {
    @ListItem(2, 3)
    class T {}
    const [a, b] = ListArc.pairFromUnique(UniqueArc.new(new T()), 2, 3);
    expect(ListArc.ptrEq(a, b as never)).toBe(true);
    expect(Arc.strongCount(ListArc.cloneArc(a))).toBe(3);
    expect(() => ListArc.pairFromUnique(UniqueArc.new(new T()), 2, 2)).toThrow(/must differ/);
    expect(() => ListArc.pairFromUnique(UniqueArc.new(new T()), 4, 5)).toThrow(/not a @ListItem for list id 4/);
  });

  test("ListArc.from a UniqueArc, and its id must be declared", () => {
    const la = ListArc.from(UniqueArc.new(new Item(5)));
    expect(la.value).toBe(5);
    expect(() => ListArc.from(UniqueArc.new(new Item(5)), 1)).toThrow(/not a @ListItem for list id 1; declare it with @ListItem\(1\)/);
  });

  test("a class that is not a @ListItem cannot get a ListArc or enter a list", () => {
    class Plain {}
    expect(() => ListArc.new(new Plain())).toThrow(/Plain is not a @ListItem for list id 0; declare it with @ListItem\(\)/);
    expect(() => new List<Plain>().pushBack({} as never)).toThrow(/List\.pushBack expects a ListArc/);
  });

  test("ListArc.new twice on one value is refused", () => {
    const x = new Item(1);
    ListArc.new(x);
    expect(() => ListArc.new(x)).toThrow(ListError);
  });

  test("a ListArc moved into a list is gone for the caller; a wrong-id list refuses it", () => {
    const list = new List<Item>();
    const la = Item.new(1);
    list.pushBack(la);
    expect(() => list.pushBack(la)).toThrow(UseAfterMoveError);
    expect(() => ListArc.drop(la)).toThrow(UseAfterMoveError);
    expect(() => la.value).toThrow(UseAfterMoveError);
    @ListItem(0, 1)
    class Two {}
    const [, one] = ListArc.pairFromUnique(UniqueArc.new(new Two()), 1);
    expect(() => new List<Two>().pushBack(one as never)).toThrow(/for list id 1, but this List is for id 0/);
  });

  test("drop twice is a DoubleDropError; the last drop runs the destructor", () => {
    @ListItem()
    class Res extends Resource {}
    const r = new Res();
    const la = ListArc.new(r);
    const arc = ListArc.cloneArc(la);
    ListArc.drop(la);
    expect(() => ListArc.drop(la)).toThrow(DoubleDropError);
    expect(r.disposed).toBe(0);
    Arc.drop(arc);
    expect(r.disposed).toBe(1);
  });

  test("a copy of an item is not in its lists and has no ListArc of its own", () => {
    const list = new List<Item>();
    const original = new Item(1);
    list.pushBack(ListArc.new(original));
    const spread = { ...original } as Item; // copies the slot (a plain field), not the membership
    expect(list.remove(spread)).toBeNull();
    expect(() => ListArc.new(spread)).toThrow(/Object is not a @ListItem for list id 0/);
    const clone = Object.assign(Object.create(Item.prototype) as Item, original);
    expect(list.remove(clone)).toBeNull();
    const cloneArc = ListArc.new(clone); // the clone's slot held the original's ListArc: reset, not refused
    list.pushBack(cloneArc);
    expect(list.remove(original)!.value).toBe(1);
    expect(list.popFront()!.value).toBe(1);
    expect(list.isEmpty()).toBe(true);
  });

  test("a frozen value cannot get a ListArc: a TypeError, not a ListArc without a slot", () => {
    expect(() => ListArc.new(Object.freeze(new Item(1)))).toThrow(TypeError);
  });

  test("bad list ids are TypeErrors", () => {
    expect(() => new List<Item, 1.5>(1.5)).toThrow(/integer from 0 to 65535/);
    expect(() => ListItem(-1)).toThrow(TypeError);
    expect(() => ListItem(1, 1)).toThrow(/once/);
    expect(() => (ListItem() as (x: unknown) => void)(3)).toThrow(/only be applied to a class/);
  });
});
