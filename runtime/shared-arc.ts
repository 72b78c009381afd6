import { Pointee } from "./pointee.js";
import { REFCOUNT_MAX } from "./refcount.js";
import { SmartPointer, configureKind } from "./smart-pointer.js";
import { CELL, newHandle, retire, summarizeHandle, type Handle } from "./handle.js";
import { expectLive, notA } from "./ownership.js";
import { projectionFor } from "./projection.js";
import { releaseMode } from "./mode.js";
import { UseAfterDropError, UseAfterMoveError, warnRefcount } from "./errors.js";
import type { RefCell } from "./refcount.js";
import type { PointerSummary } from "./kind.js";
import type { Pointer, Statics } from "./types.js";

/*
 * Memory model. JavaScript threads share only SharedArrayBuffer memory, and every `Atomics`
 * operation is sequentially consistent: there is no relaxed, release or acquire variant to choose.
 * The kernel's refcount_t needs, per step (include/linux/refcount.h):
 *
 * - inc (clone, send): atomicity only ("relaxed"). The caller holds a count, so the value cannot
 *   be released meanwhile; all the increment must not do is lose a concurrent update. `Atomics.add`
 *   gives that (and an ordering we do not need: on x86 both are one `lock xadd`).
 * - dec_and_test (drop): release ordering, so this thread's accesses to the value happen before its
 *   decrement is seen; and acquire when it reaches zero, so the releasing thread sees every other
 *   holder's accesses before it runs the release. `Atomics.sub` is a sequentially consistent
 *   read-modify-write, both at once: the decrements of one count form a total order in which each
 *   reads the previous one's write, so each holder's plain reads and writes of a shared region
 *   before its drop happen before the last drop's release (ECMA-262's synchronizes-with).
 * - Exactly one release: of the totally ordered decrements, exactly one returns the old value 1.
 * - Publication: `new` writes the first count with a plain store, before the buffer is shared.
 *   A message is handed over through the engine's locked message queue, so what the sender did
 *   before `postMessage` (that store, the value's contents, the sent count's increment) happens
 *   before what the receiver does once the message arrives.
 * - Saturation is fetch-then-check, as refcount_t: increments are unconditional, and the one
 *   operation that observes the overflow (old value `2**31 - 1`) stores SATURATED and warns. Any
 *   operation that observes a negative old value stores SATURATED again, so concurrent increments
 *   and decrements keep a saturated count about 2^30 away from zero: it can never reach 0 (or 1
 *   for a decrement) and release a value that is still in use.
 */

/** refcount_t's REFCOUNT_SATURATED (`INT_MIN / 2`): the middle of the negative range. */
const SATURATED = -(2 ** 30);
const MAX = 2 ** 31 - 1; // REFCOUNT_MAX, local so that V8 folds it into the fast paths
const COUNT = 0; // the count's index in its Int32Array
const RELEASE = releaseMode;
const CELL_KEY: typeof CELL = CELL;

/** The message field that marks a sent SharedArc, and the version of its shape. */
const WIRE = "ts-smart-pointer.SharedArc";
const WIRE_VERSION = 1;

/**
 * One thread's view of a shared value: the count (in shared memory, the same cell in every thread)
 * and this thread's copy of the value.
 *
 * Invariants:
 * - `counts[COUNT]` is the number of strong references (clones, sent messages not yet received or
 *   dropped) in all threads; negative once saturated, then forever, and the value is never released.
 * - `value` is this thread's copy: the original in the thread that called `new`, a rebuilt one
 *   elsewhere; its SharedArrayBuffer fields share memory with every other copy.
 */
class SharedCell {
  constructor(
    readonly counts: Int32Array,
    readonly value: unknown,
    /** The registered class name of `value`, or null for a value sent as it is. */
    readonly kind: string | null,
  ) {}
}

type SharedHandle = Handle & { [CELL]: SharedCell };

/** Type-only key of a message's pointee type. */
declare const MESSAGE_POINTEE: unique symbol;

/**
 * What travels in a `postMessage`: plain data owning one count. `SharedArc.receive` in the
 * receiving thread turns it into a SharedArc.
 */
