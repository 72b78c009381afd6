// A move of an outer pointer in a for-of loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(list: List<Task>, items: number[]): void {
  const la = ListArc.new(new Task(0)); // error: TS9016
  for (const _ of items) list.pushBack(la); // error: TS9014
}
