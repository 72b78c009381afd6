// A closure created after the move uses the moved pointer.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): () => string {
  const job = make();
  job.run();
  return () => job.name; // error: TS9012
}
