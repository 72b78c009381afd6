// A receiver that pushes itself back or drops itself, on every path.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

import { ListItem } from "ts-smart-pointer";
@ListItem()
export class Countdown {
  left = 3;
  run(self: ListArc<this>, queue: List<Countdown>): void {
    this.left--;
    if (this.left > 0) queue.pushBack(self);
    else ListArc.drop(self);
  }
}
