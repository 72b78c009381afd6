// ListArc.cloneArc borrows the ListArc.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(list: List<Task>): void {
  const la = ListArc.new(new Task(5));
  const arc = ListArc.cloneArc(la);
  list.pushBack(la);
  console.log(arc.n);
  Arc.drop(arc);
}