export interface SharedArcMessage<T> {
  readonly [WIRE]: typeof WIRE_VERSION;
  readonly counts: Int32Array;
  readonly kind: string | null;
  readonly data: unknown;
  /** The pointee type, at the type level only. */
  readonly [MESSAGE_POINTEE]?: T;
}

/** Registered classes by name, and names by prototype (this thread's registry). */
const classes = new Map<string, abstract new (...args: never[]) => object>();
const names = new WeakMap<object, string>();
/** Debug: messages this thread already received (receiving one twice would own its count twice). */
const received = new WeakSet<object>();

/**
 * A reference-counted pointer whose count lives in shared memory, so that its owners can be in
 * several threads (worker_threads, Web Workers), as the kernel's `Arc` is shared by several CPUs.
 * `SharedArc.send(a)` makes a message carrying a new count for `postMessage`; the receiving thread
 * rebuilds the pointer with `SharedArc.receive(message)`.
 *
 * Invariants:
 * - The value is released (its `[Symbol.dispose]` runs, in the thread of the last drop) exactly
 *   once, when the last handle or unreceived message of any thread is gone; never once saturated.
 * - The value is data every thread can hold: SharedArrayBuffer regions (shared), or data naming a
 *   process-wide resource (a file descriptor; copied). A class instance is rebuilt from its own
 *   fields in the receiving thread, so its class is registered by name in every thread.
 * - Debug: each clone is its own handle owning one count (a dropped one throws on use). Release:
 *   a clone is the handle it was cloned from (one handle per `new` or `receive`).
 */
@SmartPointer
export class SharedArcCore<T> {
  declare readonly [Pointee]: T;
  declare private readonly sharedArcBrand: void;

  /** Puts `value` behind a new SharedArc with a count of 1. */
  static new<T>(value: T): SharedArc<T> {
    const kind = kindName(value, "SharedArc.new");
    checkSendable(kind === null ? value : fieldsOf(value), "SharedArc.new");
    const counts = new Int32Array(new SharedArrayBuffer(Int32Array.BYTES_PER_ELEMENT));
    counts[COUNT] = 1; // not shared yet: postMessage publishes it (see the memory-model notes)
    return newSharedHandle(new SharedCell(counts, value, kind)) as unknown as SharedArc<T>;
  }

  /** A new strong reference to the same value. */
  static clone<T>(arc: SharedArcCore<T>): SharedArc<T> {
    if (RELEASE) {
      const cell = (arc as unknown as SharedHandle)[CELL_KEY];
      if (cell?.counts === undefined) throw notA(SHARED_ARC, arc, "SharedArc.clone");
      incShared(cell.counts);
      return arc as unknown as SharedArc<T>;
    }
    const cell = liveCell(arc, "SharedArc.clone");
    incShared(cell.counts);
    return newSharedHandle(cell) as unknown as SharedArc<T>;
  }

  /** Drops this strong reference; the last one, in whichever thread, releases the value. */
  static drop(arc: SharedArcCore<any>): void {
    releaseShared(arc, "SharedArc.drop");
  }

  /** The number of strong references in all threads (`Infinity` once saturated); a snapshot. */
  static strongCount(arc: SharedArcCore<any>): number {
    const n = Atomics.load(liveCell(arc, "SharedArc.strongCount").counts, COUNT);
    return n < 0 ? Infinity : n;
  }

  /**
   * A message for `postMessage` that carries a new strong reference (a clone travels; the caller
   * keeps its own). Receive it exactly once, with `SharedArc.receive`, or the count leaks.
   */
  static send<T>(arc: SharedArcCore<T>): SharedArcMessage<T> {
    const cell = liveCell(arc, "SharedArc.send");
    incShared(cell.counts); // before postMessage, which orders it before any drop by the receiver
    const data = cell.kind === null ? cell.value : fieldsOf(cell.value);
    return { [WIRE]: WIRE_VERSION, counts: cell.counts, kind: cell.kind, data };
  }

