import { describe, expect, test, vi } from "vitest";
import {
  Arc,
  ArcBorrow,
  UniqueArc,
  DoubleDropError,
  AlreadyOwnedError,
  REFCOUNT_MAX,
  REFCOUNT_WARNING,
  SmartPointerError,
  UseAfterDropError,
  UseAfterMoveError,
} from "../runtime/index.js";
import { Resource, setStrongCount, warningsDuring } from "./helpers.js";

describe("Arc: counting and dropping (debug mode)", () => {
  test("new starts at one; clone adds one; drop removes one", () => {
    const a = Arc.new(new Resource());
    expect(Arc.strongCount(a)).toBe(1);
    const b = Arc.clone(a);
    expect(Arc.strongCount(a)).toBe(2);
    expect(Arc.ptrEq(a, b)).toBe(true);
    Arc.drop(b);
    expect(Arc.strongCount(a)).toBe(1);
  });

  test("the pointee's [Symbol.dispose] runs exactly once, at the last drop", () => {
    const r = new Resource();
    const a = Arc.new(r);
    const clones = [Arc.clone(a), Arc.clone(a), Arc.clone(a)];
    for (const c of clones) {
      Arc.drop(c);
      expect(r.disposed).toBe(0);
    }
    Arc.drop(a);
    expect(r.disposed).toBe(1);
  });

  test("`using` drops at the end of the block", () => {
    const r = new Resource();
    {
      using a = Arc.new(r);
      {
        using b = Arc.clone(a);
        expect(Arc.strongCount(b)).toBe(2);
      }
      expect(r.disposed).toBe(0);
    }
    expect(r.disposed).toBe(1);
  });

  test("values without [Symbol.dispose], and primitives, can be pointed at", () => {
    const n = Arc.new(42);
    expect(Arc.deref(n)).toBe(42);
    Arc.drop(n);
    const o = Arc.new({ x: 1 });
    expect(o.x).toBe(1);
    Arc.drop(o);
  });

  test("ptrEq is false for different values, even equal ones", () => {
    const a = Arc.new(new Resource("x"));
    const b = Arc.new(new Resource("x"));
    expect(Arc.ptrEq(a, b)).toBe(false);
  });

  test("deref returns the pointee itself", () => {
    const r = new Resource();
    const a = Arc.new(r);
    expect(Arc.deref(a)).toBe(r);
    expect(() => Arc.deref({} as never)).toThrow(TypeError);
  });

  test("a destructor that throws still leaves the value dropped once", () => {
    let runs = 0;
    const a = Arc.new({
      [Symbol.dispose]() {
        runs++;
        throw new Error("close failed");
      },
    });
    const b = Arc.clone(a);
    Arc.drop(a);
    expect(() => Arc.drop(b)).toThrow("close failed");
    expect(runs).toBe(1);
    expect(() => Arc.drop(b)).toThrow(DoubleDropError);
    expect(runs).toBe(1);
  });
});

describe("Arc: misuse is a typed error naming the pointer and operation", () => {
  test("use after drop", () => {
    const a = Arc.new(new Resource("file"));
    const keep = Arc.clone(a);
    Arc.drop(a);
    const error = catchError(() => Arc.clone(a));
    expect(error).toBeInstanceOf(UseAfterDropError);
    expect(error).toBeInstanceOf(SmartPointerError);
    expect(error).toMatchObject({ pointer: "Arc<Resource>", operation: "Arc.clone" });
    expect(error.message).toMatch(/dropped by Arc\.drop/);
    expect(() => a.name).toThrow(UseAfterDropError);
    expect(() => Arc.strongCount(a)).toThrow(UseAfterDropError);
    expect(Arc.strongCount(keep)).toBe(1); // other pointers are untouched
  });

  test("double drop", () => {
    const a = Arc.new(new Resource());
    const b = Arc.clone(a);
    Arc.drop(a);
    expect(() => Arc.drop(a)).toThrow(DoubleDropError);
    expect(() => a[Symbol.dispose]()).toThrow(DoubleDropError);
    expect(Arc.strongCount(b)).toBe(1);
  });

  test("use after move into a receiver", () => {
    class Job {
      consume(self: Arc<this>): number {
        const n = Arc.strongCount(self);
        Arc.drop(self);
        return n;
      }
    }
    const a = Arc.new(new Job());
    const b = Arc.clone(a);
    expect(a.consume()).toBe(2);
    const error = catchError(() => a.consume());
    expect(error).toBeInstanceOf(UseAfterMoveError);
    expect(error.message).toMatch(/moved by the receiver method \.consume\(\)/);
    expect(Arc.strongCount(b)).toBe(1);
  });

  test("wrong argument kinds are TypeErrors", () => {
    const u = UniqueArc.new(new Resource());
    expect(() => Arc.clone(u as never)).toThrow(/Arc\.clone expects an Arc, but got UniqueArc/);
    expect(() => Arc.drop({} as never)).toThrow(/Arc\.drop expects an Arc, but got Object/);
    expect(() => Arc.drop(null as never)).toThrow(/but got null/);
    expect(() => Arc.from(Arc.new(1) as never)).toThrow(TypeError);
  });
});

