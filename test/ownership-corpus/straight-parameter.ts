// A parameter is a local like any other.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(job: Arc<Job>): string {
  job.run();
  return job.describe(); // error: TS9012
}
