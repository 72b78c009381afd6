// Every case moves once, and breaks.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(n: number): void {
  const job = make();
  switch (n) {
    case 1:
      job.run();
      break;
    case 2:
      Arc.drop(job);
      break;
    default:
      job.run(2);
  }
}
