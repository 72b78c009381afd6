// A consuming static in a while loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  while (flag()) Arc.drop(job); // error: TS9014
}
