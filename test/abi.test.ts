import { describe, expect, test } from "vitest";
import * as abi from "../runtime/internal/abi.js";
import { abi2 } from "../runtime/internal/abi.js";
import { inspect } from "node:util";
import { Arc, ArcBorrow, ListArc, List, Pointee, SmartPointerError, UseAfterDropError, UseAfterMoveError } from "../runtime/index.js";
import * as publicApi from "../runtime/index.js";

// The expansion ABI, called in-process the way compiled code calls it.
describe("internal ABI v2", () => {
  test("is versioned, the only export of its entry, and not part of the public API", () => {
    expect(Object.keys(abi)).toEqual(["abi2"]); // nothing was published before v2: no older version to keep
    expect(abi2.version).toBe(2);
    expect(Object.isFrozen(abi2)).toBe(true);
    expect(Object.keys(publicApi)).not.toContain("abi2");
    expect(abi2.Pointee).toBe(Pointee);
  });

  test("listSlots: the @ListItem slots, created by the constructor", () => {
    class Item {
      constructor() {
        abi2.listSlots(this);
      }
      static {
        abi2.listItem(this, [0, 3]);
      }
    }
    const item = new Item();
    expect(Object.getOwnPropertySymbols(item).map((s) => s.description)).toEqual(["ts-smart-pointer.listArc0", "ts-smart-pointer.listArc3"]);
    const list = new List<Item, 3>(3);
    list.pushBack(ListArc.new(item, 3));
    abi2.listSlots(item); // keeps what is there: a subclass's constructor calls it again
    expect(list.remove(item)).not.toBeNull();
  });

  test("live: the pointee, or the use-after error of a retired pointer", () => {
    class Job {
      n = 1;
    }
    const a = Arc.new(new Job());
    expect(abi2.live(a, "n")).toBe(Arc.deref(a));
    const b = Arc.clone(a);
    Arc.drop(b);
    expect(() => abi2.live(b, "n")).toThrow(UseAfterDropError);
  });

  test("a read or write without the live check, through a retired pointer, is a library error saying what to change", () => {
    class Job {
      n = 1;
      run(): number {
        return this.n;
      }
    }
    const a = Arc.new(new Job());
    const b = Arc.clone(a);
    Arc.drop(b);
    // What release-compiled code does: `p[Pointee].run(p)`, `p[Pointee].n = x`, with no abi2.live.
    const pointee = (b as unknown as Record<typeof Pointee, Record<PropertyKey, unknown>>)[Pointee];
    const message = /^\.run: used through a pointer that was dropped or moved, by code without use-after checks \(the plugin's "mode": "release", or a direct \[Pointee\] read\).*Build with the plugin's default mode \(debug\)/;
    expect(() => pointee.run).toThrow(SmartPointerError);
    expect(() => pointee.run).toThrow(message);
    expect(() => (pointee.n = 2)).toThrow(/^\.n: used through a pointer that was dropped or moved/);
    expect(pointee[Symbol.toPrimitive]).toBeUndefined(); // symbol lookups (inspection) find nothing
    expect(inspect(b)).toContain("Job"); // printing a retired pointer still works
    expect(Arc.deref(a).run()).toBe(1); // the value and its other pointers are untouched
  });

  test("move: an owning pointer is moved out; a borrow is lent as it is", () => {
    class Job {}
    const a = Arc.new(new Job());
    const moved = abi2.move(a, "run");
    expect(moved).not.toBe(a);
    expect(() => abi2.live(a, "x")).toThrow(/moved by the receiver method \.run\(\)/);
    const borrow = Arc.asArcBorrow(moved as Arc<Job>);
    expect(abi2.move(borrow, "peek")).toBe(borrow);
    expect(() => abi2.move(a, "run")).toThrow(UseAfterMoveError);
  });

  test("pointer and listItem: the decorators as static glue", () => {
    class Own<T> {
      readonly [Pointee]: T;
      constructor(v: T) {
        this[Pointee] = v;
      }
      static {
        abi2.pointer(this);
      }
    }
    class Item {
      label = "item";
      static {
        abi2.listItem(this, [0, 2]);
      }
    }
    expect((new Own(new Item()) as unknown as { label: string }).label).toBe("item");
    const list = new List<Item, 2>(2);
    list.pushBack(ListArc.new(new Item(), 2));
    expect([...list].map((b: ArcBorrow<Item>) => b.label)).toEqual(["item"]);
  });

  test("receivers: the table wins over the method source", () => {
    class Job {
      // Named `s`, as after a minifier: only the table makes it a receiver.
      count(s: Arc<Job>): number {
        return Arc.strongCount(s);
      }
      plain(self: number): number {
        return self;
      }
      static {
        abi2.receivers(this, { count: "Arc" });
      }
    }
    const a = Arc.new(new Job()) as unknown as { count(): number; plain(n: number): number };
    expect(a.plain(7)).toBe(7); // `self` in the source, but not in the table: not a receiver
    expect(a.count()).toBe(1); // moves `a` in, as an Arc receiver does
  });
});