  /** The SharedArc a received message carries (it takes over the message's count). */
  static receive<T>(message: SharedArcMessage<T>): SharedArc<T> {
    const { counts, kind, data } = checkMessage(message);
    if (!RELEASE) {
      if (received.has(message)) throw new UseAfterMoveError("SharedArc.receive: this message was already received; each message carries one count, so receive it once (send one message per receiver).", describeKind(kind), "SharedArc.receive");
      received.add(message);
      if (Atomics.load(counts, COUNT) === 0) throw new UseAfterDropError("SharedArc.receive: the value was already released, so this message no longer owns a count (was it received, and dropped, by another thread too?). Send one message per receiver.", describeKind(kind), "SharedArc.receive");
    }
    const value = kind === null ? data : Object.assign(Object.create(classes.get(kind)!.prototype as object) as object, data);
    return newSharedHandle(new SharedCell(counts, value, kind)) as unknown as SharedArc<T>;
  }

  /**
   * Registers `cls` so that its instances can be shared: a receiving thread rebuilds them from
   * their own fields (without running the constructor) and calls their `[Symbol.dispose]` on the
   * last drop there. Call it in every thread, e.g. next to the class, in a module all threads load.
   */
  static register(cls: abstract new (...args: never[]) => object, name: string = cls?.name): void {
    if (typeof cls !== "function" || typeof cls.prototype !== "object") throw new TypeError(`SharedArc.register expects a class, but got ${typeof cls}.`);
    if (typeof name !== "string" || name === "") throw new TypeError(`SharedArc.register: a class needs a non-empty name (got ${JSON.stringify(name)}); pass one: SharedArc.register(cls, "name").`);
    const existing = classes.get(name);
    if (existing !== undefined && existing !== cls) {
      throw new TypeError(`SharedArc.register: another class is already registered as "${name}"; register this one under another name: SharedArc.register(cls, "module.${name}").`);
    }
    classes.set(name, cls);
    names.set(cls.prototype as object, name);
  }

  /** `using a = SharedArc.new(x)` drops `a` at the end of the block. */
  [Symbol.dispose](): void {
    releaseShared(this, "SharedArc[Symbol.dispose]");
  }
}

// An owning kind: a `self: SharedArc<this>` receiver takes (moves) the caller's pointer.
const SHARED_ARC = configureKind(SharedArcCore, { name: "SharedArc", passSelf: "move", writable: false, summary: summarizeShared });

/** What `util.inspect` shows: as any handle, with the count read from shared memory. */
function summarizeShared(h: Handle): PointerSummary {
  const summary = summarizeHandle(h);
  if (summary.gone !== null) return summary;
  const n = Atomics.load((h as SharedHandle)[CELL_KEY].counts, COUNT);
  return n === 0 ? { name: summary.name, gone: "dropped", fields: {} } : { ...summary, fields: { count: n < 0 ? Infinity : n } };
}

export type SharedArc<T> = Pointer<SharedArcCore<T>, T>;
export const SharedArc: Statics<typeof SharedArcCore> = SharedArcCore;

/** Adds one count; saturates (with one warning in all threads) instead of overflowing. */
function incShared(counts: Int32Array): void {
  const old = Atomics.add(counts, COUNT, 1);
  if (old <= 0 || old === MAX) saturate(counts, old, "addition");
}

/** Removes one count; true when it was the last (the caller releases the value). */
function decShared(counts: Int32Array): boolean {
  const old = Atomics.sub(counts, COUNT, 1);
  if (old > 1) return false;
  if (old === 1) return true;
  saturate(counts, old, "subtraction");
  return false;
}

/** After an operation that saw `old`: keeps the count saturated, and warns on the first misuse. */
function saturate(counts: Int32Array, old: number, op: "addition" | "subtraction"): void {
  Atomics.store(counts, COUNT, SATURATED);
  if (old < 0) return; // already saturated (warned by whoever saturated it)
  if (old === MAX) warnRefcount(`refcount_t: saturated at ${REFCOUNT_MAX}; the value will never be released (leaked on purpose).`, "SP_REFCOUNT_SATURATED");
  else if (op === "addition") warnRefcount("refcount_t: addition on 0; use-after-free. The count saturates and the value is leaked.", "SP_REFCOUNT_ADD_ON_ZERO");
  else warnRefcount("refcount_t: underflow; use-after-free. The count saturates and the value is leaked.", "SP_REFCOUNT_UNDERFLOW");
}

