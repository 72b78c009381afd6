// A move followed by break leaves the loop at once (its only exit).
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  while (true) {
    if (flag()) {
      job.run();
      break;
    }
  }
}
