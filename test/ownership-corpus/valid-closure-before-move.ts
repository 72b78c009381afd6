// A closure that only reads, used before the move.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  const name = () => job.name;
  console.log(name());
  job.run();
}
