// Declared in a nested block and left there.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  {
    const job = make(); // error: TS9016
    console.log(job.name);
  }
}
