// Saturation under concurrency: receive one count, wait for the start signal, then clone and drop
// in a tight loop (net +1 per round) so that several threads cross 2^31-1 at about the same time.
import { parentPort, workerData } from "node:worker_threads";
import { SharedArc } from "ts-smart-pointer";
import "./tracked.mjs";

const { message, start, rounds } = workerData;
const warnings = [];
process.emitWarning = (text, options) => warnings.push(options?.code ?? String(text));

const mine = [SharedArc.receive(message)];
Atomics.add(start, 1, 1); // ready
Atomics.wait(start, 0, 0); // until the test says go
let lowest = Infinity;
for (let i = 0; i < rounds; i++) {
  mine.push(SharedArc.clone(mine[i]), SharedArc.clone(mine[i]));
  SharedArc.drop(mine.pop());
  lowest = Math.min(lowest, SharedArc.strongCount(mine[mine.length - 1]));
}
const last = SharedArc.strongCount(mine[0]);
for (const h of mine) SharedArc.drop(h);
parentPort.postMessage({ warnings, lowest, last });
