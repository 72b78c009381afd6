// A closure that moves a captured pointer takes it when created (as a Rust move closure).
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  setTimeout(() => job.run(), 0);
  console.log(job.name); // error: TS9012
}
