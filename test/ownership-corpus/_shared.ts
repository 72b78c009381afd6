// Shared by the corpus programs: a class with receivers of each kind, and a list item.
import { Arc, ArcBorrow, List, ListArc, ListItem, UniqueArc } from "ts-smart-pointer";

export class Job {
  name = "job";
  describe(): string {
    return this.name;
  }
  /** Takes the caller's Arc (a move) and drops it. */
  run(self: Arc<this>, n = 1): number {
    const owners = Arc.strongCount(self);
    Arc.drop(self);
    return owners * n;
  }
  /** Borrows: the caller keeps its pointer. */
  peek(self: ArcBorrow<this>): number {
    return Arc.strongCount(Arc.from(self)) - 1;
  }
  /** Takes a unique pointer. */
  finish(self: UniqueArc<this>): void {
    UniqueArc.drop(self);
  }
}

@ListItem()
export class Task {
  constructor(readonly n: number) {}
  run(self: ListArc<this>): void {
    ListArc.drop(self);
  }
  requeue(self: ListArc<this>, queue: List<Task>): void {
    queue.pushBack(self);
  }
}

export const make = (): Arc<Job> => Arc.new(new Job());
export const flag = (): boolean => Math.random() > 0.5;
export function consume(job: Arc<Job>): void {
  Arc.drop(job);
}
