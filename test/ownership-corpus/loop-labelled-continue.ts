// `continue outer` after a move: the next outer iteration moves again.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  outer: for (let i = 0; i < 3; i++) {
    for (let j = 0; j < 3; j++) {
      Arc.drop(job); // error: TS9014
      continue outer;
    }
  }
}
