// The README's drain loop: the incrementor reassigns what the body moved.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(queue: List<Task>): void {
  for (let item = queue.popFront(); item !== null; item = queue.popFront()) item.run();
}
