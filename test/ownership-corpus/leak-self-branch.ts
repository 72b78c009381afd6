// A ListArc receiver that drops itself on one branch only.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

import { ListItem } from "ts-smart-pointer";
@ListItem()
export class Half {
  run(self: ListArc<this>): void { // error: TS9016
    if (flag()) ListArc.drop(self);
  }
}
