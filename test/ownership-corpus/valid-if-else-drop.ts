// `if (x) Arc.drop(x); else ...` moves on both branches, and nothing uses it after.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): number {
  const job = make();
  if (flag()) Arc.drop(job);
  else return job.run();
  return 0;
}
