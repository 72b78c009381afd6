// finally runs after the try's move.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  try {
    job.run();
  } finally {
    Arc.drop(job); // error: TS9012
  }
}
