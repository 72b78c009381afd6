// A closure that moves what it captures can be called once.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  const finish = () => Arc.drop(job);
  finish();
  finish(); // error: TS9015
}
