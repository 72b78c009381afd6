/**
 * Which methods are receiver methods (`m(self: P<this>, ...)`), and for which pointer kind.
 *
 * Two sources, the first that answers wins:
 * 1. Receiver tables, emitted by the transformer into each class (`kind` is known statically).
 * 2. The method's source text: its first parameter is named `self` (`kind` unknown, so any
 *    pointer may call it; the types already forbid the wrong kinds). Minifiers that rename
 *    parameters defeat this, which is why the transformer emits tables.
 *
 * When neither can answer (the class has no table, and this bundle's parameter names were
 * renamed), a method that takes parameters is `unknowable`: its forwarder throws on the first
 * call, naming the cause and the fix, rather than pass a wrong `self` (see projection.ts). The
 * plugin gives every class with such methods a table, an empty one if it has no receivers, in each
 * file it expands; a class it did not compile (a dependency built without it) has none.
 */

/** What a method is, seen from a pointer. */
export type ReceiverInfo =
  | { readonly receiver: false }
  | { readonly receiver: true; readonly kind: string | null }
  | { readonly receiver: "unknowable" };

const PLAIN: ReceiverInfo = { receiver: false };
const ANY_KIND: ReceiverInfo = { receiver: true, kind: null };
const UNKNOWABLE: ReceiverInfo = { receiver: "unknowable" };

/** Receiver tables by the prototype (or constructor, for statics) that declares the methods. */
const tables = new WeakMap<object, ReadonlyMap<PropertyKey, string>>();

/** Records the receiver methods a class declares: `{ run: "ListArc", peek: "ArcBorrow" }`. */
export function registerReceiverTable(proto: object, table: Readonly<Record<PropertyKey, string>>): void {
  tables.set(proto, new Map(Reflect.ownKeys(table).map((k) => [k, table[k as string]!])));
}

/** Is `fn`, found as `key` on `holder`, a receiver method? */
export function receiverInfo(holder: object, key: PropertyKey, fn: Function): ReceiverInfo {
  const table = tables.get(holder);
  if (table) {
    const kind = table.get(key);
    return kind === undefined ? PLAIN : { receiver: true, kind };
  }
  if (namesRenamed) return parameterCount(fn) === 0 ? PLAIN : UNKNOWABLE; // a receiver takes at least `self`
  const index = selfParameterIndex(fn);
  if (index > 0) {
    throw new TypeError(
      `${describeMember(holder, key)}: \`self\` must be the first parameter of a receiver method (rustc E0307: invalid \`self\` parameter type); move it first, or rename the parameter if it is not a receiver.`,
    );
  }
  return index === 0 ? ANY_KIND : PLAIN;
}

/** `Job.run` or `static Job.make`, for messages. */
export function describeMember(holder: object, key: PropertyKey): string {
  const isCtor = typeof holder === "function";
  const owner = isCtor ? (holder as Function).name : (holder as { constructor?: Function }).constructor?.name ?? "object";
  return `${isCtor ? "static " : ""}${owner}.${String(key)}`;
}

/** The error for calling an `unknowable` method (see above) through a pointer. */
export function renamedParametersError(holder: object, key: PropertyKey): TypeError {
  return new TypeError(
    `${describeMember(holder, key)}: cannot tell whether this is a receiver method (first parameter \`self\`): a minifier renamed this bundle's parameters, and the class has no receiver table from the ts-smart-pointer plugin (it was built without the plugin, or in a file the plugin had nothing to expand in). ` +
      `Build it with the plugin (tspc, or ts-smart-pointer/bundler) before minifying, or minify without renaming parameters (esbuild: --minify-whitespace --minify-syntax instead of --minify; terser, swc: mangle: { reserved: ["self"] }).`,
  );
}

const cache = new WeakMap<Function, number>();

/** True when this bundle was minified with parameters renamed: the probe's `self` is gone then. */
const namesRenamed = selfParameterIndex(function probe(self: unknown) { return self; }) !== 0;

function parameterCount(fn: Function): number {
  return parameterNames(Function.prototype.toString.call(fn)).length;
}

/** Index of the parameter named `self` in `fn`'s source, or -1. */
export function selfParameterIndex(fn: Function): number {
  let index = cache.get(fn);
  if (index === undefined) {
    index = parameterNames(Function.prototype.toString.call(fn)).indexOf("self");
    cache.set(fn, index);
  }
  return index;
}

/**
 * The simple parameter names of a function or method from its source (`{a}` and `[a]`
 * patterns yield ""). Handles method names, computed keys, defaults, comments and arrows.
 */
export function parameterNames(source: string): string[] {
  const text = source.replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, " ");
  const arrow = /^\s*(?:async\s+)?([\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*)\s*=>/u.exec(text);
  if (arrow) return [arrow[1]!];
  const open = findTopLevel(text, 0, "(");
  if (open < 0) return [];
  const names: string[] = [];
  let start = open + 1;
  for (let i = start, depth = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '"' || c === "'" || c === "`") i = skipString(text, i);
    else if (c === "(" || c === "[" || c === "{") depth++;
    else if ((c === ")" || c === "]" || c === "}") && depth > 0) depth--;
    else if ((c === "," || c === ")") && depth === 0) {
      const name = /^\s*(?:\.\.\.)?\s*([\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*)?/u.exec(text.slice(start, i))![1];
      if (name !== undefined || text.slice(start, i).trim() !== "") names.push(name ?? "");
      if (c === ")") break;
      start = i + 1;
    }
  }
  return names;
}

/** Index of the first `target` outside strings and brackets, from `from`. */
function findTopLevel(text: string, from: number, target: string): number {
  for (let i = from, depth = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === target && depth === 0) return i;
    if (c === '"' || c === "'" || c === "`") i = skipString(text, i);
    else if (c === "[" || c === "{") depth++;
    else if (c === "]" || c === "}") depth--;
  }
  return -1;
}

/** Index of the closing quote of the string literal opening at `i`. */
function skipString(text: string, i: number): number {
  const quote = text[i];
  for (let j = i + 1; j < text.length; j++) {
    if (text[j] === "\\") j++;
    else if (text[j] === quote) return j;
  }
  return text.length;
}
