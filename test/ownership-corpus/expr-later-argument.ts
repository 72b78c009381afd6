// Moved by one argument, used by the next.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  console.log(job.run(), job.name); // error: TS9012
}
