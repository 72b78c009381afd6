// Refcount saturation, as the kernel's refcount_t: a bug that clones in a loop and never drops
// drives the count to 2^31 - 1. Instead of wrapping around (and later freeing a live value), the
// count saturates to Infinity, a RefcountSaturationWarning is emitted once, and the value is
// never dropped: a leak, the safe failure. Run in release mode (NODE_ENV=production), where a
// clone is one increment on a shared handle.
import { Arc, REFCOUNT_MAX } from "ts-smart-pointer";

class Buffer {
  freed = false;
  [Symbol.dispose](): void {
    this.freed = true;
  }
}

process.removeAllListeners("warning"); // print it once, on stdout
process.on("warning", (w) => console.log(`warning: ${w.name}: ${w.message}`));

const owner = Arc.new(new Buffer());
const view = Arc.asArcBorrow(owner);
const leaky = (): void => {
  for (let i = 0; i < REFCOUNT_MAX; i++) Arc.clone(owner); // the bug: clones never dropped
};
leaky();
await new Promise((resolve) => setImmediate(resolve)); // Node emits warnings on the next tick
console.log(`count after ${REFCOUNT_MAX} leaked clones: ${Arc.strongCount(owner)}`);
Arc.drop(owner); // the owner lets go; a saturated count never falls
console.log(`after the owner's drop: count ${Arc.strongCount(Arc.from(view))}, buffer freed: ${view.freed}`);
