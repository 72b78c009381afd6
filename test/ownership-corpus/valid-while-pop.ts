// A while loop that reassigns at the end of the body.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(queue: List<Task>): void {
  let item = queue.popFront();
  while (item) {
    item.run();
    item = queue.popFront();
  }
}
