// `p[Symbol.dispose]()` drops it.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  job[Symbol.dispose]();
}
