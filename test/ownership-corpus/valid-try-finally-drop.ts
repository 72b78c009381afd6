// The try borrows, finally drops.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): string {
  const job = make();
  try {
    return job.describe();
  } finally {
    Arc.drop(job);
  }
}
