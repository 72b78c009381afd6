// Arc.from(unique) consumes the UniqueArc (it is of an owning kind).
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const u = UniqueArc.new(new Job());
  const shared = Arc.from(u);
  console.log(u.name); // error: TS9012
  Arc.drop(shared);
}
