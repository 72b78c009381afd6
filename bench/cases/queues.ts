// Queue workloads: the intrusive List against yallist, denque, mnemonist, fast-fifo and Node's
// own intrusive list design. Items and their ListArcs exist before timing; the list operations
// then allocate nothing.
import { List, ListArc, ListItem } from "ts-smart-pointer";
import { Yallist } from "yallist";
import Denque from "denque";
// @ts-expect-error fast-fifo ships no types
import FastFIFO from "fast-fifo";
import { LinkedList as MnemonistLinkedList, Queue as MnemonistQueue } from "mnemonist";
import { bytesPerOp, nsPerOp, report, smoke } from "./harness.js";
import * as nodeList from "./node-list.js";
import { IntrusiveList, type Linked } from "./intrusive-list.js";

@ListItem()
class Timer implements Linked {
  cancelled = false;
  handle: unknown = null;
  _idleNext: Timer | null = null;
  _idlePrev: Timer | null = null;
  lnext: Linked | null = null;
  lprev: Linked | null = null;
  lowner: IntrusiveList | null = null;
  constructor(readonly id: number) {}
}

/** A fixed random half of 0..n-1 (xorshift Fisher-Yates), the same for every implementation. */
function randomHalf(n: number): Int32Array {
  const order = new Int32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  let x = 0x9e3779b9 | 0;
  for (let i = n - 1; i > 0; i--) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    const j = (x >>> 0) % (i + 1);
    const t = order[i]!;
    order[i] = order[j]!;
    order[j] = t;
  }
  return order.subarray(0, n >> 1);
}

let sink = 0;

/**
 * One workload per implementation: push all, cancel the random half by handle, drain. `limit` is
 * the hand-written intrusive list, reported beside the peers but not one of them; `limitKeeping`
 * is the same list with the caller keeping each removed and popped item where ours must keep the
 * ListArc it gets back (a store at a random index per cancel), to tell that cost from the runtime's.
 */
function cancelWorkloads(n: number) {
  const timers = Array.from({ length: n }, (_, i) => new Timer(i));
  const half = randomHalf(n);
  const arcs = timers.map((t) => ListArc.new(t));
  const kept: (Timer | null)[] = timers.slice();
  const list = new List<Timer>();
  const nodeHead = nodeList.init({ _idleNext: null, _idlePrev: null });
  const limit = new IntrusiveList();
  const ours = () => {
    for (let i = 0; i < n; i++) list.pushBack(arcs[i]!);
    for (let k = 0; k < half.length; k++) arcs[half[k]!] = list.remove(timers[half[k]!]!)!;
    for (let a = list.popFront(); a !== null; a = list.popFront()) arcs[a.id] = a;
  };
  const limitWorkload = () => {
    for (let i = 0; i < n; i++) limit.pushBack(timers[i]!);
    for (let k = 0; k < half.length; k++) limit.remove(timers[half[k]!]!);
    for (let t = limit.popFront() as Timer | null; t !== null; t = limit.popFront() as Timer | null) sink += t.id;
  };
  const limitKeeping = () => {
    for (let i = 0; i < n; i++) limit.pushBack(kept[i]!);
    for (let k = 0; k < half.length; k++) kept[half[k]!] = limit.remove(timers[half[k]!]!) as Timer | null;
    for (let t = limit.popFront() as Timer | null; t !== null; t = limit.popFront() as Timer | null) kept[t.id] = t;
  };
  const peers: Record<string, () => void> = {
    "Node's intrusive list": () => {
      for (let i = 0; i < n; i++) nodeList.append(nodeHead, timers[i]);
      for (let k = 0; k < half.length; k++) nodeList.remove(timers[half[k]!]);
      for (let t = nodeList.peek(nodeHead); t !== null; t = nodeList.peek(nodeHead)) {
        nodeList.remove(t);
        sink += (t as Timer).id;
      }
    },
    yallist: () => {
      const y = new Yallist<Timer>();
      for (let i = 0; i < n; i++) {
        y.push(timers[i]!);
        timers[i]!.handle = y.tail;
      }
      for (let k = 0; k < half.length; k++) y.removeNode(timers[half[k]!]!.handle as never);
      for (let t = y.shift(); t !== undefined; t = y.shift()) sink += t.id;
    },
    "denque (cancel by marking)": () => {
      const d = new Denque<Timer>();
      for (let i = 0; i < n; i++) {
        timers[i]!.cancelled = false;
        d.push(timers[i]!);
      }
      for (let k = 0; k < half.length; k++) timers[half[k]!]!.cancelled = true;
      for (let t = d.shift(); t !== undefined; t = d.shift()) if (!t.cancelled) sink += t.id;
    },
    "mnemonist Queue (cancel by marking)": () => {
      const q = new MnemonistQueue<Timer>();
      for (let i = 0; i < n; i++) {
        timers[i]!.cancelled = false;
        q.enqueue(timers[i]!);
      }
      for (let k = 0; k < half.length; k++) timers[half[k]!]!.cancelled = true;
      for (let t = q.dequeue(); t !== undefined; t = q.dequeue()) if (!t.cancelled) sink += t.id;
    },
  };
  return { ours, limit: limitWorkload, limitKeeping, peers };
}

