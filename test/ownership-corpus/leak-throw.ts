// An explicit throw before the drop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  if (flag()) throw new Error("no");
  Arc.drop(job);
}
