// A moving receiver that neither drops nor stores `self`.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export class Leaky {
  n = 1;
  run(self: Arc<this>): number { // error: TS9016
    return this.n;
  }
}
