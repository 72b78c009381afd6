// A move in one case, a use after the switch.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(n: number): void {
  const job = make(); // error: TS9016
  switch (n) {
    case 1:
      job.run();
      break;
    case 2:
      console.log("two");
      break;
  }
  job.describe(); // error: TS9012
}
