// Stored in a field, an array, a map: someone else drops it.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export class Registry {
  jobs: Arc<Job>[] = [];
  byName = new Map<string, Arc<Job>>();
  current: Arc<Job> | undefined;
  add(): void {
    const a = make();
    const b = make();
    const c = make();
    this.jobs.push(a);
    this.byName.set("b", b);
    this.current = c;
  }
}
