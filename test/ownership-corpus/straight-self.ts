// Inside a receiver, `self` is moved by a drop.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export class Worker {
  count(self: Arc<this>): number {
    Arc.drop(self);
    return Arc.strongCount(self); // error: TS9012
  }
}
