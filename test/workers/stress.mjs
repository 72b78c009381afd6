// One worker of the stress test: `ops` random clone/send/drop (and now and then new) operations
// on SharedArcs of Tracked values, sending to its peers over MessagePorts, then a drain.
// workerData: { board, index, ports (by peer index; null for itself), ops, seed, initial (messages), plant }.
import { parentPort, workerData } from "node:worker_threads";
import { SharedArc } from "ts-smart-pointer";
import { HOLDERS, IN_FLIGHT, capacityOf, cell, newTracked } from "./tracked.mjs";

const { board, index, ports, ops, seed, initial, plant } = workerData;
const CHUNK = 512; // operations between yields to the event loop (where messages arrive)
const FEW = 4;
const MANY = 24;

// mulberry32: a seeded generator, so a failing run can be replayed from its seed.
let state = seed >>> 0;
function random() {
  state = (state + 0x6d2b79f5) >>> 0;
  let t = Math.imul(state ^ (state >>> 15), 1 | state);
  t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
  return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
}
const pick = (n) => Math.floor(random() * n);

const held = [];
const peers = ports.map((p, i) => (p ? i : -1)).filter((i) => i >= 0);
const outboxes = ports.map(() => []);
const stats = { ops: 0, clones: 0, sends: 0, drops: 0, news: 0, received: 0, badCounts: 0, warnings: [], errors: [] };
let draining = false;

// Warnings are recorded instead of printed, and reported to the test.
process.emitWarning = (message, options) => stats.warnings.push(options?.code ?? String(message));

/** A use of a held handle: its value is live and its count is at least 1 and finite. */
function use(h) {
  h.check();
  const n = SharedArc.strongCount(h);
  if (!(n >= 1 && n < Infinity)) stats.badCounts++;
}

/** Keeps a handle that just took a new count. */
function take(h) {
  h.held();
  held.push(h);
}

function drop(h) {
  h.letGo();
  SharedArc.drop(h);
  stats.drops++;
}

/** Removes and returns a random held handle. */
function takeOut() {
  const i = pick(held.length);
  const h = held[i];
  held[i] = held[held.length - 1];
  held.pop();
  return h;
}

function step() {
  stats.ops++;
  const r = random();
  if (held.length === 0 || r < 0.001) {
    if (Atomics.load(board, 0) < capacityOf(board)) {
      held.push(newTracked(board));
      stats.news++;
    }
    return;
  }
  const dropBias = held.length < FEW ? 0.1 : held.length > MANY ? 0.6 : 0.34;
  if (r < dropBias) return drop(takeOut());
  const h = held[pick(held.length)];
  use(h);
  if (r < dropBias + (1 - dropBias) / 2) {
    take(SharedArc.clone(h));
    stats.clones++;
    if (plant === "lost-increment" && stats.clones % 997 === 0) loseOneCount(h);
  } else {
    const message = SharedArc.send(h);
    h.held(); // the message is a holder until it is received
    outboxes[peers[pick(peers.length)]].push(message);
    stats.sends++;
  }
}

/** The planted bug: a clone whose increment is lost, as a racy non-atomic `count++` would lose it. */
function loseOneCount(h) {
  const c = SharedArc.clone(h);
  Atomics.sub(SharedArc.send(c).counts, 0, 2); // takes back the clone's count and the unsent message's
  take(c);
}

function flush() {
  for (let i = 0; i < outboxes.length; i++) {
    const batch = outboxes[i];
    if (batch.length === 0) continue;
    Atomics.add(board, IN_FLIGHT, batch.length);
    ports[i].postMessage(batch);
    outboxes[i] = [];
  }
}

function onBatch(batch) {
  for (const message of batch) {
    let h;
    try {
      h = SharedArc.receive(message); // the message's holder is now this handle
    } catch (error) {
      // The runtime's own debug check: a message whose value was released meanwhile (early).
      stats.errors.push(error.name);
      Atomics.sub(board, cell(board, message.data.id, HOLDERS), 1);
      continue;
    }
    stats.received++;
    use(h);
    if (draining) drop(h);
    else held.push(h);
  }
  Atomics.sub(board, IN_FLIGHT, batch.length);
}

for (const port of ports) port?.on("message", onBatch);
parentPort.on("message", (m) => {
  if (m === "report") parentPort.postMessage({ type: "stats", index, stats });
});

for (const message of initial) held.push(SharedArc.receive(message)); // counted as holders by the test
while (stats.ops < ops) {
  const end = Math.min(ops, stats.ops + CHUNK);
  while (stats.ops < end) step();
  flush();
  await new Promise(setImmediate);
}
draining = true;
while (held.length > 0) drop(held.pop());
parentPort.postMessage({ type: "done", index });
