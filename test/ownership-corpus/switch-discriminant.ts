// A move in the switch's discriminant.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  switch (job.run()) {
    case 0:
      console.log(job.name); // error: TS9012
  }
}
