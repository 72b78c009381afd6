// The quick start's shape: a moving call inside an argument.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  console.log(job.run(10));
  console.log(job.describe()); // error: TS9012
}
