// `break label` out of a block after a move.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  done: {
    if (flag()) {
      Arc.drop(job);
      break done;
    }
    console.log("not yet");
  }
  job.describe(); // error: TS9012
}
