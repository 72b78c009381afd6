// A nullable ListArc, dropped when present.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(queue: List<Task>, task: Task): void {
  const removed = queue.remove(task);
  if (removed) ListArc.drop(removed);
}
