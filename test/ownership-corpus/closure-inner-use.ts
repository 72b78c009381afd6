// Inside a closure, a use after its own move.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): () => void {
  return () => {
    const job = make();
    job.run();
    job.describe(); // error: TS9012
  };
}
