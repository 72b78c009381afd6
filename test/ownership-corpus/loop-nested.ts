// A move in an inner loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  for (let i = 0; i < 2; i++) {
    for (let j = 0; j < 2; j++) {
      if (i + j === 3) job.run(); // error: TS9014
    }
  }
}
