// A move-once closure called in a loop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  const finish = (): number => job.run();
  for (let i = 0; i < 2; i++) finish(); // error: TS9015
}
