import { Worker } from "node:worker_threads";
import fc from "fast-check";
import { afterAll, beforeAll, expect, test } from "vitest";
import { REFCOUNT_MAX } from "../runtime/index.js";
import { createAgent, type Command, type Reply } from "./workers/agent.mjs";
import { RELEASED_BY, RELEASES, cell, newBoard } from "./workers/tracked.mjs";

// Model-based test over real threads: random programs of new/clone/drop/send/receive (and
// saturation) across this thread and two workers, checked after every step against a model of
// each value's count, its in-flight messages, and where (and whether) it was released.

const THREADS = 3; // this thread (the runtime's source) and two workers (the built runtime)
const CAPACITY = 64;

type Agent = (command: Command) => Promise<Reply>;
let workers: Worker[] = [];
let agents: Agent[] = [];
/** Each thread's `threadId + 1`, as Tracked records its releaser. */
let releaserIds: number[] = [];

function workerAgent(w: Worker): Agent {
  return (command) =>
    new Promise((resolve, reject) => {
      w.once("message", (m: { ok?: Reply; error?: string }) => (m.error ? reject(new Error(m.error)) : resolve(m.ok!)));
      w.postMessage(command);
    });
}

beforeAll(() => {
  workers = [1, 2].map(() => new Worker(new URL("./workers/agent-worker.mjs", import.meta.url)));
  const local = createAgent();
  agents = [async (c) => local(c), ...workers.map(workerAgent)];
  releaserIds = [1, ...workers.map((w) => w.threadId + 1)];
});
afterAll(() => Promise.all(workers.map((w) => w.terminate())));

interface Value {
  count: number; // the model count; meaningless once saturated
  saturated: boolean;
  handles: number[]; // per thread
  creator: number;
  releasedBy: number | null;
}
interface Model {
  values: Value[];
  inFlight: { id: number; message: unknown; from: number }[];
}
interface Real {
  board: Int32Array;
}

/** The hard states the runs must reach (checked across all runs). */
const reached = new Set<string>();
const MAX = REFCOUNT_MAX;

/** Every (thread, value) pair where the thread holds a handle of the value. */
const held = (m: Model) => m.values.flatMap((v, id) => v.handles.flatMap((n, t) => (n > 0 ? [{ t, id }] : [])));
const shownCount = (v: Value) => (v.saturated ? Infinity : v.count);

/** After each step: the thread's view of the count, its warnings, and every value's releases. */
function verify(m: Model, r: Real, t: number, id: number, reply: Reply, warnings: string[] = []): void {
  const v = m.values[id]!;
  expect(reply.count).toBe(v.handles[t]! > 0 ? shownCount(v) : null);
  expect(reply.warnings).toEqual(warnings);
  m.values.forEach((value, i) => {
    expect(Atomics.load(r.board, cell(r.board, i, RELEASES)), `releases of value ${i}`).toBe(value.releasedBy === null ? 0 : 1);
    if (value.releasedBy !== null) expect(Atomics.load(r.board, cell(r.board, i, RELEASED_BY))).toBe(releaserIds[value.releasedBy]);
  });
}

/** Model of an increment; returns the warnings it causes. */
function inc(v: Value): string[] {
  if (v.saturated) return [];
  if (v.count === MAX) {
    v.saturated = true;
    reached.add("saturated");
    return ["SP_REFCOUNT_SATURATED"];
  }
  v.count++;
  return [];
}

class New implements fc.AsyncCommand<Model, Real> {
  constructor(readonly t: number) {}
  check = (m: Readonly<Model>) => m.values.length < CAPACITY;
  async run(m: Model, r: Real) {
    const id = m.values.length;
    m.values.push({ count: 1, saturated: false, handles: Array<number>(THREADS).fill(0).map((_, i) => (i === this.t ? 1 : 0)), creator: this.t, releasedBy: null });
    verify(m, r, this.t, id, await agents[this.t]!({ op: "new", id }));
  }
  toString = () => `new@${this.t}`;
}

/** A command by a thread on a value it holds: the `k`-th (thread, value) pair, cyclically. */
abstract class OnHeld implements fc.AsyncCommand<Model, Real> {
  constructor(readonly k: number) {}
  check(m: Readonly<Model>): boolean {
    return this.candidates(m as Model).length > 0;
  }
  protected candidates(m: Model): { t: number; id: number }[] {
    return held(m);
  }
  protected pick(m: Model): { t: number; id: number; v: Value } {
    const list = this.candidates(m);
    const { t, id } = list[this.k % list.length]!;
    return { t, id, v: m.values[id]! };
  }
  abstract run(m: Model, r: Real): Promise<void>;
  toString = () => `${this.constructor.name}#${this.k}`;
}

class Clone extends OnHeld {
  async run(m: Model, r: Real) {
    const { t, id, v } = this.pick(m);
    const warnings = inc(v);
    v.handles[t]!++;
    verify(m, r, t, id, await agents[t]!({ op: "clone", id }), warnings);
  }
}

