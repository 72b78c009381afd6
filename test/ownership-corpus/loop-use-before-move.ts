// A use early in the body sees the move at its end, from the previous iteration.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  for (let i = 0; i < 2; i++) {
    console.log(job.name); // error: TS9014
    job.run();
  }
}
