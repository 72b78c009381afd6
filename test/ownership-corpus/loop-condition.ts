// A move in the loop's condition.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  while (job.run() > 0) console.log("again"); // error: TS9014
}
