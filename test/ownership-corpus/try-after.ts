// After try/catch, a move in either is a maybe-move.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  try {
    JSON.parse("[]");
  } catch {
    Arc.drop(job);
  }
  job.run(); // error: TS9012
}
