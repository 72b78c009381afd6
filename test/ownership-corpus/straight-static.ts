// A consuming static, then a use.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  Arc.drop(job);
  console.log(job.name); // error: TS9012
}
