// A move on the right of `||`.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  if (flag() || job.run() > 1) console.log("either");
  job.describe(); // error: TS9012
}
