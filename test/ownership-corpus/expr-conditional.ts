// A move in one arm of a conditional expression.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  const n = flag() ? job.run() : 0;
  console.log(n + job.name.length); // error: TS9012
}
