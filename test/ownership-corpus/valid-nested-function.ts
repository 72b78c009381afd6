// A nested function's own moves are its own.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): number {
  function inner(job: Arc<Job>): number {
    return job.run();
  }
  const job = make();
  const n = inner(Arc.clone(job));
  Arc.drop(job);
  return n;
}
