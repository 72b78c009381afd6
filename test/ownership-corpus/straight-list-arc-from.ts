// ListArc.from consumes the UniqueArc.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const u = UniqueArc.new(new Task(3));
  const la = ListArc.from(u);
  la.run();
  UniqueArc.drop(u); // error: TS9012
}
