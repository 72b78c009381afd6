// Arc.from(borrow) takes a new reference; the borrow is not moved.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  const borrow = Arc.asArcBorrow(job);
  const again = Arc.from(borrow);
  console.log(borrow.name);
  Arc.drop(again);
  Arc.drop(job);
}
