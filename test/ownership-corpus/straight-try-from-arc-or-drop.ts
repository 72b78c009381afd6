// ListArc.tryFromArcOrDrop consumes its Arc.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const arc = Arc.new(new Task(2));
  const la = ListArc.tryFromArcOrDrop(arc);
  if (la) la.run();
  console.log(arc.n); // error: TS9012
}
