// Receiver calls and field reads through an Arc, against the hand-written equivalent.
// Compiled twice: by tspc with the plugin (release) and by plain tsc (the runtime's forwarders).
import { Arc } from "ts-smart-pointer";
import { nsPerOp, report, smoke } from "./harness.js";

const N = smoke ? 1_000 : 1_000_000;
const build: string = process.env.BENCH_BUILD ?? "plugin";

class Counter {
  n = 1;
  add(self: Arc<this>, x: number): number {
    return this.n + x;
  }
}

interface Shape {
  readonly k: number;
  area(self: Arc<this>, x: number): number;
}
// Eight classes behind one interface: a megamorphic call site.
function makeShape(k: number): new () => Shape {
  return class implements Shape {
    readonly k = k;
    area(self: Arc<this>, x: number): number {
      return x * this.k;
    }
  };
}
const shapeClasses = Array.from({ length: 8 }, (_, k) => makeShape(k + 1));

// The method of ../shared/research/js-peers.md (section 3): 1024 pointers indexed by `i & 1023`,
// so iterations are independent, and a small-integer accumulator. Hand-written code holds both
// the value and the pointer it would pass as `self`. Each case writes out its own loops: a shared
// helper taking the call as a callback would make its call site polymorphic across the cases.
const M = 1023;
let sink = 0;

async function receiverCall(): Promise<void> {
  const ptrs = Array.from({ length: M + 1 }, () => Arc.new(new Counter()));
  const values = ptrs.map((p) => Arc.deref(p));
  const ours = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + ptrs[i & M]!.add(1)) | 0;
    sink += s;
  }, N);
  const base = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + values[i & M]!.add(ptrs[i & M]!, 1)) | 0;
    sink += s;
  }, N);
  report({ figure: build === "plugin" ? "receiver call p.m(x) on an Arc" : "receiver call, no transformer", ours, baseline: base, baselineName: "hand-written value.m(p, x)", target: build === "plugin" ? 1.05 : null });
}

async function megamorphic(): Promise<void> {
  const ptrs: Arc<Shape>[] = Array.from({ length: M + 1 }, (_, i) => Arc.new(new shapeClasses[i & 7]!()));
  const values = ptrs.map((p) => Arc.deref(p));
  const ours = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + ptrs[i & M]!.area(1)) | 0;
    sink += s;
  }, N);
  const base = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + values[i & M]!.area(ptrs[i & M]!, 1)) | 0;
    sink += s;
  }, N);
  report({ figure: build === "plugin" ? "receiver call on Arc<Interface>, 8 classes (megamorphic)" : "megamorphic receiver call, no transformer", ours, baseline: base, baselineName: "hand-written", target: build === "plugin" ? 1.05 : null });
}

/** The realistic no-transformer case: one class at this site, 8+ classes served elsewhere. */
async function servedElsewhere(): Promise<void> {
  for (const C of shapeClasses) {
    const q: Arc<Shape> = Arc.new(new C());
    for (let i = 0; i < 1000; i++) sink = (sink + Arc.clone(q).area(1)) | 0; // the runtime serves 8 classes first (each call moves a clone: TS9014 otherwise)
  }
  const ptrs: Arc<Shape>[] = Array.from({ length: M + 1 }, () => Arc.new(new shapeClasses[0]!()));
  const values = ptrs.map((p) => Arc.deref(p));
  const ours = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + ptrs[i & M]!.area(1)) | 0;
    sink += s;
  }, N);
  const base = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + values[i & M]!.area(ptrs[i & M]!, 1)) | 0;
    sink += s;
  }, N);
  // A Proxy-based forwarder, the design the runtime avoids, at the same site.
  const proxies = values.map((v, j) => new Proxy({} as { area(x: number): number }, { get: (_t, key) => (key === "area" ? (x: number) => v.area(ptrs[j]!, x) : (v as never)[key]) }));
  const viaProxy = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + proxies[i & M]!.area(1)) | 0;
    sink += s;
  }, N);
  report({
    figure: build === "plugin" ? "receiver call, one class at the site, 8 served (plugin)" : "receiver call, no transformer, one class at the site after 8 served",
    ours,
    baseline: base,
    baselineName: "hand-written",
    target: build === "plugin" ? 1.05 : 2.0,
    proxyRatio: viaProxy / base,
  });
}

async function fieldRead(): Promise<void> {
  class Point {
    x = 1;
    y = 2;
  }
  const ptrs = Array.from({ length: M + 1 }, () => Arc.new(new Point()));
  const values = ptrs.map((p) => Arc.deref(p));
  const ours = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + ptrs[i & M]!.x) | 0;
    sink += s;
  }, N);
  const base = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + values[i & M]!.x) | 0;
    sink += s;
  }, N);
  report({ figure: build === "plugin" ? "field read through a pointer" : "field read, no transformer", ours, baseline: base, baselineName: "direct read", target: build === "plugin" ? 1.05 : null });
}

await receiverCall();
await megamorphic();
await servedElsewhere();
await fieldRead();
if (sink === 42) console.error(sink);
