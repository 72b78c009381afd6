// ListArc.intoArc consumes the ListArc.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const la = ListArc.new(new Task(1));
  const arc = ListArc.intoArc(la);
  la.run(); // error: TS9012
  Arc.drop(arc);
}
