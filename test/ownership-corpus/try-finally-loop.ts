// A finally that moves runs on every iteration, break or not.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  for (let i = 0; i < 3; i++) {
    try {
      if (i === 1) break;
    } finally {
      Arc.drop(job); // error: TS9014
    }
  }
}
