// Type tests for SharedArc: receivers and projection work as for Arc (checked by tsc 5.0, 5.9, 7).
import { Arc, SharedArc, type SharedArcMessage } from "ts-smart-pointer";

declare function expectType<T>(value: T): void;

class Region {
  constructor(readonly cells: Int32Array) {}
  total(): number {
    return Atomics.load(this.cells, 0);
  }
  finish(self: SharedArc<this>): number {
    SharedArc.drop(self);
    return 1;
  }
  run(self: Arc<this>): void {
    Arc.drop(self);
  }
}

const r = SharedArc.new(new Region(new Int32Array(new SharedArrayBuffer(4))));
expectType<SharedArc<Region>>(r);
expectType<SharedArc<Region>>(SharedArc.clone(r));
expectType<number>(SharedArc.clone(r).finish()); // a receiver of its own kind loses `self`
expectType<number>(r.total()); // auto-deref
expectType<Int32Array>(r.cells);
expectType<number>(SharedArc.strongCount(r));
const message: SharedArcMessage<Region> = SharedArc.send(r);
expectType<SharedArc<Region>>(SharedArc.receive(message));

// @ts-expect-error an Arc receiver is not callable on a SharedArc
r.run();
// @ts-expect-error a SharedArc receiver is not callable on an Arc
Arc.new(new Region(new Int32Array(4))).finish();
// @ts-expect-error fields are readonly through a SharedArc (shared access)
r.cells = new Int32Array(4);
// @ts-expect-error an Arc is not a SharedArc
SharedArc.clone(Arc.new(new Region(new Int32Array(4))));
// @ts-expect-error a SharedArc is not an Arc
Arc.clone(r);
