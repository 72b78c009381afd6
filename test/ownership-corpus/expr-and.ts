// A move on the right of `&&` happens on some paths: maybe moved.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  const ok = flag() && job.run() > 0;
  console.log(ok, job.name); // error: TS9012
}
