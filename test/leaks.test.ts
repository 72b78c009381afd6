import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { Arc, List, ListArc, ListItem, UniqueArc, trackLeaks, type Leak } from "../runtime/index.js";
import { LeakDetectorOffError, LeakError, assertNoLeaks, collectLeaks } from "../runtime/testing.js";
import { Resource } from "./helpers.js";

// The leak detector in debug mode, in this process (vitest): each handle that owns a count is
// watched. Every leaking program runs in a function of its own, so that its pointers are garbage
// once it returns; the leaks are then found by a real, forced garbage collection.

const file = fileURLToPath(import.meta.url);
const source = readFileSync(file, "utf8").split("\n");
/** The line of this file that carries the comment `// site: <name>`. */
const lineOf = (name: string): number => source.findIndex((line) => line.endsWith(`// site: ${name}`)) + 1;
const sites = (leaks: Leak[]) => leaks.map((leak) => leak.createdAt.replace(/:\d+$/, "")).sort();
const at = (...names: string[]) => names.map((name) => `${file}:${lineOf(name)}`).sort();

class Job extends Resource {
  run(self: Arc<this>): Arc<this> {
    return self; // the caller gets the moved pointer back
  }
  forget(self: Arc<this>): void {
    void self; // takes ownership and neither drops nor stores it: the count leaks
  }
}

@ListItem()
class Task extends Resource {}

/** A value that keeps a pointer to itself: the cycle an Arc cannot free by counting. */
class Node extends Resource {
  self: Arc<Node> | null = null;
}

let early: Resource;
function leakBeforeTracking(): void {
  early = new Resource("early");
  Arc.new(early);
}

describe("with the detector off", () => {
  test("collectLeaks and assertNoLeaks refuse to run, rather than pass having watched nothing", async () => {
    leakBeforeTracking();
    await expect(collectLeaks()).rejects.toThrow(LeakDetectorOffError);
    await expect(assertNoLeaks()).rejects.toThrow(/assertNoLeaks: the leak detector is off.*trackLeaks\(\).*TS_SMART_POINTER_LEAKS=1/);
  });

  test("trackLeaks refuses options that are not an object, and an onLeak that is not a function, and stays off", async () => {
    expect(() => trackLeaks({ onLeak: "log" as never })).toThrow(new TypeError("trackLeaks expects options.onLeak to be a function (leak) => void, but got string."));
    expect(() => trackLeaks(null as never)).toThrow(new TypeError("trackLeaks expects an options object ({ onLeak }) or nothing, but got null."));
    expect(() => trackLeaks((() => {}) as never)).toThrow(new TypeError("trackLeaks expects an options object ({ onLeak }) or nothing, but got function."));
    await expect(collectLeaks()).rejects.toThrow(LeakDetectorOffError);
  });
});

