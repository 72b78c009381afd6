import { Worker } from "node:worker_threads";
import { MessageChannel, type MessagePort } from "node:worker_threads";
import { describe, expect, test } from "vitest";
import { REFCOUNT_MAX, SharedArc } from "../runtime/index.js";
import { setSharedCount, sharedCounts } from "./shared-arc-helpers.js";
import { EARLY, HOLDERS, IN_FLIGHT, NEXT_ID, RELEASED_BY, RELEASES, USED_AFTER, cell, newBoard, newTracked } from "./workers/tracked.mjs";

// Real worker_threads. The workers load the built runtime (`ts-smart-pointer` resolves to dist/,
// which `npm test` builds first); this thread runs the source. They share only the wire format.

const worker = (name: string, workerData: unknown, transferList: MessagePort[] = [], env?: Record<string, string>) =>
  new Worker(new URL(`./workers/${name}.mjs`, import.meta.url), { workerData, transferList, ...(env && { env: { ...process.env, ...env } }) });

interface Stats {
  ops: number;
  clones: number;
  sends: number;
  drops: number;
  news: number;
  received: number;
  badCounts: number;
  warnings: string[];
  errors: string[];
}

interface Outcome {
  board: Int32Array;
  stats: Stats[];
  /** Per created value: [releases, holders, early, usedAfter, releasedBy]. */
  values: number[][];
}

/**
 * Runs `workers` stress workers of `ops` operations each on `initialValues` values shared from this
 * thread (each worker gets two counts of each), all connected to each other by MessagePorts.
 */
async function stress({ workers, ops, initialValues, capacity, plant }: { workers: number; ops: number; initialValues: number; capacity: number; plant?: string }): Promise<Outcome> {
  const board = newBoard(capacity);
  const ports: (MessagePort | null)[][] = Array.from({ length: workers }, () => Array<MessagePort | null>(workers).fill(null));
  for (let i = 0; i < workers; i++) {
    for (let j = i + 1; j < workers; j++) {
      const { port1, port2 } = new MessageChannel();
      ports[i]![j] = port1;
      ports[j]![i] = port2;
    }
  }
  const values = Array.from({ length: initialValues }, () => newTracked(board));
  const initial = ports.map(() => values.flatMap((v) => [0, 1].map(() => (v.held(), SharedArc.send(v)))));
  for (const v of values) {
    v.letGo();
    SharedArc.drop(v); // only the workers own them now
  }
  const threads = ports.map((p, index) =>
    worker("stress", { board, index, ports: p, ops, seed: 0x5eed + index, initial: initial[index], plant }, p.filter((x): x is MessagePort => x !== null)),
  );
  const errors = threads.map((t) => new Promise<never>((_, reject) => t.once("error", reject)));
  const done = threads.map((t) => new Promise<void>((resolve) => t.on("message", (m: { type: string }) => m.type === "done" && resolve())));
  await Promise.race([Promise.all(done), ...errors]);
  // Every worker has sent its last message; wait for the last ones to be received (and dropped).
  for (let waited = 0; Atomics.load(board, IN_FLIGHT) !== 0; waited++) {
    if (waited > 10_000) throw new Error(`messages still in flight: ${Atomics.load(board, IN_FLIGHT)}`);
    await new Promise((r) => setTimeout(r, 1));
  }
  const stats = await Promise.all(
    threads.map((t) => {
      const reply = new Promise<Stats>((resolve) => t.on("message", (m: { type: string; stats: Stats }) => m.type === "stats" && resolve(m.stats)));
      t.postMessage("report");
      return reply;
    }),
  );
  await Promise.all(threads.map((t) => t.terminate()));
  const created = Atomics.load(board, NEXT_ID);
  const fields = [RELEASES, HOLDERS, EARLY, USED_AFTER, RELEASED_BY];
  return { board, stats, values: Array.from({ length: created }, (_, id) => fields.map((f) => Atomics.load(board, cell(board, id, f)))) };
}

