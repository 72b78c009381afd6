// Handed to a promise's resolve.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): Promise<Arc<Job>> {
  return new Promise((resolve) => {
    const job = make();
    resolve(job);
  });
}
