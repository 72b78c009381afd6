// for-of binds a fresh pointer each iteration.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(jobs: Arc<Job>[]): void {
  for (const job of jobs) job.run();
}
