// A reassignment after a maybe-move makes the variable live again.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  let job = make();
  if (flag()) job.run();
  else Arc.drop(job);
  job = make();
  job.run();
}
