// Run by test/leaks-node.test.ts with TS_SMART_POINTER_LEAKS=1 and --expose-gc: leaks three
// pointers (argument "leak") or none ("tidy"); the detector reports through process warnings.
import { Arc } from "ts-smart-pointer";

class Job {}

function leak() {
  const a = Arc.new(new Job()); // site: new
  Arc.clone(a); // site: clone1
  Arc.clone(a); // site: clone2
}

function tidy() {
  const a = Arc.new(new Job());
  const b = Arc.clone(a);
  Arc.drop(a);
  b[Symbol.dispose]();
}

if (process.argv[2] === "leak") leak();
else tidy();
globalThis.gc();
await new Promise((resolve) => setTimeout(resolve, 50)); // the registry's callbacks run in a task of their own
