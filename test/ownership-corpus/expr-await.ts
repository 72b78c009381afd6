// In an async function.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export async function f(): Promise<void> {
  const job = make();
  job.run();
  await Promise.resolve();
  console.log(job.name); // error: TS9012
}
