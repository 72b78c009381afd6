import { beforeAll, expect, test } from "vitest";

// Where `new Function` is forbidden (a strict CSP, some edge runtimes), projections fall back to
// closures: slower at megamorphic sites, identical in behaviour.
type Runtime = typeof import("../runtime/index.js");
let rt: Runtime;
const RealFunction = Function;
beforeAll(async () => {
  globalThis.Function = new Proxy(RealFunction, {
    construct() {
      throw new EvalError("Code generation from strings disallowed for this context");
    },
  });
  try {
    rt = await import("../runtime/index.js");
  } finally {
    globalThis.Function = RealFunction;
  }
});

test("receivers, methods and fields work without eval", () => {
  class Job {
    name = "job";
    describe() {
      return this.name;
    }
    take(self: import("../runtime/index.js").Arc<this>) {
      return rt.Arc.strongCount(self);
    }
  }
  const a = rt.Arc.new(new Job());
  expect(a.describe()).toBe("job");
  expect(a.name).toBe("job");
  expect(rt.Arc.clone(a).take()).toBe(2);
  expect(() => ((a as { name: string }).name = "x")).toThrow(TypeError);
  const u = rt.UniqueArc.new(new Job());
  u.name = "unique";
  expect(u.name).toBe("unique");
  rt.UniqueArc.drop(u);
  expect(() => u.name).toThrow(rt.UseAfterDropError);
  expect(() => u.describe()).toThrow(rt.UseAfterDropError);
  expect(() => (u.name = "again")).toThrow(rt.UseAfterDropError);
});
