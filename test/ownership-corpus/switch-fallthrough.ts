// Case 1 falls through into case 2, which uses the moved pointer.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(n: number): void {
  const job = make(); // error: TS9016
  switch (n) {
    case 1:
      Arc.drop(job);
    // falls through
    case 2:
      console.log(job.name); // error: TS9012
      break;
    default:
      Arc.drop(job);
  }
}
