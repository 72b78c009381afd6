import { beforeAll, describe, expect, test } from "vitest";
import { Resource, setStrongCount, warningsDuring } from "./helpers.js";

// Release mode is fixed when the runtime loads, as refcount_t's behaviour is fixed per build.
process.env.NODE_ENV = "production";
type Runtime = typeof import("../runtime/index.js");
let rt: Runtime;
beforeAll(async () => {
  rt = await import("../runtime/index.js");
});

describe("release mode (NODE_ENV=production)", () => {
  test("clone shares one handle per value: no allocation per clone", () => {
    const a = rt.Arc.new(new Resource());
    const b = rt.Arc.clone(a);
    expect(b).toBe(a);
    expect(rt.Arc.strongCount(a)).toBe(2);
    rt.Arc.drop(b);
    expect(rt.Arc.strongCount(a)).toBe(1);
  });

  test("the destructor still runs exactly once at the last drop", () => {
    const r = new Resource();
    const a = rt.Arc.new(r);
    const b = rt.Arc.clone(a);
    rt.Arc.drop(a);
    expect(r.disposed).toBe(0);
    rt.Arc.drop(b);
    expect(r.disposed).toBe(1);
  });

  test("drop past zero warns (underflow) and saturates instead of throwing or dropping twice", () => {
    const r = new Resource();
    const a = rt.Arc.new(r);
    rt.Arc.drop(a);
    const warnings = warningsDuring(() => {
      rt.Arc.drop(a);
      rt.Arc.drop(a);
    });
    expect(warnings.map((w) => w.code)).toEqual(["SP_REFCOUNT_UNDERFLOW"]);
    expect(rt.Arc.strongCount(a)).toBe(Infinity);
    expect(r.disposed).toBe(1);
  });

  test("clone from zero warns (use-after-free) and saturates", () => {
    const r = new Resource();
    const a = rt.Arc.new(r);
    rt.Arc.drop(a);
    const warnings = warningsDuring(() => rt.Arc.clone(a));
    expect(warnings.map((w) => w.code)).toEqual(["SP_REFCOUNT_ADD_ON_ZERO"]);
    expect(rt.Arc.strongCount(a)).toBe(Infinity);
    expect(r.disposed).toBe(1);
  });

  test("misuse of one value does not corrupt another's count", () => {
    const victim = rt.Arc.new(new Resource("victim"));
    const other = rt.Arc.new(new Resource("other"));
    rt.Arc.drop(victim);
    warningsDuring(() => rt.Arc.drop(victim));
    expect(rt.Arc.strongCount(other)).toBe(1);
  });

  test("saturation warns once and leaks", () => {
    const r = new Resource();
    const a = rt.Arc.new(r);
    setStrongCount(a, rt.REFCOUNT_MAX);
    const warnings = warningsDuring(() => {
      rt.Arc.clone(a);
      rt.Arc.clone(a);
      rt.Arc.drop(a);
    });
    expect(warnings.map((w) => w.code)).toEqual(["SP_REFCOUNT_SATURATED"]);
    expect(r.disposed).toBe(0);
  });

  test("receivers pass the shared handle, and auto-deref still works", () => {
    class Job {
      name = "job";
      take(self: import("../runtime/index.js").Arc<this>) {
        return self;
      }
    }
    const a = rt.Arc.new(new Job());
    expect(a.take()).toBe(a);
    expect(a.name).toBe("job");
  });

  test("a ListArc moved into a list cannot be reused, even in release mode", () => {
    @rt.ListItem()
    class Item {}
    const list = new rt.List<Item>();
    const la = rt.ListArc.new(new Item());
    list.pushBack(la);
    expect(() => list.pushBack(la)).toThrow(rt.UseAfterMoveError);
    expect(() => rt.ListArc.intoArc(la)).toThrow(rt.UseAfterMoveError);
    expect(list.popFront()).toBe(la);
    expect(list.isEmpty()).toBe(true);
  });

  test("release trusts the types less than it seems: null, undefined or a non-item is still refused with a clear error", () => {
    @rt.ListItem()
    class Item {}
    const list = new rt.List<Item>();
    list.pushBack(rt.ListArc.new(new Item()));
    expect(() => list.pushBack(null as never)).toThrow("List.pushBack expects a ListArc, but got null.");
    expect(() => list.pushFront(undefined as never)).toThrow("List.pushFront expects a ListArc, but got undefined.");
    expect(() => list.pushBack(new Item() as never)).toThrow("List.pushBack expects a ListArc, but got Item.");
    expect(() => list.remove(null as never)).toThrow("List.remove expects the item (an object), but got null.");
    expect(() => list.remove(undefined as never)).toThrow("List.remove expects the item (an object), but got undefined.");
    expect(() => list.remove("x" as never)).toThrow("List.remove expects the item (an object), but got string.");
    expect(list.remove(new Item())).toBeNull();
    expect(list.popFront()).not.toBeNull();
    expect(list.isEmpty()).toBe(true);
  });

  test("wrapping a value twice is not tracked in release (a debug build catches it)", () => {
    const r = new Resource();
    expect(() => rt.Arc.new(r)).not.toThrow();
    expect(() => rt.Arc.new(r)).not.toThrow();
  });

  test("a value wrapped twice still gets at most one ListArc per id: from and pairFromUnique refuse it", () => {
    @rt.ListItem(0, 1)
    class Item {}
    const item = new Item();
    const first = rt.ListArc.new(item);
    expect(() => rt.ListArc.from(rt.UniqueArc.new(item))).toThrow(/ListArc\.from: this value already has a ListArc for list id 0/);
    expect(() => rt.ListArc.pairFromUnique(rt.UniqueArc.new(item), 1)).toThrow(rt.ListError);
    expect(() => rt.ListArc.pairFromUnique(rt.UniqueArc.new(item), 1, 0)).toThrow(/pairFromUnique: this value already has a ListArc for list id 0/);
    rt.ListArc.drop(first);
    const [a, b] = rt.ListArc.pairFromUnique(rt.UniqueArc.new(item), 1);
    expect(rt.ListArc.ptrEq(a, b)).toBe(true); // once the first is dropped, the pair is made
    expect(rt.ListArc.tryFromArc(rt.ListArc.cloneArc(b), 1)).toBeNull();
  });

  test("a removed ListArc can be pushed back into the list it was removed from", () => {
    @rt.ListItem()
    class Item {
      constructor(readonly n: number) {}
    }
    const list = new rt.List<Item>();
    const a = new Item(1);
    list.pushBack(rt.ListArc.new(a));
    list.pushBack(rt.ListArc.new(new Item(2)));
    const removed = list.remove(a)!; // a tombstone, still linked
    list.pushBack(removed);
    expect([...list].map((b) => b.n)).toEqual([2, 1]);
    expect(list.popFront()!.n).toBe(2);
    expect(list.popFront()!.n).toBe(1);
    expect(list.isEmpty()).toBe(true);
  });

  test("`await using` on the shared handle: each block releases one count, the last awaits the async destructor once", async () => {
    let closed = 0;
    const resource = { async [Symbol.asyncDispose]() { closed++; } };
    {
      await using a = rt.Arc.new(resource);
      {
        await using b = rt.Arc.clone(a); // the same handle as `a` in release
        void b;
      }
      expect([rt.Arc.strongCount(a), closed]).toEqual([1, 0]);
    }
    expect(closed).toBe(1);
  });

  test("a wrong argument is still a TypeError", () => {
    expect(() => rt.Arc.clone({} as never)).toThrow(TypeError);
    expect(() => rt.Arc.drop({} as never)).toThrow(TypeError);
  });
});
