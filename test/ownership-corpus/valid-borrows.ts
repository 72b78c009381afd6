// Borrows are not moves: ArcBorrow, asArcBorrow, strongCount, clone, ptrEq, field reads.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  const borrow: ArcBorrow<Job> = Arc.asArcBorrow(job);
  borrow.peek();
  console.log(Arc.strongCount(job), Arc.ptrEq(job, job), job.name, job.describe(), Arc.deref(job).name);
  const copy = Arc.clone(job);
  Arc.drop(copy);
  Arc.drop(job);
}
