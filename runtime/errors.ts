/**
 * Every error the runtime throws on misuse is a `SmartPointerError` naming the pointer
 * (`Arc<Job>`) and the operation, so a user can catch the family or one kind.
 */
export class SmartPointerError extends Error {
  override name = "SmartPointerError";
  constructor(
    message: string,
    /** The pointer as the user would write its type, e.g. `Arc<Job>`. */
    readonly pointer: string,
    /** The operation that was attempted, e.g. `Arc.clone` or `.run()`. */
    readonly operation: string,
  ) {
    super(message);
  }
}

/** The pointer was dropped (or its last strong reference was) and then used. */
export class UseAfterDropError extends SmartPointerError {
  override name = "UseAfterDropError";
}

/** The pointer was moved (into a receiver, a list, or a conversion) and then used. */
export class UseAfterMoveError extends SmartPointerError {
  override name = "UseAfterMoveError";
}

/** The same pointer was dropped twice. */
export class DoubleDropError extends SmartPointerError {
  override name = "DoubleDropError";
}

/** Debug: a value already owned by a pointer was wrapped again (two counts would drop it twice). */
export class AlreadyOwnedError extends SmartPointerError {
  override name = "AlreadyOwnedError";
}

/**
 * The `[Symbol.asyncDispose]()` that a synchronous last drop started rejected; `cause` is the
 * rejection. Raised as an unhandled rejection, since a sync drop has no caller to await it.
 */
export class AsyncDropError extends SmartPointerError {
  override name = "AsyncDropError";
  constructor(message: string, pointer: string, operation: string, cause: unknown) {
    super(message, pointer, operation);
    this.cause = cause;
  }
}

/** A list operation that would break a list's invariants (the value is already in a list, ...). */
export class ListError extends SmartPointerError {
  override name = "ListError";
}

/** Node's warning type for refcount saturation, underflow and increment-from-zero. */
export const REFCOUNT_WARNING = "RefcountSaturationWarning";

type Emit = (message: string, options: { type: string; code: string; detail?: string }) => void;

/** Emits a `RefcountSaturationWarning` (Node's process warning) or a console warning (elsewhere). */
export function warnRefcount(message: string, code: string): void {
  emitWarning(REFCOUNT_WARNING, message, code);
}

/** Emits a process warning of `type` in Node, a console warning elsewhere. */
export function emitWarning(type: string, message: string, code: string, detail?: string): void {
  const process = (globalThis as { process?: { emitWarning?: Emit } }).process;
  if (typeof process?.emitWarning === "function") process.emitWarning(message, { type, code, detail });
  else console.warn(`${type}: ${message}${detail === undefined ? "" : `\n${detail}`}`);
}
