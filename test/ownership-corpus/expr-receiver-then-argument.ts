// The receiver moves before the arguments are evaluated (as rustc's two-phase order).
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  job.run(job.name.length); // error: TS9012
}
