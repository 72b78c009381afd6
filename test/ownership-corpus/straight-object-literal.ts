// A moved pointer stored in an object literal.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): object {
  const job = make();
  job.run();
  return { job }; // error: TS9012
}
