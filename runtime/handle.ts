import { Pointee } from "./pointee.js";
import type { RefCell } from "./refcount.js";
import { releaseMode } from "./mode.js";
import { KIND, describePointer, type PointerKind } from "./kind.js";
import { DoubleDropError, SmartPointerError, UseAfterDropError, UseAfterMoveError } from "./errors.js";

/**
 * A handle is what users hold: a small object whose prototype is a projection prototype
 * (forwarders to the pointee's members) over its kind's prototype.
 *
 * Invariants:
 * - `h[Pointee]` is the pointee, or `GONE` once this handle was dropped or moved (debug only:
 *   release never retires a handle, it shares one per value and carries on like refcount_t).
 * - `h[CELL]` is the value's shared `RefCell`; every handle of one value has the same cell.
 */
export interface Handle {
  [Pointee]: unknown;
  [CELL]: RefCell;
  readonly [KIND]: PointerKind;
}

const CELL_KEY = Symbol("ts-smart-pointer.cell");
export const CELL: typeof CELL_KEY = CELL_KEY;

/** Stored in `h[Pointee]` of a retired handle; one compare detects any use. */
const GONE_VALUE = Symbol("ts-smart-pointer.gone");
export const GONE: typeof GONE_VALUE = GONE_VALUE;

// Module-local copies of the keys used on hot paths: V8 folds a module's own non-exported
// constants into optimized code, but reloads exported and imported bindings (a generic keyed
// load per access). Measured: 4 ns of a 10 ns list push/pop pair.
const POINTEE_KEY: typeof Pointee = Pointee;
const RELEASE = releaseMode;

interface Retirement {
  readonly how: "dropped" | "moved";
  readonly by: string;
  readonly pointer: string;
}

/** `h[RETIRED]`: why a retired handle is gone (debug only; read only to build an error). */
const RETIRED = Symbol("ts-smart-pointer.retired");

/**
 * `proto[MAKE]` constructs handles with prototype `proto`. Each projection has its own
 * constructor: V8 then tracks how many fields its handles get and keeps them all in the object
 * (`Object.create` objects hold only four before spilling into a separate array).
 */
const MAKE = Symbol("ts-smart-pointer.make");

/** Gives `proto` its own handle constructor (called once per projection prototype). */
export function makeHandlesWith(proto: object): void {
  const make = function () {} as unknown as new () => Handle;
  make.prototype = proto;
  Object.defineProperty(proto, MAKE, { value: make });
}

export function newHandle(proto: object, cell: RefCell): Handle {
  const h = new (proto as { [MAKE]: new () => Handle })[MAKE]();
  h[POINTEE_KEY] = cell.value;
  h[CELL_KEY] = cell;
  return h;
}

/** `Arc<Job>`, also for a retired handle. */
export function describeHandle(h: Handle): string {
  const v = h[POINTEE_KEY];
  return v === GONE_VALUE ? (h as Retired)[RETIRED].pointer : describePointer(h[KIND], v);
}

type Retired = Handle & { [RETIRED]: Retirement };

/** Marks `h` as dropped or moved by operation `by`; later uses throw. */
export function retire(h: Handle, how: Retirement["how"], by: string): void {
  (h as Retired)[RETIRED] = { how, by, pointer: describeHandle(h) };
  h[POINTEE_KEY] = GONE_VALUE;
}

/** The error for using the retired handle `h` in `operation`. */
export function goneError(h: Handle, operation: string): SmartPointerError {
  const { how, by, pointer } = (h as Retired)[RETIRED];
  if (how === "moved") {
    return new UseAfterMoveError(
      `${operation}: this ${pointer} was moved by ${by} and can no longer be used (use after move). To keep a pointer, clone it before the move (Arc.clone(p)).`,
      pointer,
      operation,
    );
  }
  if (operation.endsWith(".drop") || operation.endsWith("[Symbol.dispose]") || operation.endsWith("[Symbol.asyncDispose]")) {
    return new DoubleDropError(`${operation}: this ${pointer} was already dropped by ${by} (double drop). Drop each pointer exactly once.`, pointer, operation);
  }
  return new UseAfterDropError(
    `${operation}: this ${pointer} was dropped by ${by} and can no longer be used (use after drop). Keep a clone alive for as long as you use it.`,
    pointer,
    operation,
  );
}

/** Throws if `h` was dropped or moved. */
export function assertLive(h: Handle, operation: string): void {
  if (h[POINTEE_KEY] === GONE_VALUE) throw goneError(h, operation);
}

/**
 * Moves the pointer out of `h`: debug returns a fresh handle and retires `h`, so the old
 * one can no longer be used; release returns `h` itself.
 */
export function moveOut<H extends Handle>(h: H, by: string): H {
  assertLive(h, by);
  if (RELEASE) return h;
  const copy = h[KIND].copy;
  const moved = (copy ? copy(h) : Object.assign(Object.create(Object.getPrototypeOf(h)), h)) as H;
  retire(h, "moved", by);
  return moved;
}
