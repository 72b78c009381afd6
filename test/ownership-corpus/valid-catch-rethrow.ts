// A catch that drops and rethrows; the try moved nothing.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  try {
    JSON.parse("{}");
  } catch (error) {
    Arc.drop(job);
    throw error;
  }
  job.run();
}
