// An early return before the drop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): number {
  const job = make(); // error: TS9016
  if (flag()) return 0;
  return job.run();
}
