// SharedArc.clone + SharedArc.drop against a bare Atomics.add + Atomics.sub on one cell (with the
// test for the last reference every refcount makes), alone and with a second thread doing the same
// operations on the same count meanwhile. Run in release mode (NODE_ENV=production).
import { Worker, isMainThread, workerData } from "node:worker_threads";
import { SharedArc, type SharedArcMessage } from "ts-smart-pointer";
import { nsPerOp, report, smoke } from "./harness.js";

const N = smoke ? 1_000 : 1_000_000;

class Payload {
  released = 0;
  [Symbol.dispose](): void {
    this.released++;
  }
}
SharedArc.register(Payload);

function ours(a: SharedArc<Payload>, n: number): void {
  for (let i = 0; i < n; i++) SharedArc.drop(SharedArc.clone(a));
}
function bare(cell: Int32Array, payload: Payload, n: number): void {
  for (let i = 0; i < n; i++) {
    Atomics.add(cell, 0, 1);
    if (Atomics.sub(cell, 0, 1) === 1) payload[Symbol.dispose]();
  }
}

interface Contender {
  stop: Int32Array; // [stop flag, started]
  message?: SharedArcMessage<Payload>;
  cell?: Int32Array;
}

if (isMainThread) {
  const a = SharedArc.new(new Payload());
  const cell = new Int32Array(new SharedArrayBuffer(4));
  cell[0] = 1;
  const payload = new Payload();

  /** Measures `fn` while a worker does the other kind of work on the same count. */
  async function contended(fn: () => void, data: Omit<Contender, "stop">): Promise<number> {
    const stop = new Int32Array(new SharedArrayBuffer(8));
    const worker = new Worker(new URL(import.meta.url), { workerData: { ...data, stop } });
    while (Atomics.load(stop, 1) === 0) await new Promise((r) => setTimeout(r, 1));
    const ns = await nsPerOp(fn, N);
    Atomics.store(stop, 0, 1);
    await new Promise((r) => worker.once("exit", r));
    return ns;
  }

  const oursNs = await nsPerOp(() => ours(a, N), N);
  const bareNs = await nsPerOp(() => bare(cell, payload, N), N);
  const oursContended = await contended(() => ours(a, N), { message: SharedArc.send(a) });
  const bareContended = await contended(() => bare(cell, payload, N), { cell });
  if (payload.released !== 0 || SharedArc.strongCount(a) !== 1) throw new Error("the benchmark released a value it still holds");
  const baselineName = "bare Atomics.add + Atomics.sub (=== 1 ?) on one cell";
  report({ figure: "SharedArc.clone + SharedArc.drop, uncontended", ours: oursNs, baseline: bareNs, baselineName, target: 1.3 });
  report({ figure: "SharedArc.clone + SharedArc.drop, 2 threads contending", ours: oursContended, baseline: bareContended, baselineName: `${baselineName}, 2 threads`, target: 1.3 });
} else {
  // The contending thread: the same operations on the same count until told to stop.
  const { stop, message, cell } = workerData as Contender;
  const a = message && SharedArc.receive(message);
  const payload = new Payload();
  Atomics.store(stop, 1, 1);
  while (Atomics.load(stop, 0) === 0) {
    if (a) ours(a, 1000);
    else bare(cell!, payload, 1000);
  }
  if (a) SharedArc.drop(a);
}
