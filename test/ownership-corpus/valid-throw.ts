// A throw after the move ends that path.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  if (flag()) {
    Arc.drop(job);
    throw new Error("stop");
  }
  job.run();
}
