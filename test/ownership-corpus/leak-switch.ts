// Dropped in one case only.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(n: number): void {
  const job = make(); // error: TS9016
  switch (n) {
    case 1:
      Arc.drop(job);
      break;
    default:
      console.log(job.name);
  }
}
