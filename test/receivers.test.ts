import { describe, expect, test } from "vitest";
import { Arc, ArcBorrow, ListArc, UniqueArc, ListItem, UseAfterMoveError } from "../runtime/index.js";
import { parameterNames } from "../runtime/receivers.js";
import { abi2 } from "../runtime/internal/abi.js";

class Job {
  name = "job";
  runs = 0;
  describe(): string {
    return `${this.name}#${this.runs}`;
  }
  run(self: Arc<this>, n: number): number {
    (this as { runs: number }).runs += n;
    const count = Arc.strongCount(self);
    Arc.drop(self);
    return count;
  }
  peek(self: ArcBorrow<this>): Arc<this> {
    return Arc.from(self);
  }
  get label(): string {
    return this.name.toUpperCase();
  }
  set label(v: string) {
    this.name = v.toLowerCase();
  }
}

describe("receivers and auto-deref with no compiler plugin", () => {
  test("a `self: Arc<this>` receiver gets the pointer as self and the pointee as this", () => {
    const job = Arc.new(new Job());
    expect(Arc.clone(job).run(3)).toBe(2); // the clone was moved in: count 2 inside
    expect(job.runs).toBe(3);
    expect(Arc.strongCount(job)).toBe(1); // the receiver dropped what it was given
  });

  test("a `self: ArcBorrow<this>` receiver borrows: the borrow stays usable", () => {
    const job = Arc.new(new Job());
    const b = Arc.asArcBorrow(job);
    const again = b.peek();
    expect(Arc.ptrEq(again, job)).toBe(true);
    expect(b.describe()).toBe("job#0");
    expect(Arc.strongCount(job)).toBe(2);
  });

  test("plain methods run with the pointee as `this`; fields and accessors read through", () => {
    const job = Arc.new(new Job());
    expect(job.describe()).toBe("job#0");
    expect(job.name).toBe("job");
    expect(job.label).toBe("JOB");
  });

  test("fields are readonly through Arc and ArcBorrow, writable through UniqueArc", () => {
    const job = Arc.new(new Job());
    expect(() => ((job as { name: string }).name = "x")).toThrow(/through Arc<Job>: it gives shared \(read-only\) access/);
    expect(() => ((Arc.asArcBorrow(job) as { name: string }).name = "x")).toThrow(/ArcBorrow<Job>/);
    const u = UniqueArc.new(new Job());
    u.name = "unique";
    u.label = "LOUD";
    expect(u.name).toBe("loud");
    expect(Arc.deref(u).name).toBe("loud");
  });

  test("UFCS: the receiver method stays callable explicitly", () => {
    const job = Arc.new(new Job());
    expect(Job.prototype.run.call(Arc.deref(job), Arc.clone(job), 2)).toBe(2);
    expect(job.runs).toBe(2);
  });

  test("methods inherited from a base class forward too, and overrides win", () => {
    class Base {
      hello() {
        return "base";
      }
      who(self: Arc<this>) {
        return Arc.strongCount(self);
      }
    }
    class Derived extends Base {
      override hello() {
        return "derived";
      }
    }
    const d = Arc.new(new Derived());
    expect(d.hello()).toBe("derived");
    expect(d.who()).toBe(1);
  });

  test("the pointee's own [Symbol.dispose] is not forwarded: disposing the pointer drops the pointer", () => {
    let disposed = 0;
    class Res {
      [Symbol.dispose]() {
        disposed++;
      }
    }
    const a = Arc.new(new Res());
    const b = Arc.clone(a);
    b[Symbol.dispose]();
    expect(disposed).toBe(0);
    a[Symbol.dispose]();
    expect(disposed).toBe(1);
  });

  test("debug mode forwards fields a later value adds, so no read silently misses", () => {
    class Sometimes {
      constructor(extra: boolean) {
        if (extra) (this as Record<string, unknown>).extra = 42;
      }
    }
    const first = Arc.new(new Sometimes(false));
    const second = Arc.new(new Sometimes(true)) as unknown as { extra: number };
    expect(second.extra).toBe(42);
    expect((first as unknown as { extra?: number }).extra).toBeUndefined();
  });
});

