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

/** What a pointer points to, for its name: a nested pointer by its own name (`Arc<Arc<Job>>`). */
function pointeeName(v: unknown): string {
  const kind = kindOf(v);
  if (kind !== undefined) return describePointer(kind, (v as { [Pointee]: unknown })[Pointee]);
  return v !== null && typeof v === "object" ? className(v) : value(v);
}

const value = (v: unknown): string => (v === null ? "null" : typeof v);

/*
 * The helpers below describe arguments for error messages. They never convert the value (a
 * null-prototype object or a throwing `toString` would turn the library's error into another one)
 * and run none of its code except reading `constructor`.
 */

/** What `v` is: its pointer kind, its class, or its type (`Arc`, `Job`, `number`, `null`). */
export function typeName(v: unknown): string {
  if (v === null || typeof v !== "object") return value(v);
  return kindOf(v)?.name ?? className(v);
}

/** `v` itself when it is a primitive (`1.5`, `"0"`, `-0`), else its `typeName`. */
export function valueText(v: unknown): string {
  if (typeof v === "number") return Object.is(v, -0) ? "-0" : String(v);
  if (typeof v === "string") return JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}...` : v);
  if (typeof v === "bigint") return `${v}n`;
  if (typeof v === "symbol" || typeof v === "boolean") return v.toString();
  return typeName(v);
}

function className(o: object): string {
  const ctor: unknown = (o as { constructor?: unknown }).constructor;
  const name: unknown = typeof ctor === "function" ? ctor.name : undefined;
  return typeof name === "string" && name !== "" ? name : "object";
}

/** True for what `class` and `function` declarations make: a function with a prototype object. */
export function isClassLike(target: unknown): target is abstract new (...args: never[]) => object {
  const proto: unknown = typeof target === "function" ? (target as { prototype?: unknown }).prototype : undefined;
  return typeof proto === "object" && proto !== null;
}
