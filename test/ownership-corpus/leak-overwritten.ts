// A let overwritten while it still owns its pointer.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  let job = make(); // error: TS9016
  job = make();
  Arc.drop(job);
}
