import { Pointee } from "./pointee.js";
import { RefCell, decStrong as importedDecStrong } from "./refcount.js";
import { AlreadyOwnedError, AsyncDropError } from "./errors.js";
import { describePointer, kindOf, typeName, type PointerKind } from "./kind.js";
import { CELL, GONE, assertLive, goneError, newHandle, retire, type Handle } from "./handle.js";
import { projectionFor } from "./projection.js";
import { releaseMode } from "./mode.js";
import { tracking, unwatch, watch } from "./leaks.js";

// Module-local copies for the hot paths (see handle.ts: V8 folds these, not imported bindings).
// For the same reason `dropValue` is a const: a function declaration's binding is checked at each call.
const RELEASE = releaseMode;
const CELL_KEY: typeof CELL = CELL;
const POINTEE_KEY: typeof Pointee = Pointee;
const GONE_VALUE: typeof GONE = GONE;
const decStrong = importedDecStrong;

/**
 * The operations every pointer kind shares: make a handle, check an argument, take
 * ownership of one, release one. Debug checks each handle; release trusts the types.
 */

/** Debug: the values some pointer owns, so wrapping one again is caught (Rust moves the value in). */
const owned = new WeakSet<object>();

/**
 * The shared cell of a value entering its first pointer (`Arc.new`, `UniqueArc.new`, `ListArc.new`).
 * Debug refuses a value that is already owned: a second count would drop it a second time.
 */
export function newCell(value: unknown, kind: PointerKind, operation: string): RefCell {
  if (!RELEASE && typeof value === "object" && value !== null) {
    if (owned.has(value)) {
      const pointer = describePointer(kind, value);
      throw new AlreadyOwnedError(`${operation}: this value is already owned by a pointer; a second ${kind.name} would drop it twice. Clone the pointer you have (Arc.clone) instead of wrapping the value again.`, pointer, operation);
    }
    owned.add(value);
  }
  const cell = new RefCell(value);
  if (RELEASE && tracking) watch(cell, describePointer(kind, value)); // release watches values (leaks.ts)
  return cell;
}

/** A new handle of `kind` for the value in `cell`. */
export function handleFor(kind: PointerKind, cell: RefCell): Handle {
  const h = newHandle(projectionFor(kind, kind.proto, cell.value), cell);
  // Debug watches each handle that owns a count: the owning kinds are those that move `self`.
  // The folded RELEASE comes first, so the mode that never watches here never reads the flag.
  if (!RELEASE && tracking && kind.passSelf === "move") watch(h, describePointer(kind, cell.value));
  return h;
}

/** `p` as a live handle of `kind`, or a clear error naming `operation`. */
export function expectLive(p: unknown, kind: PointerKind, operation: string): Handle {
  if (!isHandleOf(p, kind)) throw notA(kind, p, operation);
  const h = p as Handle;
  assertLive(h, operation);
  return h;
}

/**
 * Whether `p` is a handle of `kind`. Debug also refuses an object that merely inherits from a
 * handle (`Object.create(arc)`): every handle holds its cell itself (newHandle). Release trusts
 * the types, as for liveness.
 */
const isHandleOf = (p: unknown, kind: PointerKind): boolean => kindOf(p) === kind && (RELEASE || Object.hasOwn(p as object, CELL_KEY));

/** The TypeError for an argument `p` that is not a pointer of `kind` (or of any of `kinds`). */
export function notA(kind: PointerKind | readonly PointerKind[], p: unknown, operation: string): TypeError {
  const kinds: readonly PointerKind[] = Array.isArray(kind) ? kind : [kind];
  const expected = kinds.map((k) => `${/^[AEIO]/.test(k.name) ? "an" : "a"} ${k.name}`).join(" or ");
  const got = kinds.includes(kindOf(p)!) ? `an object that inherits from ${expected} (not a pointer itself)` : typeName(p); // see isHandleOf
  return new TypeError(`${operation} expects ${expected}, but got ${got}.`);
}

/**
 * Takes ownership of `p` (a conversion, a move into a list): debug retires `p` so it can no
 * longer be used; release keeps it (it is the shared handle). Returns the cell.
 */
export function consume(p: unknown, kind: PointerKind, operation: string): RefCell {
  const h = expectLive(p, kind, operation);
  if (!RELEASE) retire(h, "moved", operation);
  return h[CELL_KEY];
}

/**
 * Releases the strong reference `p` holds; drops the value if it was the last.
 * Debug: a second release of the same handle is a DoubleDropError.
 * An `async` release (`p[Symbol.asyncDispose]()`) returns the destructor's promise, if it ran one.
 */
export function releaseHandle(p: unknown, kind: PointerKind, operation: string, async = false): Promise<unknown> | undefined {
  let cell: RefCell | undefined;
  if (RELEASE) {
    // Load, then test (see NO_TEST_BEFORE_LOAD in list.ts); Arc.clone has its own copy of this
    // load, as a shared helper would share one inline cache between clone and every kind's drop.
    try {
      cell = (p as Handle)[CELL_KEY];
    } catch {
      cell = undefined; // p is null or undefined
    }
    if (cell === undefined) throw notA(kind, p, operation);
  } else {
    if (!isHandleOf(p, kind)) throw notA(kind, p, operation);
    const h = p as Handle;
    if (h[POINTEE_KEY] === GONE_VALUE) throw goneError(h, operation);
    retire(h, "dropped", operation);
    cell = h[CELL_KEY];
  }
  return decStrong(cell) ? dropValue(cell, kind, operation, async) : undefined;
}

type Destructible = { [Symbol.dispose]?: () => void; [Symbol.asyncDispose]?: () => PromiseLike<void> };

/**
 * The last strong reference is gone: retire the value's borrow, then run its destructor once:
 * `[Symbol.dispose]`, or else `[Symbol.asyncDispose]` (an async drop prefers that one, as
 * `await using` does). An async drop returns the async destructor's promise; a sync drop cannot,
 * so it reports a rejection as an unhandled one (see reportRejection).
 */
const dropValue = (cell: RefCell, kind: PointerKind, operation: string, async: boolean): Promise<unknown> | undefined => {
  if (RELEASE && tracking) unwatch(cell);
  if (!RELEASE && cell.borrow) retire(cell.borrow as Handle, "dropped", `${operation} (the last strong reference)`);
  const value = cell.value as Destructible | null;
  if (value === null || typeof value !== "object") return undefined;
  owned.delete(value); // it may be wrapped again once dropped
  const disposeAsync = value[Symbol.asyncDispose];
  if (typeof disposeAsync === "function" && (async || typeof value[Symbol.dispose] !== "function")) {
    const disposal = Promise.resolve(disposeAsync.call(value)); // a synchronous throw leaves the drop, as a destructor's does
    if (async) return disposal;
    reportRejection(disposal, describePointer(kind, value), operation);
    return undefined;
  }
  value[Symbol.dispose]?.();
  return undefined;
};

/**
 * A sync drop started `disposal` and has no caller to hand it to: if it rejects, an
 * AsyncDropError (naming the drop, with the rejection as its `cause`) becomes an unhandled
 * rejection, which Node reports (and by default ends the process on), so it is never lost.
 */
function reportRejection(disposal: Promise<unknown>, pointer: string, operation: string): void {
  void disposal.then(undefined, (error: unknown) => {
    throw new AsyncDropError(
      `${operation}: the last reference to ${pointer} was dropped synchronously, which started its [Symbol.asyncDispose](), and that rejected (see cause). To handle the error, drop the last reference with \`await using\` or \`await p[Symbol.asyncDispose]()\`.`,
      pointer,
      operation,
      error,
    );
  });
}