describe("interface pointers dispatch to each class (DispatchFromDyn)", () => {
  interface Shape {
    area(): number;
    scaled(self: Arc<this>, k: number): number;
  }
  class Circle implements Shape {
    constructor(readonly r: number) {}
    area() {
      return Math.round(Math.PI * this.r * this.r);
    }
    scaled(self: Arc<this>, k: number) {
      Arc.drop(self);
      return this.area() * k;
    }
  }
  class Square implements Shape {
    constructor(readonly side: number) {}
    area() {
      return this.side * this.side;
    }
    scaled(self: Arc<this>, k: number) {
      Arc.drop(self);
      return this.area() * k * 10;
    }
  }

  test("Arc<Shape> holds different classes; each call reaches its own class", () => {
    const shapes: Arc<Shape>[] = [Arc.new(new Circle(1)), Arc.new(new Square(2)), Arc.new(new Circle(2))];
    expect(shapes.map((s) => s.area())).toEqual([3, 4, 13]);
    expect(shapes.map((s) => Arc.clone(s).scaled(2))).toEqual([6, 80, 26]);
  });

  test("a ListArc<Work> receiver dispatches to the popped value's class", () => {
    interface Work {
      run(self: ListArc<this>): string;
    }
    @ListItem()
    class A implements Work {
      run(self: ListArc<this>) {
        ListArc.drop(self);
        return "A";
      }
    }
    @ListItem()
    class B implements Work {
      run(self: ListArc<this>) {
        ListArc.drop(self);
        return "B";
      }
    }
    const works: ListArc<Work>[] = [ListArc.new(new A()), ListArc.new(new B())];
    expect(works.map((w) => w.run())).toEqual(["A", "B"]);
    expect(() => works[0]!.run()).toThrow(UseAfterMoveError);
  });
});

describe("receiver misuse without the transformer is a TypeError", () => {
  test("`self` that is not the first parameter (E0307)", () => {
    class Bad {
      m(n: number, self: Arc<Bad>): unknown[] {
        return [n, self];
      }
    }
    expect(() => Arc.new(new Bad())).toThrow(/Bad\.m: `self` must be the first parameter.*E0307/);
  });

  test("a receiver on a static method (E0307)", () => {
    class Bad {
      static make(self: Arc<Bad>) {
        return self;
      }
    }
    expect(() => Arc.new(new Bad())).toThrow(/static Bad\.make: a static method cannot be a receiver method/);
  });

  test("a receiver for another pointer kind is a TypeError naming the kind to convert to", () => {
    // A class compiled by the plugin records its receivers' kinds; the call here has no plugin.
    class Task {
      requeue(self: ListArc<this>): ListArc<this> {
        return self;
      }
    }
    abi2.receivers(Task, { requeue: "ListArc" });
    const task = Arc.new(new Task()) as unknown as { requeue(): unknown };
    expect(() => task.requeue()).toThrow(/Task\.requeue takes `self: ListArc<this>`, so it cannot be called on Arc<Task>; convert the pointer to a ListArc first/);
    expect(Arc.strongCount(task as unknown as Arc<Task>)).toBe(1); // the refused call took nothing
  });
});

describe("reading receivers from method source", () => {
  test.each([
    ["run(self, n) { }", ["self", "n"]],
    ["async run(self) { }", ["self"]],
    ["*gen(self, ...rest) { }", ["self", "rest"]],
    ["async *gen( /* c */ self ) { }", ["self"]],
    ['["a(b)"](self, x = f(1, 2), { y }) { }', ["self", "x", ""]],
    ["[Symbol.iterator](self) { }", ["self"]],
    ["'quoted name'(x, self) {}", ["x", "self"]],
    ["function (self, a) { }", ["self", "a"]],
    ["self => self", ["self"]],
    ["async (self, b) => b", ["self", "b"]],
    ["m(a = ')', self) {}", ["a", "self"]],
    ["m() {}", []],
    ["function push() { [native code] }", []],
    ["m(// line comment\n self) {}", ["self"]],
  ])("%s", (source, names) => {
    expect(parameterNames(source)).toEqual(names);
  });
});
