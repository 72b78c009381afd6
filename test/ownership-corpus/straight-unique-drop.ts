// UniqueArc.drop, then a write through it.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const u = UniqueArc.new(new Job());
  UniqueArc.drop(u);
  u.name = "x"; // error: TS9012
}
