import { Pointee } from "./pointee.js";

/**
 * A pointer kind: what `@SmartPointer` derives for one pointer class.
 *
 * Invariant: every handle of the kind has `kind.proto` on its prototype chain, with one
 * projection prototype in between per pointee class (see projection.ts).
 */
export interface PointerKind {
  /** The pointer's name as users write it: `Arc`, `ListArc`, `Rc`. */
  name: string;
  /** The prototype every handle of this kind inherits from (the decorated class's prototype). */
  proto: object;
  /** How a receiver method gets its `self`: the handle itself, or a moved-out copy (owning kinds). */
  passSelf: "borrow" | "move";
  /** Whether pointee fields can be assigned through the pointer (UniqueArc: unique access). */
  writable: boolean;
  /** A debug move's new handle for `h` (default: a copy of its own fields). */
  copy?: (h: import("./handle.js").Handle) => import("./handle.js").Handle;
  /** What `util.inspect` shows of a pointer of this kind (default, for a user pointer: its own fields). */
  summary?: (h: import("./handle.js").Handle) => PointerSummary;
}

/** A pointer as `util.inspect` shows it (inspect.ts). */
export interface PointerSummary {
  /** `Arc<Job>`. */
  readonly name: string;
  /** Why the pointer can no longer be used (`moved`, `dropped`), or null while it can. */
  readonly gone: string | null;
  /** Shown before its value: the strong count, for the runtime's pointers. */
  readonly fields: Readonly<Record<string, unknown>>;
}

/** `handle[KIND]` is the handle's kind (inherited from `kind.proto`). */
const KIND_KEY = Symbol("ts-smart-pointer.kind");
export const KIND: typeof KIND_KEY = KIND_KEY;

/** The kind a value is a pointer of, or undefined. */
export function kindOf(value: unknown): PointerKind | undefined {
  // A module-local key: V8 folds it into optimized code, unlike an exported or imported binding.
  return typeof value === "object" && value !== null ? (value as { [KIND_KEY]?: PointerKind })[KIND_KEY] : undefined;
}

/** `Arc<Job>`, for messages. */
export function describePointer(kind: PointerKind, pointee: unknown): string {
  return `${kind.name}<${pointeeName(pointee)}>`;
}

function pointeeName(value: unknown): string {
  const kind = kindOf(value);
  if (kind !== undefined) return describePointer(kind, (value as { [Pointee]: unknown })[Pointee]); // `Arc<Arc<Job>>`
  if (typeof value === "object" && value !== null) return (value as { constructor?: Function }).constructor?.name || "object";
  return typeof value;
}
