import { inspect } from "node:util";
import { describe, expect, test } from "vitest";
import { Arc, ArcBorrow, ArcCore, List, ListArc, ListItem, Pointee, REFCOUNT_MAX, SmartPointer, UniqueArc } from "../runtime/index.js";
import { Rc } from "../examples/rc.js";
import { setStrongCount, warningsDuring } from "./helpers.js";

// util.inspect (and so console.log) of every pointer, in debug mode; release: leaks-release.test.ts.
const show = (value: unknown, options: { depth?: number | null; colors?: boolean } = {}) => inspect(value, { breakLength: Infinity, ...options });

class Job {
  name = "job";
  take(self: Arc<this>): void {
    Arc.drop(self);
  }
}

@ListItem(0, 1)
class Task {
  n = 1;
}

describe("util.inspect of the runtime's pointers", () => {
  test("a live Arc shows its strong count and its value", () => {
    const a = Arc.new(new Job());
    const b = Arc.clone(a);
    expect(show(a)).toBe("Arc<Job> { count: 2, value: Job { name: 'job' } }");
    expect(show([b])).toBe("[ Arc<Job> { count: 2, value: Job { name: 'job' } } ]");
    Arc.drop(b);
    expect(show(a)).toBe("Arc<Job> { count: 1, value: Job { name: 'job' } }");
    expect(show(Arc.new(7))).toBe("Arc<number> { count: 1, value: 7 }");
  });

  test("a moved or dropped Arc says so, and shows no value it no longer owns", () => {
    const a = Arc.new(new Job());
    const moved = Arc.clone(a);
    moved.take();
    const dropped = Arc.clone(a);
    Arc.drop(dropped);
    expect(show(moved)).toBe("Arc<Job> <moved>");
    expect(show(dropped)).toBe("Arc<Job> <dropped>");
    expect(show(a)).toBe("Arc<Job> { count: 1, value: Job { name: 'job' } }");
  });

  test("a saturated Arc shows the count Arc.strongCount reports: Infinity", () => {
    const a = Arc.new(new Job());
    setStrongCount(a, REFCOUNT_MAX);
    const warnings = warningsDuring(() => Arc.clone(a));
    expect(warnings.map((w) => w.code)).toEqual(["SP_REFCOUNT_SATURATED"]);
    expect(show(a)).toBe("Arc<Job> { count: Infinity, value: Job { name: 'job' } }");
  });

  test("UniqueArc: live, then moved into the Arc that shares it", () => {
    const u = UniqueArc.new(new Job());
    u.name = "unique";
    expect(show(u)).toBe("UniqueArc<Job> { count: 1, value: Job { name: 'unique' } }");
    const a = Arc.from(u);
    expect(show(u)).toBe("UniqueArc<Job> <moved>");
    expect(show(a)).toBe("Arc<Job> { count: 1, value: Job { name: 'unique' } }");
  });

  test("ArcBorrow: the count of the value it borrows, then dropped with the value's last Arc", () => {
    const a = Arc.new(new Job());
    const b: ArcBorrow<Job> = Arc.asArcBorrow(a);
    expect(show(b)).toBe("ArcBorrow<Job> { count: 1, value: Job { name: 'job' } }");
    Arc.drop(a);
    expect(show(b)).toBe("ArcBorrow<Job> <dropped>");
  });

  test("ListArc: its list id as in its type; moved into a list; popped; dropped", () => {
    const task = new Task();
    const [zero, one] = ListArc.pairFromUnique(UniqueArc.new(task), 1);
    expect(show(zero, { depth: 0 })).toBe("ListArc<Task> { count: 2, value: [Task] }");
    expect(show(one, { depth: 0 })).toBe("ListArc<Task, 1> { count: 2, value: [Task] }");
    const list = new List<Task>();
    list.pushBack(zero);
    expect(show(zero)).toBe("ListArc<Task> <moved>");
    const popped = list.popFront()!;
    expect(show(popped, { depth: 0 })).toBe("ListArc<Task> { count: 2, value: [Task] }");
    ListArc.drop(popped);
    expect(show(popped)).toBe("ListArc<Task> <dropped>");
  });

  test("a value that holds its own pointer prints as a cycle, at any depth", () => {
    const task = new Task();
    const listArc = ListArc.new(task); // the value's slot holds its ListArc
    const text = show(listArc, { depth: null });
    expect(text).toMatch(/^ListArc<Task> \{ count: 1, value: <ref \*1> Task \{ n: 1, .*ListArc<Task> \{ count: 1, value: \[Circular \*1\] \}/);
  });

  test("nested past the depth, a pointer is its name in brackets; colours apply to the value", () => {
    const a = Arc.new(new Job());
    expect(show({ a: { b: { c: a } } })).toBe("{ a: { b: { c: [Arc<Job>] } } }");
    expect(show(Arc.new(Arc.new(1)))).toBe("Arc<Arc<number>> { count: 1, value: Arc<number> { count: 1, value: 1 } }");
    expect(show(a, { colors: true })).toBe("Arc<Job> { count: \u001b[33m1\u001b[39m, value: Job { name: \u001b[32m'job'\u001b[39m } }");
    const moved = Arc.clone(a);
    moved.take();
    expect(show(moved, { colors: true })).toBe("\u001b[36mArc<Job>\u001b[39m \u001b[90m<moved>\u001b[39m");
  });

  test("console.log goes through the same hook", () => {
    const lines: string[] = [];
    const log = console.log;
    console.log = (...args: unknown[]) => void lines.push(args.map((x) => (typeof x === "string" ? x : inspect(x))).join(" "));
    try {
      console.log(Arc.new(new Job()));
    } finally {
      console.log = log;
    }
    expect(lines).toEqual(["Arc<Job> { count: 1, value: Job { name: 'job' } }"]);
  });
});

describe("the inspect hook does not disturb the pointer", () => {
  test("it is symbol-keyed: no string-named member appears, `in` and field reads still reach the pointee", () => {
    const a = Arc.new(new Job());
    expect(Object.keys(a)).toEqual([]);
    expect("name" in a).toBe(true);
    expect("inspect" in a).toBe(false);
    expect(a.name).toBe("job");
    expect(Object.prototype.hasOwnProperty.call(ArcCore.prototype, Symbol.for("nodejs.util.inspect.custom"))).toBe(true);
  });

  test("a pointee's own inspect hook is not forwarded over the pointer's, and still formats the value", () => {
    class Secret {
      token = "hunter2";
      [inspect.custom](): string {
        return "Secret <redacted>";
      }
    }
    const a = Arc.new(new Secret());
    expect(show(a)).toBe("Arc<Secret> { count: 1, value: Secret <redacted> }");
    expect(a.token).toBe("hunter2");
  });
});

describe("util.inspect of a user's @SmartPointer", () => {
  test("shows the pointer's own public fields and its value (its count is private to it)", () => {
    class Greeter {
      lang = "en";
    }
    expect(show(Rc.new(new Greeter()))).toBe("RcPtr<Greeter> { value: Greeter { lang: 'en' } }");

    @SmartPointer
    class Fd<T> {
      readonly [Pointee]: T;
      constructor(
        value: T,
        readonly fd: number,
      ) {
        this[Pointee] = value;
      }
    }
    const fd = new Fd(new Greeter(), 3) as unknown as Fd<Greeter> & Greeter;
    expect(fd.lang).toBe("en"); // adopted by this read, shown the same after it
    expect(show(fd)).toBe("Fd<Greeter> { fd: 3, value: Greeter { lang: 'en' } }");
    expect(show(new Fd(5, 4))).toBe("Fd<number> { fd: 4, value: 5 }");
  });

  test("a pointer class's own inspect hook is kept", () => {
    @SmartPointer
    class Labelled<T> {
      readonly [Pointee]: T;
      constructor(value: T) {
        this[Pointee] = value;
      }
      [inspect.custom](): string {
        return "mine";
      }
    }
    expect(show(new Labelled(1))).toBe("mine");
  });
});