class Drop extends OnHeld {
  async run(m: Model, r: Real) {
    const { t, id, v } = this.pick(m);
    v.handles[t]!--;
    if (v.saturated) reached.add("drop while saturated");
    else if (--v.count === 0) {
      v.releasedBy = t;
      if (t !== v.creator) reached.add("released in another thread than the creator's");
    } else if (v.handles.every((n) => n === 0)) reached.add("alive only through messages in flight");
    verify(m, r, t, id, await agents[t]!({ op: "drop", id }));
  }
}

class Send extends OnHeld {
  async run(m: Model, r: Real) {
    const { t, id, v } = this.pick(m);
    const warnings = inc(v); // the message owns a count
    const reply = await agents[t]!({ op: "send", id });
    m.inFlight.push({ id, message: reply.result, from: t });
    verify(m, r, t, id, reply, warnings);
  }
}

class Receive implements fc.AsyncCommand<Model, Real> {
  constructor(readonly t: number, readonly k: number) {}
  check = (m: Readonly<Model>) => m.inFlight.length > 0;
  async run(m: Model, r: Real) {
    const [{ id, message, from }] = m.inFlight.splice(this.k % m.inFlight.length, 1) as [Model["inFlight"][number]];
    const v = m.values[id]!;
    if (v.handles.every((n) => n === 0) && !v.saturated) reached.add("revived from a message after every handle was dropped");
    if (this.t === v.creator && from !== v.creator) reached.add("received back in the creator's thread");
    v.handles[this.t]!++;
    verify(m, r, this.t, id, await agents[this.t]!({ op: "receive", id, message }));
  }
  toString = () => `receive@${this.t}#${this.k}`;
}

/** Rare (one `k` in 5), since a value near the maximum is never released. */
class NearMax extends OnHeld {
  protected override candidates(m: Model) {
    if (this.k % 5 !== 0) return [];
    return held(m).filter(({ id }) => !m.values[id]!.saturated && m.values[id]!.count < MAX - 100);
  }
  async run(m: Model, r: Real) {
    const { t, id, v } = this.pick(m);
    v.count = MAX - 1;
    verify(m, r, t, id, await agents[t]!({ op: "nearMax", id }));
  }
}

const thread = fc.nat(THREADS - 1);
const k = fc.nat(1000);
const commands = fc.commands(
  [
    thread.map((t) => new New(t)),
    k.map((n) => new Clone(n)),
    k.map((n) => new Clone(n)),
    k.map((n) => new Drop(n)),
    k.map((n) => new Drop(n)),
    k.map((n) => new Send(n)),
    k.map((n) => new Send(n)),
    fc.tuple(thread, k).map(([t, n]) => new Receive(t, n)),
    fc.tuple(thread, k).map(([t, n]) => new Receive(t, n)),
    k.map((n) => new NearMax(n)),
  ],
  { maxCommands: 60, size: "large" },
);

test("random programs over 3 threads match the model after every step; at the end every value whose count reaches 0 is released once", async () => {
  await fc.assert(
    fc.asyncProperty(commands, async (cmds) => {
      const board = newBoard(CAPACITY);
      for (const agent of agents) await agent({ op: "reset", board });
      const model: Model = { values: [], inFlight: [] };
      await fc.asyncModelRun(() => ({ model, real: { board } }), cmds);
      // Tear down: deliver what is in flight, drop every handle, in the thread holding it.
      for (const { id, message } of model.inFlight.splice(0)) {
        model.values[id]!.handles[0]!++;
        await agents[0]!({ op: "receive", id, message });
      }
      for (const [id, v] of model.values.entries()) {
        for (let t = 0; t < THREADS; t++) {
          for (; v.handles[t]! > 0; v.handles[t]!--) {
            if (!v.saturated && --v.count === 0) v.releasedBy = t;
            await agents[t]!({ op: "drop", id });
          }
        }
        // Released once, in the thread of the last drop, unless saturated or left near the maximum
        // (then never: no count reaches 0).
        expect(Atomics.load(board, cell(board, id, RELEASES)), `value ${id}`).toBe(v.releasedBy === null ? 0 : 1);
        if (v.releasedBy !== null) expect(Atomics.load(board, cell(board, id, RELEASED_BY)), `value ${id}`).toBe(releaserIds[v.releasedBy]);
        if (v.releasedBy !== null && v.releasedBy !== v.creator) reached.add("released in another thread than the creator's");
      }
    }),
    { numRuns: 150 },
  );
  expect([...reached].sort()).toEqual(
    ["alive only through messages in flight", "drop while saturated", "received back in the creator's thread", "released in another thread than the creator's", "revived from a message after every handle was dropped", "saturated"].sort(),
  );
}, 60_000);
