// `continue outer` after a move, with a fresh pointer each outer iteration.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  outer: for (let i = 0; i < 3; i++) {
    const job = make();
    for (let j = 0; j < 3; j++) {
      job.run();
      continue outer;
    }
    Arc.drop(job);
  }
}
