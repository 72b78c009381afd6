import { env, releaseMode } from "./mode.js";
import { emitWarning } from "./errors.js";

/**
 * The leak detector (the kernel's kmemleak, for JavaScript): reports each owner of a strong count
 * that was garbage-collected without releasing it, so its value is never dropped.
 *
 * What it watches (an *owner*):
 * - debug: each Arc, UniqueArc and ListArc handle, as each owns exactly one count; a move hands
 *   the watch, with its creation site, to the moved-out handle;
 * - release: each value's shared cell, as its handles are shared and one may own many counts:
 *   the cell is collected with the last of its handles, so one report per value, not per pointer.
 *
 * Invariants:
 * - An owner is watched from its creation while the detector is on, until it releases its count
 *   (debug: the handle is dropped or moved; release: the value is dropped or its count saturates).
 * - The registry's held values hold strings only: a held value that reached the owner or its
 *   value would keep the owner alive, and a pointer cycle through a value would never be reported.
 * - Off (the default), nothing is allocated per pointer and no stack is captured: where an owner
 *   is created or releases its count, the mode that watches it reads `tracking`, once.
 */

/** One leaked owner, as reported to `onLeak` and by `assertNoLeaks`. */
export interface Leak {
  /** The pointer as its type is written: `Arc<Job>`, `ListArc<Task>`. */
  readonly pointer: string;
  /** Where it was created: the first stack frame outside the runtime (`file:line:column`). */
  readonly createdAt: string;
  /** The stack where it was created, without the runtime's own frames. */
  readonly stack: string;
  /** Debug: this pointer leaked its count; release: some pointers to this value leaked theirs. */
  readonly mode: "debug" | "release";
}

export interface TrackLeaksOptions {
  /** Called for each leak, after the collection that found it; default: a `SmartPointerLeakWarning`. */
  onLeak?: (leak: Leak) => void;
}

/** Node's warning type for leak reports. */
export const LEAK_WARNING = "SmartPointerLeakWarning";

/** Reports kept for `collectLeaks` beyond this are only counted (a long run must not grow without bound). */
const KEPT_MAX = 1000;

type Held = Leak | (() => void); // a leak's report, or a collection sentinel (see afterCollection)

export let tracking = false;
let registry: FinalizationRegistry<Held> | null = null;
let onLeak: (leak: Leak) => void = warnLeak;
/** Debug moves hand a handle's report over to its successor. */
const origins = new WeakMap<object, Leak>();
let kept: Leak[] = [];
let unkept = 0;

/**
 * Turns the leak detector on (or replaces its callback): pointers created from now on are
 * watched. `TS_SMART_POINTER_LEAKS=1` turns it on when the runtime loads.
 */
export function trackLeaks(options: TrackLeaksOptions = {}): void {
  if (typeof options !== "object" || options === null) {
    throw new TypeError(`trackLeaks expects an options object ({ onLeak }) or nothing, but got ${options === null ? "null" : typeof options}.`);
  }
  if (options.onLeak !== undefined && typeof options.onLeak !== "function") {
    throw new TypeError(`trackLeaks expects options.onLeak to be a function (leak) => void, but got ${typeof options.onLeak}.`);
  }
  onLeak = options.onLeak ?? warnLeak;
  registry ??= new FinalizationRegistry(collected);
  tracking = true;
}

if (env?.TS_SMART_POINTER_LEAKS === "1") trackLeaks();

function collected(held: Held): void {
  if (typeof held === "function") return held();
  if (kept.length < KEPT_MAX) kept.push(held);
  else unkept++;
  onLeak(held);
}

/** Starts watching `owner` (a debug handle or a release cell) of a count of pointer `pointer`. */
export function watch(owner: object, pointer: string): void {
  const stack = creationStack();
  const leak: Leak = { pointer, createdAt: firstFrame(stack), stack, mode: releaseMode ? "release" : "debug" };
  registry!.register(owner, leak, owner);
  if (!releaseMode) origins.set(owner, leak);
}

/** `owner` released its count. */
export function unwatch(owner: object): void {
  registry!.unregister(owner);
}

/** A debug move: `to` now owns the count `from` owned, reported with `from`'s creation site. */
export function rewatch(from: object, to: object): void {
  const leak = origins.get(from);
  if (leak === undefined) return; // created before the detector was on
  registry!.unregister(from);
  registry!.register(to, leak, to);
  origins.set(to, leak);
}

/** Internal (testing entry): the reports found so far, and how many were not kept; both are reset. */
export function takeLeaks(): { leaks: Leak[]; unkept: number } {
  const taken = { leaks: kept, unkept };
  kept = [];
  unkept = 0;
  return taken;
}

/**
 * Internal (testing entry): a promise settled once a collection has run the detector's callbacks
 * for everything it found, as a sentinel registered now is then collected and reported too.
 */
export function afterCollection(): { collected: Promise<void> } {
  if (registry === null) throw new Error("the leak detector is off");
  let resolve!: () => void;
  const collected = new Promise<void>((r) => (resolve = r));
  registry.register({}, resolve);
  return { collected };
}

/** One line per leak, for the warning and the assertion's message. */
export function describeLeak(leak: Leak): string {
  return leak.mode === "debug"
    ? `${leak.pointer} was garbage-collected while it still owned a strong count, so its value is never dropped (its [Symbol.dispose] never runs); created at ${leak.createdAt}`
    : `the value of ${leak.pointer} was garbage-collected while its pointers still owned strong counts, so it is never dropped (its [Symbol.dispose] never runs); created at ${leak.createdAt}`;
}

function warnLeak(leak: Leak): void {
  emitWarning(LEAK_WARNING, `${describeLeak(leak)}. Drop each pointer (Arc.drop(p), or declare it with \`using\`).`, "SP_LEAK", leak.stack);
}

/**
 * The caller's stack without the runtime's frames on top. The runtime's frames are those in this
 * module's directory, as the stack names it (a path, a URL, or a source-mapped path). In a bundle
 * that holds the runtime and its caller in one file, nothing would be left: then all is kept.
 */
const FRAMES_KEPT = 10; // as many as Node shows of an error's stack by default
/** The runtime's own frames on top are at most 6 (`ListArc.tryFromArcOrDrop` down to here); the cost grows with the frames. */
const FRAMES_CAPTURED = 6 + FRAMES_KEPT;

function creationStack(): string {
  const limit = Error.stackTraceLimit;
  Error.stackTraceLimit = FRAMES_CAPTURED;
  const frames = (new Error().stack ?? "").split("\n").slice(1);
  Error.stackTraceLimit = limit;
  const runtimeDir = directoryOf(frames[0] ?? "");
  let first = 0;
  while (first < frames.length && directoryOf(frames[first]!) === runtimeDir) first++;
  return (first === frames.length ? frames : frames.slice(first, first + FRAMES_KEPT)).join("\n");
}

/** `/a/runtime` for `    at f (/a/runtime/arc.ts:10:5)` or `    at file:///a/runtime/arc.js:10:5`. */
function directoryOf(frame: string): string {
  const location = frameLocation(frame);
  return location.slice(0, location.lastIndexOf("/"));
}

/** `/a/b.ts:10:5` of a V8 stack frame. */
function frameLocation(frame: string): string {
  const inParens = /\((.*)\)\s*$/.exec(frame);
  return (inParens ? inParens[1]! : frame.replace(/^\s*at\s+/, "")).trim();
}

function firstFrame(stack: string): string {
  const line = stack.split("\n", 1)[0];
  return line ? frameLocation(line) : "(unknown)";
}
