import { readFileSync } from "node:fs";
import { inspect } from "node:util";
import { fileURLToPath } from "node:url";
import { beforeAll, describe, expect, test } from "vitest";
import { Resource, setStrongCount, warningsDuring } from "./helpers.js";

// The leak detector and util.inspect in release mode, where one handle is shared by all the clones
// of a value: the detector watches values (one report per value), not pointers.
process.env.NODE_ENV = "production";
type Runtime = typeof import("../runtime/index.js");
type Testing = typeof import("../runtime/testing.js");
let rt: Runtime;
let testing: Testing;
beforeAll(async () => {
  rt = await import("../runtime/index.js");
  testing = await import("../runtime/testing.js");
  rt.trackLeaks({ onLeak() {} });
});

const file = fileURLToPath(import.meta.url);
const source = readFileSync(file, "utf8").split("\n");
const lineOf = (name: string): number => source.findIndex((line) => line.endsWith(`// site: ${name}`)) + 1;
const sites = (leaks: { createdAt: string }[]) => leaks.map((leak) => leak.createdAt.replace(/:\d+$/, "")).sort();
const at = (...names: string[]) => names.map((name) => `${file}:${lineOf(name)}`).sort();

class Job extends Resource {}
// @ListItem() as a call: the runtime loads after NODE_ENV is set, so no decorator syntax here.
class Task extends Resource {}

describe("the leak detector in release mode (one report per value)", () => {
  test("three values leaked: three reports, at their Arc.new, UniqueArc.new and ListArc.new", async () => {
    rt.ListItem()(Task);
    (() => {
      rt.Arc.new(new Job()); // site: arc
      rt.UniqueArc.new(new Job()); // site: unique
      rt.ListArc.new(new Task()); // site: listArc
    })();
    const leaks = await testing.collectLeaks();
    expect(sites(leaks)).toEqual(at("arc", "listArc", "unique"));
    expect(leaks.map((leak) => [leak.pointer, leak.mode]).sort()).toEqual([
      ["Arc<Job>", "release"],
      ["ListArc<Task>", "release"],
      ["UniqueArc<Job>", "release"],
    ]);
  });

  test("three clones of one value leaked: one report, at the value's Arc.new (its handle is shared)", async () => {
    (() => {
      const a = rt.Arc.new(new Job()); // site: shared
      rt.Arc.clone(a);
      rt.Arc.clone(a);
    })();
    const leaks = await testing.collectLeaks();
    expect(sites(leaks)).toEqual(at("shared"));
    await expect(testing.assertNoLeaks()).resolves.toBeUndefined();
  });

  test("assertNoLeaks names the value, not a pointer, in release mode", async () => {
    (() => void rt.Arc.new(new Job()))(); // site: named
    await expect(testing.assertNoLeaks()).rejects.toThrow(
      `assertNoLeaks: 1 smart pointer was garbage-collected while still owning a strong count:\n  - the value of Arc<Job> was garbage-collected while its pointers still owned strong counts, so it is never dropped (its [Symbol.dispose] never runs); created at ${file}:${lineOf("named")}:`,
    );
  });

  test("values dropped to the end, by any path, give no report", async () => {
    (() => {
      const a = rt.Arc.new(new Job());
      rt.Arc.drop(rt.Arc.clone(a));
      rt.Arc.drop(a);
      const u = rt.UniqueArc.new(new Job());
      rt.Arc.intoUniqueOrDrop(rt.Arc.from(u))![Symbol.dispose]();
      const list = new rt.List<Task>();
      list.pushBack(rt.ListArc.new(new Task()));
      list[Symbol.dispose]();
    })();
    await testing.assertNoLeaks();
  });

  test("a saturated value is not reported: it is leaked on purpose, and its warning said so", async () => {
    const warnings = warningsDuring(() =>
      (() => {
        const a = rt.Arc.new(new Job());
        setStrongCount(a, rt.REFCOUNT_MAX);
        rt.Arc.clone(a);
      })(),
    );
    expect(warnings.map((w) => w.code)).toEqual(["SP_REFCOUNT_SATURATED"]);
    await testing.assertNoLeaks();
  });
});

describe("util.inspect in release mode", () => {
  const show = (value: unknown) => inspect(value, { breakLength: Infinity, depth: 0 });
  test("clones are the shared handle: it shows the value's count, then dropped once it reaches zero", () => {
    const a = rt.Arc.new(new Job());
    const b = rt.Arc.clone(a);
    expect(show(b)).toBe("Arc<Job> { count: 2, value: [Job] }");
    rt.Arc.drop(b);
    rt.Arc.drop(a);
    expect(show(a)).toBe("Arc<Job> <dropped>");
  });

  test("a ListArc kept after it was pushed shows it belongs to the list now", () => {
    const list = new rt.List<Task>();
    const listArc = rt.ListArc.new(new Task());
    list.pushBack(listArc);
    expect(show(listArc)).toBe("ListArc<Task> <moved into a List>");
    expect(show(list.popFront())).toBe("ListArc<Task> { count: 1, value: [Task] }");
  });
});
