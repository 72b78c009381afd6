import { Pointee } from "./pointee.js";
import { describePointer, kindOf, type PointerSummary } from "./kind.js";
import type { Handle } from "./handle.js";

/** Node's `util.inspect.custom`, by its registered key: the runtime imports no node module. */
export const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

interface InspectOptions {
  stylize(text: string, style: string): string;
}
type Inspect = (value: unknown, options: object) => string;

/**
 * `util.inspect` and `console.log` of a pointer: `Arc<Job> { count: 2, value: Job {...} }`, or
 * `Arc<Job> <moved>` once it can no longer be used. Installed on every pointer kind's prototype;
 * `depth` is how many levels are left below the pointer (null: no limit).
 */
export function inspectPointer(this: object, depth: number | null, options: InspectOptions, inspect: Inspect): string {
  const kind = kindOf(this);
  if (kind === undefined || !(Pointee in this)) return options.stylize(`[${kind?.name ?? "pointer"} prototype]`, "special");
  const { name, gone, fields } = (kind.summary ?? userPointerSummary)(this as Handle);
  if (gone !== null) return `${options.stylize(name, "special")} ${options.stylize(`<${gone}>`, "undefined")}`;
  if (depth !== null && depth < 0) return options.stylize(`[${name}]`, "special");
  return `${options.stylize(name, "special")} ${inspect({ ...fields, value: (this as { [Pointee]: unknown })[Pointee] }, { ...options, depth })}`;
}

/** A `@SmartPointer` of the user's: its own public fields (its count is its own business), then its value. */
function userPointerSummary(pointer: object): PointerSummary {
  return { name: describePointer(kindOf(pointer)!, (pointer as { [Pointee]: unknown })[Pointee]), gone: null, fields: { ...pointer } };
}
