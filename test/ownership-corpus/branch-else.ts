// A move in the else branch, a use after the if.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  if (flag()) console.log("then");
  else Arc.drop(job);
  job.describe(); // error: TS9012
}
