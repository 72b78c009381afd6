// A clone that is never dropped.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(job: Arc<Job>): number {
  const copy = Arc.clone(job); // error: TS9016
  return Arc.strongCount(copy);
}
