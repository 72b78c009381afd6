// `using` drops at the end of the scope.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): string {
  using job = make();
  return job.describe();
}
