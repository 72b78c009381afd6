// A moving receiver in a do-while loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  do {
    job.run(); // error: TS9014
  } while (flag());
}
