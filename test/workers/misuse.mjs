// Misuse in another thread: receive a count, then run `script` (op names) on that one handle,
// reporting each op's outcome: "ok", or the error's name; and the warnings it emitted.
import { parentPort, workerData } from "node:worker_threads";
import { SharedArc } from "ts-smart-pointer";
import "./tracked.mjs";

const { message, script } = workerData;
const warnings = [];
process.emitWarning = (text, options) => warnings.push(options?.code ?? String(text));

const h = SharedArc.receive(message);
const ops = { drop: () => SharedArc.drop(h), clone: () => SharedArc.clone(h), count: () => SharedArc.strongCount(h), use: () => h.check() };
const outcomes = script.map((op) => {
  try {
    const result = ops[op]();
    return typeof result === "number" ? result : "ok";
  } catch (error) {
    return error.name;
  }
});
parentPort.postMessage({ outcomes, warnings });