/** Cancelling by scan (denque `peekAt` + `removeOne`) is O(n) per cancel: measured at a smaller n. */
function denqueScan(n: number): () => void {
  const timers = Array.from({ length: n }, (_, i) => new Timer(i));
  const half = randomHalf(n);
  return () => {
    const d = new Denque<Timer>();
    for (let i = 0; i < n; i++) d.push(timers[i]!);
    for (let k = 0; k < half.length; k++) {
      const target = timers[half[k]!]!;
      for (let j = 0; j < d.length; j++) if (d.peekAt(j) === target) {
        d.removeOne(j);
        break;
      }
    }
    for (let t = d.shift(); t !== undefined; t = d.shift()) sink += t.id;
  };
}

/**
 * The allocation pass (BENCH_BYTES=1, in its own process with a young generation large enough
 * that no GC runs during a sample): bytes allocated per push + pop over 10^6 items.
 */
if (process.env.BENCH_BYTES === "1") {
  const n = smoke ? 1_000 : 1_000_000;
  const w = throughput(n, false);
  const timers = Array.from({ length: n }, (_, i) => new Timer(i));
  const perImpl: Record<string, number> = {
    "ts-smart-pointer List": bytesPerOp(w.ours, n),
    yallist: bytesPerOp(() => {
      const y = new Yallist<Timer>();
      for (let i = 0; i < n; i++) y.push(timers[i]!);
      for (let t = y.shift(); t !== undefined; t = y.shift()) sink += t.id;
    }, n),
    "mnemonist LinkedList": bytesPerOp(() => {
      const l = new MnemonistLinkedList<Timer>();
      for (let i = 0; i < n; i++) l.push(timers[i]!);
      for (let t = l.shift(); t !== undefined; t = l.shift()) sink += t.id;
    }, n),
    denque: bytesPerOp(w.denque, n),
    "fast-fifo": bytesPerOp(w["fast-fifo"], n),
  };
  report({ figure: "bytes allocated per push + pop (10^6 items)", bytes: perImpl });
  process.exit(0);
}

