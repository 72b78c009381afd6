// As TypeScript's rule: comment lines may stand between the directive and the line.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  Arc.drop(job);
  // @ts-ignore
  // (a use after drop, on purpose)
  job.describe();
}
