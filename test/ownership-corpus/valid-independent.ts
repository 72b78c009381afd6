// Moving one pointer says nothing about another.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const a = make();
  const b = make();
  a.run();
  console.log(b.name);
  Arc.drop(b);
}