describe("SharedArc across worker threads", () => {
  test("8 workers x 10^5 random clone/send/drop: every value released exactly once, none early, counts never below 1 while held", async () => {
    const { stats, values } = await stress({ workers: 8, ops: 100_000, initialValues: 16, capacity: 4096 });
    for (const s of stats) {
      expect(s.ops).toBeGreaterThanOrEqual(100_000);
      expect(s.badCounts).toBe(0);
      expect(s.warnings).toEqual([]);
      expect(s.errors).toEqual([]);
      // Every kind of operation happened, many times, in every worker.
      for (const n of [s.clones, s.sends, s.drops, s.received]) expect(n).toBeGreaterThan(10_000);
    }
    expect(values.length).toBeGreaterThan(16); // workers created values too
    const wrong = values.map(([releases, holders, early, usedAfter], id) => ({ id, releases, holders, early, usedAfter })).filter((v) => v.releases !== 1 || v.holders !== 0 || v.early !== 0 || v.usedAfter !== 0);
    expect(wrong).toEqual([]);
    // Releases ran in the thread of each value's last drop: in many different workers.
    expect(new Set(values.map((v) => v[4])).size).toBeGreaterThan(4);
  }, 60_000);

  test("the test detects an early release: a planted lost increment is caught", async () => {
    const { values, stats } = await stress({ workers: 4, ops: 20_000, initialValues: 8, capacity: 1024, plant: "lost-increment" });
    const early = values.reduce((n, v) => n + v[2]!, 0);
    const usedAfter = values.reduce((n, v) => n + v[3]!, 0);
    const refusedMessages = stats.flatMap((s) => s.errors).length;
    // The release found a holder; that holder (a handle, or a message the runtime then refused)
    // was seen after the release.
    expect(early).toBeGreaterThan(0);
    expect(usedAfter + refusedMessages).toBeGreaterThan(0);
    // Each release still runs once: a later drop underflows, warns and saturates instead.
    expect(values.every((v) => v[0]! <= 1)).toBe(true);
  }, 60_000);
});

/** Runs a one-shot worker and resolves with the message it posts. */
function result<T>(name: string, workerData: unknown, env?: Record<string, string>): Promise<T> {
  const t = worker(name, workerData, [], env);
  return new Promise<T>((resolve, reject) => {
    t.once("message", resolve);
    t.once("error", reject);
  });
}

describe("saturation under concurrency", () => {
  test("8 threads crossing 2^31-1 at once: one warning in all, Infinity everywhere, never released", async () => {
    const board = newBoard(1);
    const a = newTracked(board);
    setSharedCount(a, REFCOUNT_MAX - 100);
    const start = new Int32Array(new SharedArrayBuffer(8));
    const workers = 8;
    const runs = Array.from({ length: workers }, () => result<{ warnings: string[]; lowest: number; last: number }>("saturate", { message: SharedArc.send(a), start, rounds: 200 }));
    a.letGo();
    SharedArc.drop(a);
    while (Atomics.load(start, 1) < workers) await new Promise((r) => setTimeout(r, 1));
    Atomics.store(start, 0, 1);
    Atomics.notify(start, 0);
    const results = await Promise.all(runs);
    expect(results.flatMap((r) => r.warnings)).toEqual(["SP_REFCOUNT_SATURATED"]);
    for (const r of results) {
      expect(r.lowest).toBeGreaterThanOrEqual(REFCOUNT_MAX - 100 - workers); // never near zero
      expect(r.last).toBe(Infinity);
    }
    expect(Atomics.load(sharedCounts(a), 0)).toBeLessThan(-(2 ** 29)); // still saturated after every drop
    expect(Atomics.load(board, cell(board, 0, RELEASES))).toBe(0); // leaked on purpose
  });
});

describe("misuse in another thread follows Arc's debug and release rules", () => {
  const script = ["drop", "drop", "clone", "count", "use"];
  async function misuse(env: Record<string, string>) {
    const board = newBoard(1);
    const a = newTracked(board);
    const message = SharedArc.send(a);
    a.letGo();
    SharedArc.drop(a); // the worker's count is the last
    const outcome = await result<{ outcomes: unknown[]; warnings: string[] }>("misuse", { message, script }, env);
    return { ...outcome, releases: Atomics.load(board, cell(board, 0, RELEASES)), count: Atomics.load(sharedCounts(a), 0) };
  }

  test("debug: typed errors, and the count is untouched by the misuse", async () => {
    const { outcomes, warnings, releases, count } = await misuse({ NODE_ENV: "development" });
    expect(outcomes).toEqual(["ok", "DoubleDropError", "UseAfterDropError", "UseAfterDropError", "UseAfterDropError"]);
    expect(warnings).toEqual([]);
    expect(releases).toBe(1);
    expect(count).toBe(0);
  });

  test("release (NODE_ENV=production): a drop past zero warns and saturates; the value was released once", async () => {
    const { outcomes, warnings, releases, count } = await misuse({ NODE_ENV: "production" });
    expect(outcomes).toEqual(["ok", "ok", "ok", Infinity, "ok"]);
    expect(warnings).toEqual(["SP_REFCOUNT_UNDERFLOW"]); // the clone after it finds it saturated: no second warning
    expect(releases).toBe(1);
    expect(count).toBeLessThan(-(2 ** 29));
  });
});
