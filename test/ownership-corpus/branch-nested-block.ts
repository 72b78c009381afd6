// A move in a nested block, a use after it.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  {
    job.run();
  }
  job.describe(); // error: TS9012
}
