// A move of an outer pointer in a for-in loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(list: List<Task>, items: Record<string, number>): void {
  const la = ListArc.new(new Task(0)); // error: TS9016
  for (const key in items) {
    console.log(key);
    list.pushBack(la); // error: TS9014
  }
}
