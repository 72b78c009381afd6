// Members every object has (`toString`, `hasOwnProperty`) are no consuming statics or methods.
import { Arc, List, ListArc } from "ts-smart-pointer";
import { make, Task } from "./_shared.js";

export function f(list: List<Task>): void {
  const job = make();
  console.log(Arc.toString(), list.toString(), list.hasOwnProperty("x"));
  const la = ListArc.new(new Task(1));
  list.pushBack(la);
  Arc.drop(job);
}
