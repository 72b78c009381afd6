// A kernel-style event queue: `List<Work>` holds values of several classes, each popped item
// runs through a `self: ListArc<this>` receiver that dispatches to its own class, and items
// re-enqueue themselves by moving their ListArc back in. The list never allocates.
import { List, ListArc, ListItem } from "ts-smart-pointer";

interface Work {
  readonly name: string;
  run(self: ListArc<this>, queue: List<Work>): void;
}

/** Runs `times` times, re-enqueueing itself in between. */
@ListItem()
class Countdown implements Work {
  left: number;
  constructor(
    readonly name: string,
    times: number,
  ) {
    this.left = times;
  }
  run(self: ListArc<this>, queue: List<Work>): void {
    this.left--;
    console.log(`${this.name}: ${this.left} left`);
    if (this.left > 0) queue.pushBack(self); // moves the ListArc back into the queue
    else ListArc.drop(self);
  }
}

/** Runs once and spawns a follow-up job at the front of the queue. */
@ListItem()
class Spawner implements Work {
  constructor(readonly name: string) {}
  run(self: ListArc<this>, queue: List<Work>): void {
    console.log(`${this.name}: spawning ${this.name}.child`);
    queue.pushFront(ListArc.new(new Countdown(`${this.name}.child`, 1)));
    ListArc.drop(self);
  }
}

/** A job that can be cancelled in O(1) by the value itself while it waits. */
@ListItem()
class Timeout implements Work {
  constructor(readonly name: string) {}
  run(self: ListArc<this>): void {
    console.log(`${this.name}: fired`);
    ListArc.drop(self);
  }
  [Symbol.dispose](): void {
    console.log(`${this.name}: released`);
  }
}

const queue = new List<Work>();
const cancelled = new Timeout("timeout-1");
queue.pushBack(ListArc.new(new Countdown("tick", 3)));
queue.pushBack(ListArc.new(cancelled));
queue.pushBack(ListArc.new(new Spawner("spawner")));
queue.pushBack(ListArc.new(new Timeout("timeout-2")));

console.log("queued:", [...queue].map((item) => item.name).join(", "));
const removed = queue.remove(cancelled); // O(1), no search: the links live in the value
console.log("cancelled:", removed?.name);
if (removed) ListArc.drop(removed);

let steps = 0;
for (let item = queue.popFront(); item !== null; item = queue.popFront()) {
  item.run(queue); // dispatches to the item's own class
  steps++;
}
console.log(`drained in ${steps} steps; queue empty: ${queue.isEmpty()}`);
