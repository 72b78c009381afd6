import { Pointee } from "./pointee.js";
import { describePointer, kindOf, type PointerSummary } from "./kind.js";
import type { Handle } from "./handle.js";

/** Node's `util.inspect.custom`, by its registered key: the runtime imports no node module. */
export const INSPECT: unique symbol = Symbol.for("nodejs.util.inspect.custom") as never;

interface InspectOptions {
  stylize(text: string, style: string): string;
}

/**
 * `util.inspect` and `console.log` of a pointer: `Arc<Job> { count: 2, value: Job {...} }`, or
 * `Arc<Job> <moved>` once it can no longer be used. Installed on every pointer kind's prototype.
 *
 * A live pointer returns a *view*, an object named `Arc<Job>` holding its fields and value, which
 * Node formats in place: depth, colours and cycles (a value holding its own pointer) as for any object.
 */
export function inspectPointer(this: object, _depth: number, options: InspectOptions): object | string {
  const kind = kindOf(this);
  if (kind === undefined || !(Pointee in this)) return options.stylize(`[${kind?.name ?? "pointer"} prototype]`, "special");
  const { name, gone, fields } = (kind.summary ?? userPointerSummary)(this as Handle);
  if (gone !== null) return `${options.stylize(name, "special")} ${options.stylize(`<${gone}>`, "undefined")}`;
  return Object.assign(Object.create(viewPrototype(name)) as object, fields, { value: (this as { [Pointee]: unknown })[Pointee] });
}

/** A user's `@SmartPointer`: its own public fields (its count is its own business), then its value. */
function userPointerSummary(pointer: object): PointerSummary {
  return { name: describePointer(kindOf(pointer)!, (pointer as { [Pointee]: unknown })[Pointee]), gone: null, fields: Object.fromEntries(Object.entries(pointer)) };
}

/** Per name, the prototype of views Node names so (it prints the constructor's name). */
const views = new Map<string, object>();

function viewPrototype(name: string): object {
  let proto = views.get(name);
  if (proto === undefined) {
    const view = function () {};
    Object.defineProperty(view, "name", { value: name });
    proto = view.prototype as object; // its own `constructor` is `view`
    views.set(name, proto);
  }
  return proto;
}
