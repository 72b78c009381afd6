// `break` right after a move: the use after the loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  for (;;) {
    if (flag()) {
      job.run();
      break;
    }
  }
  job.describe(); // error: TS9012
}
