// Arc.intoUniqueOrDrop consumes its Arc whatever it returns.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  const u = Arc.intoUniqueOrDrop(job);
  if (u) UniqueArc.drop(u);
  Arc.strongCount(job); // error: TS9012
}
