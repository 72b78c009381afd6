// A directive does not reach past a line of code.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  Arc.drop(job);
  // @ts-ignore
  console.log("in between");
  job.describe(); // error: TS9012
}
