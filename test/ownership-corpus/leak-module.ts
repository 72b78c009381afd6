// Three descriptors opened at module level, never closed.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

class Fd {
  [Symbol.dispose](): void {}
}
const a = Arc.new(new Fd()); // error: TS9016
const b = Arc.new(new Fd()); // error: TS9016
const c = Arc.new(new Fd()); // error: TS9016
console.log(Arc.strongCount(a) + Arc.strongCount(b) + Arc.strongCount(c));
