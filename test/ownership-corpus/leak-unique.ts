// A UniqueArc never shared or dropped.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): string {
  const u = UniqueArc.new(new Job()); // error: TS9016
  u.name = "x";
  return u.name;
}