describe("one owner family per value (Rust moves the value into its Arc)", () => {
  test("wrapping an owned value again is AlreadyOwnedError; after its last drop it may be wrapped again", () => {
    const r = new Resource("socket");
    const a = Arc.new(r);
    const error = catchError(() => Arc.new(r));
    expect(error).toBeInstanceOf(AlreadyOwnedError);
    expect(error.message).toMatch(/Arc\.new: this value is already owned by a pointer; a second Arc would drop it twice/);
    expect(() => UniqueArc.new(r)).toThrow(AlreadyOwnedError);
    Arc.drop(a);
    expect(r.disposed).toBe(1);
    const again = Arc.new(r);
    expect(Arc.strongCount(again)).toBe(1);
  });
});

describe("UniqueArc", () => {
  test("is writable, and Arc.from shares it (moving it)", () => {
    const u = UniqueArc.new(new Resource("a"));
    u.disposed = 5;
    expect(u.disposed).toBe(5);
    const a = Arc.from(u);
    expect(Arc.strongCount(a)).toBe(1);
    expect(a.disposed).toBe(5);
    expect(() => u.disposed).toThrow(UseAfterMoveError);
  });

  test("drops its value", () => {
    const r = new Resource();
    const u = UniqueArc.new(r);
    UniqueArc.drop(u);
    expect(r.disposed).toBe(1);
    expect(() => UniqueArc.drop(u)).toThrow(DoubleDropError);
    const v = UniqueArc.new(new Resource());
    v[Symbol.dispose]();
    expect(Arc.deref.bind(null, v)).toThrow(UseAfterDropError);
  });

  test("intoUniqueOrDrop: unique when alone, else drops (never runs the destructor)", () => {
    const r = new Resource();
    const a = Arc.new(r);
    const b = Arc.clone(a);
    expect(Arc.intoUniqueOrDrop(a)).toBeNull();
    expect(() => Arc.strongCount(a)).toThrow(UseAfterMoveError);
    const u = Arc.intoUniqueOrDrop(b);
    expect(u).not.toBeNull();
    expect(r.disposed).toBe(0);
    u!.disposed = 7;
    UniqueArc.drop(u!);
    expect(r.disposed).toBe(8);
  });
});

describe("ArcBorrow", () => {
  test("owns no count; Arc.from takes a new one; one borrow per value", () => {
    const a = Arc.new(new Resource());
    const b = Arc.asArcBorrow(a);
    expect(Arc.strongCount(a)).toBe(1);
    expect(Arc.asArcBorrow(a)).toBe(b);
    const c = Arc.from(b);
    expect(Arc.strongCount(a)).toBe(2);
    expect(Arc.ptrEq(a, c)).toBe(true);
    expect(b.name).toBe("resource");
    expect("drop" in ArcBorrow).toBe(false);
  });

  test("a borrow used after the value's last drop is UseAfterDropError", () => {
    const a = Arc.new(new Resource("db"));
    const b = Arc.asArcBorrow(a);
    Arc.drop(a);
    const error = catchError(() => b.name);
    expect(error).toBeInstanceOf(UseAfterDropError);
    expect(error.message).toMatch(/ArcBorrow<Resource>.*last strong reference/);
    expect(() => Arc.from(b)).toThrow(UseAfterDropError);
  });
});

describe("refcount saturation (refcount_t semantics)", () => {
  test("at 2^31-1 the count saturates to Infinity with one warning, and the value is never dropped", () => {
    const r = new Resource();
    const a = Arc.new(r);
    setStrongCount(a, REFCOUNT_MAX - 1);
    const clones: Arc<Resource>[] = [];
    const warnings = warningsDuring(() => {
      clones.push(Arc.clone(a)); // reaches REFCOUNT_MAX
      expect(Arc.strongCount(a)).toBe(REFCOUNT_MAX);
      clones.push(Arc.clone(a)); // saturates
      clones.push(Arc.clone(a)); // stays saturated, no second warning
    });
    expect(Arc.strongCount(a)).toBe(Infinity);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ type: REFCOUNT_WARNING, code: "SP_REFCOUNT_SATURATED" });
    const borrow = Arc.asArcBorrow(a);
    for (const c of clones) Arc.drop(c);
    Arc.drop(a);
    expect(r.disposed).toBe(0); // leaked on purpose: a saturated count never reaches zero
    expect(Arc.strongCount(Arc.from(borrow))).toBe(Infinity);
  });

  test("the warning goes through process.emitWarning with the documented type", async () => {
    const a = Arc.new(new Resource());
    setStrongCount(a, REFCOUNT_MAX);
    const printers = process.listeners("warning"); // Node's own printer would write to stderr
    process.removeAllListeners("warning");
    try {
      const received = new Promise<Error>((resolve) => process.once("warning", resolve));
      Arc.clone(a);
      const warning = await received;
      expect(warning.name).toBe(REFCOUNT_WARNING);
      expect(warning.message).toMatch(/saturated/);
    } finally {
      for (const printer of printers) process.on("warning", printer);
    }
  });

  test("without process.emitWarning (browsers, workers) the warning goes to console.warn", () => {
    const a = Arc.new(new Resource());
    setStrongCount(a, REFCOUNT_MAX);
    const emit = process.emitWarning;
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    try {
      (process as { emitWarning?: unknown }).emitWarning = undefined;
      Arc.clone(a);
      expect(warn).toHaveBeenCalledWith(expect.stringMatching(/^RefcountSaturationWarning: refcount_t: saturated/));
    } finally {
      process.emitWarning = emit;
      warn.mockRestore();
    }
  });
});

function catchError(fn: () => unknown): Error & Record<string, unknown> {
  try {
    fn();
  } catch (error) {
    return error as Error & Record<string, unknown>;
  }
  throw new Error("expected an error");
}
