// A ListArc never pushed or dropped.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): number {
  const la = ListArc.new(new Task(1)); // error: TS9016
  return la.n;
}
