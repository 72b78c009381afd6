// A pointer per iteration, dropped in each.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  for (let i = 0; i < 3; i++) {
    const job = make();
    if (i === 1) {
      Arc.drop(job);
      continue;
    }
    job.run();
  }
}
