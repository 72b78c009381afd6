// Arc.clone + Arc.drop against a bare counter increment and decrement on an object.
// Run in release mode (NODE_ENV=production), and in debug mode for the debug/release figure.
import { Arc } from "ts-smart-pointer";
import { bytesPerOp, nsPerOp, report, smoke } from "./harness.js";

const N = smoke ? 1_000 : 1_000_000;
const M = 1023;
const release = process.env.NODE_ENV === "production";

class Payload {
  id = 0;
}
class Counted {
  rc = 1;
  value = new Payload();
}

const arcs = Array.from({ length: M + 1 }, () => Arc.new(new Payload()));
const counted = Array.from({ length: M + 1 }, () => new Counted());
// A ring of live references: each step clones one value and drops the reference it replaces
// (different objects, so the pair cannot be folded), as the research's method does.
const held: Arc<Payload>[] = arcs.map((a) => Arc.clone(a));
const heldCounted: Counted[] = counted.slice();

function ours(n: number): void {
  for (let i = 0; i < n; i++) {
    const old = held[i & M]!;
    held[i & M] = Arc.clone(arcs[(i + 512) & M]!);
    Arc.drop(old);
  }
}
function bare(n: number): void {
  for (let i = 0; i < n; i++) {
    const old = heldCounted[i & M]!;
    const next = counted[(i + 512) & M]!;
    next.rc++;
    heldCounted[i & M] = next;
    if (--old.rc === 0) old.value = new Payload();
  }
}

const oursNs = await nsPerOp(() => ours(N), N);
const bareNs = await nsPerOp(() => bare(N), N);
report({
  figure: release ? "Arc.clone + Arc.drop, release" : "Arc.clone + Arc.drop, debug",
  ours: oursNs,
  baseline: bareNs,
  baselineName: "bare counter increment + decrement on an object",
  target: release ? 2.0 : null,
  bytesPerOp: bytesPerOp(() => ours(smoke ? 1_000 : 100_000), smoke ? 1_000 : 100_000),
});
