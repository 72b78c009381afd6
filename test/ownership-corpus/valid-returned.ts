// A returned pointer belongs to the caller.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): Arc<Job> {
  const job = make();
  console.log(job.name);
  return job;
}
