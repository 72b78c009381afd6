// A move in an `if` condition.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  if (job.run() > 0) console.log("ran");
  job.describe(); // error: TS9012
}
