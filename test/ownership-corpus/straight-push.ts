// pushBack moves the ListArc into the list.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(list: List<Task>): void {
  const la = ListArc.new(new Task(1));
  list.pushBack(la);
  console.log(la.n); // error: TS9012
}
