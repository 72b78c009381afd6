// A leak silenced like any other diagnostic.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): string {
  // @ts-ignore: kept alive on purpose
  const job = make();
  return job.name;
}
