// Passing a pointer to an ordinary function is a borrow, not a move.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

function show(job: Arc<Job>): void {
  console.log(job.name);
}
export function f(): void {
  const job = make();
  show(job);
  show(job);
  Arc.drop(job);
}
