// A branch that moves and reassigns leaves the variable live.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  let job = make();
  if (flag()) {
    job.run();
    job = make();
  }
  Arc.drop(job);
}
