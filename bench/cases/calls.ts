// Receiver calls and field reads through an Arc, against the hand-written equivalent.
// Compiled twice: by tspc with the plugin (release) and by plain tsc (the runtime's forwarders).
import { Arc } from "ts-smart-pointer";
import { nsPerOp, report, smoke } from "./harness.js";

const N = smoke ? 1_000 : 1_000_000;
const build: string = process.env.BENCH_BUILD ?? "plugin";

class Counter {
  n = 0;
  add(self: Arc<this>, x: number): Arc<this> {
    this.n += x;
    return self;
  }
}

interface Shape {
  readonly k: number;
  area(self: Arc<this>, x: number): Arc<this>;
}
// Eight classes behind one interface: a megamorphic call site.
function makeShape(k: number): new () => Shape {
  return class implements Shape {
    readonly k = k;
    acc = 0;
    area(self: Arc<this>, x: number): Arc<this> {
      this.acc += x * this.k;
      return self;
    }
  };
}
const shapeClasses = Array.from({ length: 8 }, (_, k) => makeShape(k + 1));

let sink = 0;

async function receiverCall(): Promise<void> {
  let p = Arc.new(new Counter());
  const v = Arc.deref(p);
  const ours = await nsPerOp(() => {
    for (let i = 0; i < N; i++) p = p.add(1);
  }, N);
  const base = await nsPerOp(() => {
    for (let i = 0; i < N; i++) p = v.add(p, 1);
  }, N);
  sink += v.n;
  report({ figure: build === "plugin" ? "receiver call p.m(x) on an Arc" : "receiver call, no transformer", ours, baseline: base, baselineName: "hand-written value.m(p, x)", target: build === "plugin" ? 1.05 : null });
}

async function megamorphic(): Promise<void> {
  const ptrs: Arc<Shape>[] = shapeClasses.map((C) => Arc.new(new C()));
  const values = ptrs.map((p) => Arc.deref(p));
  const ours = await nsPerOp(() => {
    for (let i = 0; i < N; i++) ptrs[i & 7] = ptrs[i & 7]!.area(1);
  }, N);
  const base = await nsPerOp(() => {
    for (let i = 0; i < N; i++) ptrs[i & 7] = values[i & 7]!.area(ptrs[i & 7]!, 1);
  }, N);
  report({ figure: build === "plugin" ? "receiver call on Arc<Interface>, 8 classes (megamorphic)" : "megamorphic receiver call, no transformer", ours, baseline: base, baselineName: "hand-written", target: build === "plugin" ? 1.05 : null });
}

/** The realistic no-transformer case: one class at this site, 8+ classes served elsewhere. */
async function servedElsewhere(): Promise<void> {
  for (const C of shapeClasses) {
    let q: Arc<Shape> = Arc.new(new C());
    for (let i = 0; i < 1000; i++) q = q.area(1); // the runtime serves 8 classes first
  }
  let p: Arc<Shape> = Arc.new(new shapeClasses[0]!());
  const v = Arc.deref(p);
  const ours = await nsPerOp(() => {
    for (let i = 0; i < N; i++) p = p.area(1);
  }, N);
  const base = await nsPerOp(() => {
    for (let i = 0; i < N; i++) p = v.area(p, 1);
  }, N);
  // A Proxy-based forwarder, the design the runtime avoids, at the same site.
  const proxy = new Proxy({} as Shape & { area(x: number): unknown }, {
    get: (_t, key) => (key === "area" ? (x: number) => (v.area(p, x), proxy) : (v as never)[key]),
  });
  let q = proxy;
  const viaProxy = await nsPerOp(() => {
    for (let i = 0; i < N; i++) q = q.area(1) as typeof proxy;
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
  const ptrs = Array.from({ length: 1024 }, () => Arc.new(new Point()));
  const values = ptrs.map((p) => Arc.deref(p));
  const ours = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + ptrs[i & 1023]!.x) | 0;
    sink += s;
  }, N);
  const base = await nsPerOp(() => {
    let s = 0;
    for (let i = 0; i < N; i++) s = (s + values[i & 1023]!.x) | 0;
    sink += s;
  }, N);
  report({ figure: build === "plugin" ? "field read through a pointer" : "field read, no transformer", ours, baseline: base, baselineName: "direct read", target: build === "plugin" ? 1.05 : null });
}

await receiverCall();
await megamorphic();
await servedElsewhere();
await fieldRead();
if (sink === 42) console.error(sink);
