// A move followed by return in a loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(items: number[]): number {
  const job = make();
  for (const n of items) {
    if (n > 2) return job.run(n);
  }
  Arc.drop(job);
  return 0;
}
