import { describe, expect, test } from "vitest";
import { Arc, List, ListArc, ListItem } from "../runtime/index.js";
import { strongCountOf } from "./helpers.js";

@ListItem()
class Job {
  disposed = 0;
  constructor(
    readonly name: string,
    readonly failOnDispose = false,
  ) {}
  [Symbol.dispose](): void {
    this.disposed++;
    if (this.failOnDispose) throw new Error(`dispose ${this.name}`);
  }
  /** Re-enqueues itself unless told to fail; a failing run still releases what it owns. */
  run(self: ListArc<this>, queue: List<Job>, fail: boolean): void {
    try {
      if (fail) throw new Error(`run ${this.name}`);
      queue.pushBack(self);
    } catch (error) {
      ListArc.drop(self); // the receiver owns `self`, also when it throws
      throw error;
    }
  }
}

function names(list: List<Job>): string[] {
  return [...list].map((b) => b.name);
}

describe("exception safety", () => {
  test("List[Symbol.dispose]: throwing destructors still remove and release every item", () => {
    const jobs = [new Job("a", true), new Job("b"), new Job("c", true)];
    const list = new List<Job>();
    for (const j of jobs) list.pushBack(ListArc.new(j));
    let error: unknown;
    try {
      list[Symbol.dispose]();
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual(["dispose a", "dispose c"]);
    expect(list.isEmpty()).toBe(true);
    expect(jobs.map((j) => j.disposed)).toEqual([1, 1, 1]);
  });

  test("a single throwing destructor is rethrown as itself", () => {
    const list = new List<Job>();
    list.pushBack(ListArc.new(new Job("only", true)));
    expect(() => list[Symbol.dispose]()).toThrow("dispose only");
    expect(list.isEmpty()).toBe(true);
  });

  test("a refused push changes nothing: the list and the ListArc stay as they were", () => {
    @ListItem(1)
    class Other {}
    const list = new List<Job>();
    list.pushBack(ListArc.new(new Job("a")));
    const wrongId = ListArc.new(new Other(), 1);
    expect(() => list.pushBack(wrongId as never)).toThrow(TypeError);
    expect(names(list)).toEqual(["a"]);
    expect(ListArc.cloneArc(wrongId)).toBeTruthy(); // still live and owned by the caller
    const again = ListArc.new(new Job("b"));
    list.pushBack(again);
    expect(() => list.pushFront(again)).toThrow();
    expect(names(list)).toEqual(["a", "b"]);
  });

  test("a receiver that throws mid-drain leaves the queue consistent and every item accounted for", () => {
    const jobs = ["a", "b", "c", "d"].map((n) => new Job(n));
    const witnesses = jobs.map((j) => Arc.new(j));
    const queue = new List<Job>();
    for (const w of witnesses) queue.pushBack(ListArc.tryFromArc(Arc.clone(w))!);
    const errors: string[] = [];
    for (let round = 0; round < 2; round++) {
      const n = [...queue].length;
      for (let i = 0; i < n; i++) {
        const job = queue.popFront()!;
        try {
          job.run(queue, job.name === "b" && round === 0);
        } catch (e) {
          errors.push((e as Error).message);
        }
      }
    }
    expect(errors).toEqual(["run b"]);
    expect(names(queue)).toEqual(["a", "c", "d"]);
    // None lost, none twice: "b" has no ListArc left (one can be made again), the others one each.
    witnesses.forEach((w, i) => {
      const inQueue = names(queue).includes(jobs[i]!.name);
      expect(strongCountOf(w)).toBe(inQueue ? 2 : 1);
      const probe = ListArc.tryFromArc(Arc.clone(w));
      expect(probe === null).toBe(inQueue);
      if (probe) ListArc.drop(probe);
    });
    expect(jobs.map((j) => j.disposed)).toEqual([0, 0, 0, 0]);
  });

  test("a destructor that throws during ListArc.drop still resets the tracker and drops once", () => {
    const job = new Job("x", true);
    const la = ListArc.new(job);
    expect(() => ListArc.drop(la)).toThrow("dispose x");
    expect(job.disposed).toBe(1);
    expect(() => ListArc.drop(la)).toThrow(/double drop/);
    expect(job.disposed).toBe(1);
  });
});