for (const n of smoke ? [1_000] : [10_000, 100_000, 1_000_000]) {
  const w = cancelWorkloads(n);
  const ours = await nsPerOp(w.ours, n);
  const limit = await nsPerOp(w.limit, n);
  const limitKeeping = await nsPerOp(w.limitKeeping, n);
  const peers: Record<string, number> = {};
  for (const [name, fn] of Object.entries(w.peers)) peers[name] = await nsPerOp(fn, n);
  const [fastest, fastestNs] = Object.entries(peers).reduce((a, b) => (b[1] < a[1] ? b : a));
  report({
    figure: `event queue: push ${n}, cancel half, drain`,
    ours,
    baseline: fastestNs,
    baselineName: `fastest peer (${fastest})`,
    target: 1.0,
    limit,
    limitKeeping,
    peers,
    bytesPerOp: bytesPerOp(w.ours, n),
  });
}
if (!smoke) {
  const n = 20_000;
  const ns = await nsPerOp(denqueScan(n), n);
  const listNs = await nsPerOp(cancelWorkloads(n).ours, n);
  report({ figure: `event queue: denque cancel by scan, n=${n}`, ours: listNs, baseline: ns, baselineName: "denque cancel by scan (peekAt + removeOne)", target: 1.0 });
}

/**
 * Push/pop throughput: fill then drain `n`; and a steady queue of 1024, where each round pops the
 * front, reads the item and pushes it back (js-peers.md §2.2: every implementation touches it).
 */
function throughput(n: number, steady: boolean) {
  const timers = Array.from({ length: Math.max(n, 1024) }, (_, i) => new Timer(i));
  const arcs = timers.map((t) => ListArc.new(t));
  const list = new List<Timer>();
  const limit = new IntrusiveList();
  const d = new Denque<Timer>();
  const f = new FastFIFO();
  if (steady) {
    for (let i = 0; i < 1024; i++) {
      list.pushBack(arcs[i]!);
      limit.pushBack(timers[i]!);
      d.push(timers[i]!);
      f.push(timers[i]!);
    }
    return {
      ours: () => {
        for (let i = 0; i < n; i++) {
          const a = list.popFront()!;
          sink = (sink + a.id) | 0;
          list.pushBack(a);
        }
      },
      limit: () => {
        for (let i = 0; i < n; i++) {
          const t = limit.popFront() as Timer;
          sink = (sink + t.id) | 0;
          limit.pushBack(t);
        }
      },
      denque: () => {
        for (let i = 0; i < n; i++) {
          const t = d.shift()!;
          sink = (sink + t.id) | 0;
          d.push(t);
        }
      },
      "fast-fifo": () => {
        for (let i = 0; i < n; i++) {
          const t: Timer = f.shift();
          sink = (sink + t.id) | 0;
          f.push(t);
        }
      },
    };
  }
  return {
    ours: () => {
      for (let i = 0; i < n; i++) list.pushBack(arcs[i]!);
      for (let a = list.popFront(); a !== null; a = list.popFront()) arcs[a.id] = a;
    },
    limit: () => {
      for (let i = 0; i < n; i++) limit.pushBack(timers[i]!);
      for (let t = limit.popFront() as Timer | null; t !== null; t = limit.popFront() as Timer | null) sink += t.id;
    },
    denque: () => {
      for (let i = 0; i < n; i++) d.push(timers[i]!);
      for (let t = d.shift(); t !== undefined; t = d.shift()) sink += t.id;
    },
    "fast-fifo": () => {
      for (let i = 0; i < n; i++) f.push(timers[i]!);
      for (let t: Timer | undefined = f.shift(); t !== undefined; t = f.shift()) sink += t.id;
    },
  };
}

for (const [label, n, steady] of [["push/pop 1e6 items", smoke ? 1_000 : 1_000_000, false], ["push/pop, 1024 items held steady", smoke ? 1_000 : 1_000_000, true]] as const) {
  const w = throughput(n, steady);
  const ours = await nsPerOp(w.ours, n);
  const limit = await nsPerOp(w.limit, n);
  const denque = await nsPerOp(w.denque, n);
  const fifo = await nsPerOp(w["fast-fifo"], n);
  report({
    figure: label,
    ours,
    baseline: Math.min(denque, fifo),
    baselineName: `faster of denque (${denque.toFixed(1)} ns) and fast-fifo (${fifo.toFixed(1)} ns)`,
    target: 1.0,
    limit,
    bytesPerOp: bytesPerOp(w.ours, n),
  });
}
if (sink === 42) console.error(sink);
