// An early return after the move: the use after is on the other path.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): string {
  const job = make();
  if (flag()) {
    Arc.drop(job);
    return "dropped";
  }
  const name = job.name;
  Arc.drop(job);
  return name;
}
