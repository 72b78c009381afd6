// The same ListArc pushed twice.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(a: List<Task>, b: List<Task>): void {
  const la = ListArc.new(new Task(1));
  a.pushBack(la);
  b.pushFront(la); // error: TS9012
}
