// Inside a receiver, pushing `self` back moves it.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

import { ListItem } from "ts-smart-pointer";
@ListItem()
export class Again {
  n = 0;
  run(self: ListArc<this>, queue: List<Again>): void {
    queue.pushBack(self);
    console.log(self.n); // error: TS9012
  }
}
