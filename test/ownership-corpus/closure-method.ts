// An object literal's method captures a moved pointer.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): { name(): string } {
  const job = make();
  Arc.drop(job);
  return {
    name() {
      return job.name; // error: TS9012
    },
  };
}
