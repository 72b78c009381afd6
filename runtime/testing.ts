/**
 * `ts-smart-pointer/testing`: leak assertions for test suites (vitest, node:test, any runner).
 *
 * Node only, and a separate entry for that reason: it imports `node:v8` and `node:vm` to force a
 * garbage collection, which the main entry (no dependency, runs in browsers) never does.
 */
import v8 from "node:v8";
import vm from "node:vm";
import { afterCollection, describeLeak, takeLeaks, tracking, type Leak } from "./leaks.js";

export type { Leak } from "./leaks.js";

/** `assertNoLeaks` found pointers that were garbage-collected while owning a strong count. */
export class LeakError extends Error {
  override name = "LeakError";
  constructor(
    message: string,
    /** What was found, with each pointer's creation site. */
    readonly leaks: readonly Leak[],
  ) {
    super(message);
  }
}

/** `collectLeaks` or `assertNoLeaks` was called with the detector off, so it could find nothing. */
export class LeakDetectorOffError extends Error {
  override name = "LeakDetectorOffError";
}

/**
 * Forces a full garbage collection, waits for the detector to report what it found, and returns
 * those leaks and any reported since the last call (the first 1,000; the list is then emptied).
 * A pointer still referenced (by a variable in scope, a closure, a test runner) is not garbage.
 */
export async function collectLeaks(): Promise<Leak[]> {
  return (await collect("collectLeaks")).leaks;
}

/**
 * Fails with a `LeakError` listing every pointer garbage-collected since the last call while it
 * still owned a strong count, with where each was created. For `afterEach(assertNoLeaks)`.
 */
export async function assertNoLeaks(): Promise<void> {
  const { leaks, unkept } = await collect("assertNoLeaks");
  if (leaks.length === 0) return;
  const total = leaks.length + unkept;
  const lines = leaks.map((leak) => `  - ${describeLeak(leak)}`);
  if (unkept > 0) lines.push(`  - and ${unkept} more`);
  throw new LeakError(
    `assertNoLeaks: ${total} smart ${total === 1 ? "pointer was" : "pointers were"} garbage-collected while still owning a strong count:\n${lines.join("\n")}\nDrop each pointer (Arc.drop(p), or declare it with \`using\`), or move it into something that drops it.`,
    leaks,
  );
}

/** Rounds of (collect, wait) before giving up: the first normally suffices. */
const ROUNDS = 10;

async function collect(operation: string): Promise<{ leaks: Leak[]; unkept: number }> {
  if (!tracking) {
    throw new LeakDetectorOffError(
      `${operation}: the leak detector is off, so it cannot find any leak. Turn it on before the pointers are created: call trackLeaks() (from ts-smart-pointer) in a setup file, or set TS_SMART_POINTER_LEAKS=1.`,
    );
  }
  const gc = gcFunction(operation);
  let done = false;
  void afterCollection().collected.then(() => (done = true));
  for (let round = 0; round < ROUNDS && !done; round++) {
    gc();
    await new Promise((resolve) => setTimeout(resolve, round)); // the registry's callbacks run in a task of their own
  }
  if (!done) throw new Error(`${operation}: a garbage collection was forced ${ROUNDS} times and never reported; is globalThis.gc Node's (node --expose-gc)?`);
  return takeLeaks();
}

let flagGc: (() => void) | undefined;

/**
 * `globalThis.gc` when Node exposes it (`node --expose-gc`), else Node's own gc function, taken
 * from a context made while the flag is on (as Jest's leak detector does); the flag is then reset.
 */
function gcFunction(operation: string): () => void {
  const exposed = (globalThis as { gc?: unknown }).gc;
  if (typeof exposed === "function") return exposed as () => void;
  if (flagGc === undefined) {
    v8.setFlagsFromString("--expose-gc");
    try {
      flagGc = vm.runInNewContext("gc") as () => void;
    } catch {
      throw new Error(`${operation}: cannot force a garbage collection in this runtime; run node with --expose-gc.`);
    } finally {
      v8.setFlagsFromString("--no-expose-gc");
    }
  }
  return flagGc;
}
