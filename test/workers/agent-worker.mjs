// A model-test agent in a worker thread: one command in, one reply out.
import { parentPort } from "node:worker_threads";
import { createAgent } from "./agent.mjs";

const run = createAgent();
parentPort.on("message", (command) => {
  try {
    parentPort.postMessage({ ok: run(command) });
  } catch (error) {
    parentPort.postMessage({ error: `${error.name}: ${error.message}` });
  }
});