function releaseShared(p: unknown, operation: string): void {
  let cell: SharedCell;
  if (RELEASE) {
    cell = (p as SharedHandle)[CELL_KEY];
    if (cell?.counts === undefined) throw notA(SHARED_ARC, p, operation);
  } else {
    cell = liveCell(p, operation);
    retire(p as Handle, "dropped", operation);
  }
  if (decShared(cell.counts)) (cell.value as { [Symbol.dispose]?: () => void } | null)?.[Symbol.dispose]?.();
}

/** The cell of `p`, a live SharedArc, or a clear error. */
function liveCell(p: unknown, operation: string): SharedCell {
  return (expectLive(p, SHARED_ARC, operation) as SharedHandle)[CELL_KEY];
}

function newSharedHandle(cell: SharedCell): Handle {
  // newHandle reads only `value` from the cell it is given, which a SharedCell has.
  return newHandle(projectionFor(SHARED_ARC, SHARED_ARC.proto, cell.value), cell as unknown as RefCell);
}

/**
 * The registered name of `value`'s class, or null for a value sent as it is (a primitive, a plain
 * object, a typed array, any built-in the structured clone knows). Another class is an error: it
 * would arrive as a plain object, without its methods or its release.
 */
function kindName(value: unknown, operation: string): string | null {
  if (typeof value !== "object" || value === null) return null;
  const proto = Object.getPrototypeOf(value) as object | null;
  if (proto === null) return null;
  const name = names.get(proto);
  if (name !== undefined) return name;
  const ctor = (proto as { constructor?: unknown }).constructor;
  if (typeof ctor === "function" && /\{\s*\[native code\]\s*\}$/.test(Function.prototype.toString.call(ctor))) return null;
  const className = typeof ctor === "function" ? ctor.name || "(anonymous)" : "(unknown)";
  throw new TypeError(
    `${operation}: class ${className} is not registered for sharing; call SharedArc.register(${className}) in every thread (next to the class), so that a receiving thread can rebuild the value and run its release.`,
  );
}

/** The own fields of a registered class's instance: what a receiving thread rebuilds it from. */
function fieldsOf(value: unknown): Record<string, unknown> {
  return { ...(value as Record<string, unknown>) };
}

/** Fails early (before any count is sent) if `data` cannot travel through postMessage. */
function checkSendable(data: unknown, operation: string): void {
  try {
    structuredClone(data);
  } catch (error) {
    throw new TypeError(
      `${operation}: the value cannot be sent to another thread (${(error as Error).message}). Keep only data in it: numbers, strings, SharedArrayBuffer regions, plain objects and arrays of them.`,
    );
  }
}

/** `message` as a well-formed SharedArc message whose class this thread knows, or a clear error. */
function checkMessage<T>(message: SharedArcMessage<T>): SharedArcMessage<T> {
  const m = message as Partial<SharedArcMessage<T>> | null;
  if (typeof m !== "object" || m === null || m[WIRE] !== WIRE_VERSION || !(m.counts instanceof Int32Array) || !(m.counts.buffer instanceof SharedArrayBuffer)) {
    const got = m === null ? "null" : typeof m !== "object" ? typeof m : WIRE in m ? `a SharedArc message of another version (${String(m[WIRE])})` : "an object that is not one";
    throw new TypeError(`SharedArc.receive expects a message made by SharedArc.send, but got ${got}.`);
  }
  if (m.kind !== null && !classes.has(m.kind!)) {
    throw new TypeError(`SharedArc.receive: class "${m.kind}" is not registered in this thread; call SharedArc.register(${m.kind}) in a module every thread loads, before receiving.`);
  }
  return message;
}

function describeKind(kind: string | null): string {
  return `SharedArc<${kind ?? "data"}>`;
}
