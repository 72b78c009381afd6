// A move on the right of `??`.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(given: number | undefined): void {
  const job = make(); // error: TS9016
  const n = given ?? job.run();
  console.log(n, job.name); // error: TS9012
}
