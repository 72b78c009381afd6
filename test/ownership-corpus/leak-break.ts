// A pointer declared in a loop body, left by break before its drop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  for (let i = 0; i < 3; i++) {
    const job = make(); // error: TS9016
    if (i === 1) break;
    Arc.drop(job);
  }
}
