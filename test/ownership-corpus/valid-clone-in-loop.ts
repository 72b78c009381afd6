// A loop that clones first moves only the clones.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  for (let i = 0; i < 3; i++) Arc.clone(job).run();
  Arc.drop(job);
}
