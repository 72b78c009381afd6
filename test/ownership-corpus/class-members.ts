// Moves inside a constructor, a method and a getter.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export class Holder {
  constructor() {
    const job = make();
    job.run();
    job.describe(); // error: TS9012
  }
  method(job: Arc<Job>): void {
    Arc.drop(job);
    job.run(); // error: TS9012
  }
  get size(): number {
    const job = make();
    Arc.drop(job);
    return Arc.strongCount(job); // error: TS9012
  }
}
