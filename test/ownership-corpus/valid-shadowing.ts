// An inner variable with the same name is another variable.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  job.run();
  {
    const job = make();
    console.log(job.name);
    Arc.drop(job);
  }
}
