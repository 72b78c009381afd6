import { beforeAll, describe, expect, test } from "vitest";
import { warningsDuring } from "./helpers.js";
import { sharedCounts } from "./shared-arc-helpers.js";

// Release mode is fixed when the runtime loads (see release-mode.test.ts).
process.env.NODE_ENV = "production";
type Runtime = typeof import("../runtime/index.js");
let rt: Runtime;
beforeAll(async () => {
  rt = await import("../runtime/index.js");
});

class Disposable {
  released = 0;
  [Symbol.dispose](): void {
    this.released++;
  }
}

describe("SharedArc in release mode (NODE_ENV=production)", () => {
  test("clone shares this thread's one handle; the last drop releases once", () => {
    rt.SharedArc.register(Disposable);
    const value = new Disposable();
    const a = rt.SharedArc.new(value);
    const b = rt.SharedArc.clone(a);
    expect(b).toBe(a);
    expect(rt.SharedArc.strongCount(a)).toBe(2);
    rt.SharedArc.drop(b);
    rt.SharedArc.drop(a);
    expect(value.released).toBe(1);
  });

  test("a drop past zero warns (underflow) and saturates; a clone after release warns (addition on 0)", () => {
    const value = new Disposable();
    const a = rt.SharedArc.new(value);
    rt.SharedArc.drop(a);
    expect(warningsDuring(() => rt.SharedArc.drop(a)).map((w) => w.code)).toEqual(["SP_REFCOUNT_UNDERFLOW"]);
    expect(rt.SharedArc.strongCount(a)).toBe(Infinity);
    expect(warningsDuring(() => rt.SharedArc.drop(a))).toEqual([]); // saturated: silent, never released again
    const b = rt.SharedArc.new(new Disposable());
    rt.SharedArc.drop(b);
    expect(rt.SharedArc.strongCount(b)).toBe(0);
    expect(warningsDuring(() => rt.SharedArc.clone(b)).map((w) => w.code)).toEqual(["SP_REFCOUNT_ADD_ON_ZERO"]);
    expect(Atomics.load(sharedCounts(b), 0)).toBe(-(2 ** 30)); // refcount_t's REFCOUNT_SATURATED
    expect(value.released).toBe(1);
  });

  test("a wrong argument is still a TypeError naming the function", () => {
    expect(() => rt.SharedArc.clone({} as never)).toThrow("SharedArc.clone expects a SharedArc, but got Object.");
    expect(() => rt.SharedArc.drop(rt.Arc.new({ n: 1 }) as never)).toThrow("SharedArc.drop expects a SharedArc, but got Arc.");
    expect(() => rt.SharedArc.new({ f: () => 1 })).toThrow(TypeError);
  });

  test("a receiver takes the shared handle", () => {
    class Job {
      n = 2;
      take(self: import("../runtime/index.js").SharedArc<this>): number {
        rt.SharedArc.drop(self);
        return this.n;
      }
    }
    rt.SharedArc.register(Job);
    const a = rt.SharedArc.new(new Job());
    expect(rt.SharedArc.clone(a).take()).toBe(2);
    expect(rt.SharedArc.strongCount(a)).toBe(1);
  });
});
