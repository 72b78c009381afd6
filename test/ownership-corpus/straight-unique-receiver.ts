// A `self: UniqueArc<this>` receiver moves the unique pointer.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const u = UniqueArc.new(new Job());
  u.finish();
  u.name = "again"; // error: TS9012
}