describe("the leak detector (debug: one report per handle)", () => {
  const reported: Leak[] = [];
  test("turned on, it watches only pointers created from then on", async () => {
    trackLeaks({ onLeak: (leak) => reported.push(leak) });
    expect(await collectLeaks()).toEqual([]); // the Arc leaked before trackLeaks was not watched
    expect(early.disposed).toBe(0);
  });

  test("a program that leaks three pointers gets exactly three reports, each with its creation site", async () => {
    const resources: Resource[] = [];
    (() => {
      const kept = Arc.new(new Job());
      resources.push(Arc.deref(kept));
      Arc.clone(kept); // site: clone
      const unique = UniqueArc.new(new Resource()); // site: unique
      resources.push(Arc.deref(unique));
      void unique;
      Arc.drop(kept);
    })();
    reported.length = 0;
    const leaks = await collectLeaks();
    expect(sites(leaks)).toEqual(at("clone", "unique"));
    expect(leaks).toEqual(reported); // the callback saw the same reports
    expect(resources.map((r) => r.disposed)).toEqual([0, 0]); // neither value was ever dropped

    (() => {
      const list = new List<Task>();
      list.pushBack(ListArc.new(new Task())); // site: listed
      ListArc.new(new Task()); // site: listArc
    })();
    const more = await collectLeaks();
    expect(sites(more)).toEqual(at("listArc", "listed"));
    expect(more.map((leak) => leak.pointer)).toEqual(["ListArc<Task>", "ListArc<Task>"]);
  });

  test("three leaks of three kinds, with their pointer names, modes and stacks", async () => {
    (() => {
      Arc.new(new Job()); // site: a
      UniqueArc.new(new Resource()); // site: b
      ListArc.new(new Task()); // site: c
    })();
    const leaks = await collectLeaks();
    expect(sites(leaks)).toEqual(at("a", "b", "c"));
    expect(leaks.map((leak) => leak.pointer).sort()).toEqual(["Arc<Job>", "ListArc<Task>", "UniqueArc<Resource>"]);
    for (const leak of leaks) {
      expect(leak.mode).toBe("debug");
      expect(leak.stack.split("\n")[0]).toContain(leak.createdAt); // the stack starts at the site
      expect(leak.stack).not.toMatch(/runtime[/\\](arc|ownership|leaks|handle)\.ts/); // the runtime's frames are cut
    }
  });

  test("a program that drops everything gets no report", async () => {
    (() => {
      const a = Arc.new(new Job());
      using b = Arc.clone(a);
      Arc.drop(Arc.clone(a).run()); // moved into the receiver and back, then dropped
      Arc.drop(a);
      const unique = UniqueArc.new(new Resource());
      const shared = Arc.from(unique); // the UniqueArc's count moves into the Arc
      Arc.intoUniqueOrDrop(shared)![Symbol.dispose]();
      const list = new List<Task>();
      list.pushBack(ListArc.new(new Task()));
      list.pushBack(ListArc.new(new Task()));
      ListArc.drop(list.popFront()!);
      list[Symbol.dispose]();
      void b;
    })();
    expect(await collectLeaks()).toEqual([]);
    await assertNoLeaks();
  });

  test("a pointer moved into a receiver that forgets it is reported where it was created, not where it moved", async () => {
    const job = new Job();
    (() => {
      const a = Arc.new(job); // site: moved
      Arc.clone(a).forget(); // site: forgotten
      a.forget();
    })();
    expect(sites(await collectLeaks())).toEqual(at("forgotten", "moved"));
    expect(job.disposed).toBe(0);
  });

  test("a cycle through the value is found: nothing the detector keeps reaches a pointer or its value", async () => {
    (() => {
      const node = new Node();
      const a = Arc.new(node);
      node.self = Arc.clone(a); // site: cycle
      Arc.drop(a); // the count never reaches zero: the value holds its own last pointer
    })();
    expect(sites(await collectLeaks())).toEqual(at("cycle"));
  });

  test("a pointer still referenced is not garbage, so it is not a leak yet", async () => {
    const held = Arc.new(new Job());
    expect(await collectLeaks()).toEqual([]);
    Arc.drop(held);
  });
});

describe("assertNoLeaks under vitest", () => {
  test("passes when every pointer was dropped", async () => {
    (() => Arc.drop(Arc.new(new Job())))();
    await expect(assertNoLeaks()).resolves.toBeUndefined();
  });

  test("fails with a LeakError listing each leaked pointer and its creation site", async () => {
    (() => {
      const a = Arc.new(new Job()); // site: assert1
      Arc.clone(a); // site: assert2
    })();
    const error: LeakError = await assertNoLeaks().then(
      () => expect.fail("assertNoLeaks passed"),
      (e: LeakError) => e,
    );
    expect(error).toBeInstanceOf(LeakError);
    expect(sites([...error.leaks])).toEqual(at("assert1", "assert2"));
    expect(error.message).toMatch(/^assertNoLeaks: 2 smart pointers were garbage-collected while still owning a strong count:\n/);
    for (const name of ["assert1", "assert2"]) expect(error.message).toContain(`Arc<Job> was garbage-collected while it still owned a strong count, so its value is never dropped (its [Symbol.dispose] never runs); created at ${file}:${lineOf(name)}:`);
    expect(error.message).toMatch(/Drop each pointer \(Arc\.drop\(p\), or declare it with `using`\)/);
    await expect(assertNoLeaks()).resolves.toBeUndefined(); // each leak is reported once
  });

  test("past 1,000 leaks, the rest are counted, not kept (a long run must not grow without bound)", async () => {
    (() => {
      for (let i = 0; i < 1003; i++) Arc.new(i);
    })();
    const error: LeakError = await assertNoLeaks().then(
      () => expect.fail("assertNoLeaks passed"),
      (e: LeakError) => e,
    );
    expect(error.leaks).toHaveLength(1000);
    expect(error.message).toMatch(/^assertNoLeaks: 1003 smart pointers were garbage-collected/);
    expect(error.message).toContain("\n  - and 3 more\n");
    expect(await collectLeaks()).toEqual([]);
  });

  test("fails clearly when globalThis.gc is there but collects nothing", async () => {
    const real = (globalThis as { gc?: unknown }).gc;
    (globalThis as { gc?: unknown }).gc = () => {};
    try {
      await expect(assertNoLeaks()).rejects.toThrow(/^assertNoLeaks: a garbage collection was forced 10 times and never reported; is globalThis.gc Node's \(node --expose-gc\)\?$/);
    } finally {
      (globalThis as { gc?: unknown }).gc = real;
    }
  });
});
