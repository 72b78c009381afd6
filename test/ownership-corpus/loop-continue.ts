// `continue` after a move carries it into the next iteration.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(items: number[]): void {
  const job = make(); // error: TS9016
  for (const n of items) {
    if (n > 1) {
      Arc.drop(job); // error: TS9014
      continue;
    }
    console.log(job.name); // error: TS9014
  }
}
