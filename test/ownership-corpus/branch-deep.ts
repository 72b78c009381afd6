// A move deep in nested branches and a loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(n: number): void {
  const job = make(); // error: TS9016
  if (n > 0) {
    while (n-- > 10) {
      if (n === 12) {
        Arc.drop(job);
        break;
      }
    }
  }
  job.describe(); // error: TS9012
}
