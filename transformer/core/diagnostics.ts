import type TS from "typescript";

/**
 * Every diagnostic the transformer reports, with a stable code. Where rustc has the same check
 * the message mirrors its wording and names the rustc error code.
 */
export const DIAGNOSTICS = {
  notAClass: {
    code: 9001,
    rustc: "E0802",
    message: "`SmartPointer` can only be applied to a class, not to {0}",
    help: "put `@SmartPointer` on the pointer class: `@SmartPointer class Rc<T> { readonly [Pointee]: T }`",
  },
  noTypeParameter: {
    code: 9002,
    rustc: "E0802",
    message: "`SmartPointer` can only be derived on classes that are generic over at least one type: `{0}` has no type parameter",
    help: "give the pointer a pointee type parameter: `class {0}<T> { readonly [Pointee]: T }`",
  },
  noPointee: {
    code: 9003,
    rustc: "E0802",
    message: "`SmartPointer` class `{0}` has no way to reach its pointee",
    help: "declare `readonly [Pointee]: T` (the `Pointee` symbol from ts-smart-pointer) and assign it in the constructor",
  },
  ambiguousPointee: {
    code: 9004,
    rustc: "E0802",
    message: "exactly one generic type parameter must be the pointee to derive `SmartPointer`: `[Pointee]` of `{0}` has type `{1}`",
    help: "type `[Pointee]` as one of the class's type parameters: `readonly [Pointee]: T`",
  },
  selfNotFirst: {
    code: 9005,
    rustc: "E0307",
    message: "unexpected `self` parameter in method `{0}`: `self` must be the first parameter",
    help: "move `self` first (`{0}(self: Arc<this>, ...)`), or rename the parameter if it is not a receiver",
  },
  invalidSelfType: {
    code: 9006,
    rustc: "E0307",
    message: "invalid `self` parameter type: `{0}`",
    help: "type of `self` must be a smart pointer to `this`: `Arc<this>`, `ArcBorrow<this>`, `UniqueArc<this>`, `ListArc<this>` or a `@SmartPointer` class",
  },
  selfNotThis: {
    code: 9007,
    rustc: "E0307",
    message: "invalid `self` parameter type: `{0}` points to `{1}`, not to `this`",
    help: "write `self: {2}<this>` so the method receives a pointer to its own object",
  },
  staticReceiver: {
    code: 9008,
    rustc: "E0307",
    message: "static method `{0}` cannot take a `self` receiver",
    help: "make `{0}` an instance method, or rename its first parameter",
  },
  ambiguousMember: {
    code: 9009,
    rustc: "E0034",
    message: "multiple applicable items in scope: `{0}` is both a member of the pointer `{1}` and a receiver method of its pointee",
    help: "rename one of them, or call the receiver explicitly: `{2}.prototype.{0}.call(Arc.deref(p), p, ...)`",
  },
  notListItem: {
    code: 9010,
    rustc: "E0277",
    message: "the trait bound `{0}: ListItem<{1}>` is not satisfied: `{0}` carries no links for list id {1}",
    help: "declare the links on the class: `@ListItem({2}) class {0} { ... }`",
  },
  badListId: {
    code: 9011,
    message: "invalid list id `{0}`: a list id is an integer from 0 to 65535, given once",
    help: "use small distinct integers, e.g. `@ListItem(0, 1)`",
  },
  useAfterMove: {
    code: 9012,
    rustc: "E0382",
    message: "use of moved value: `{0}` was moved by `{1}` on line {2}",
    help: "to keep a pointer, {3} before the move",
  },
  untypedSelf: {
    code: 9013,
    rustc: "E0307",
    message: "the `self` parameter of `{0}` has no type, so it is not a receiver for any pointer",
    help: "type it as a pointer to `this`: `self: Arc<this>`; or rename it",
  },
  useAfterMoveInLoop: {
    code: 9014,
    rustc: "E0382",
    message: "use of moved value: `{0}` was moved by `{1}` on line {2}, in previous iteration of loop",
    help: "to keep a pointer, {3} before the move; or give `{0}` a new pointer before the next iteration",
  },
  closureCalledTwice: {
    code: 9015,
    rustc: "E0382",
    message: "use of moved value: the closure `{0}` moves `{1}` out of its environment, so it can be called only once: it was called on line {2}",
    help: "call `{0}` once, or have it move a clone of `{1}`",
  },
  leak: {
    code: 9016,
    message: "`{0}` leaks: the `{1}` it owns is not dropped, moved, returned or stored {2}",
    help: "declare it with `using` (dropped at the end of its scope), or call `{3}` on that path",
  },
} as const;

export type DiagnosticName = keyof typeof DIAGNOSTICS;

/** A text edit on the source: replace `[start, end)` by `text`. */
export interface Edit {
  readonly start: number;
  readonly end: number;
  readonly text: string;
}

/** A fix the editor can apply. */
export interface Fix {
  readonly description: string;
  readonly edits: readonly Edit[];
}

/** How a renderer shows a diagnostic: an error fails the build; a warning does not block the editor's user. */
export type Category = "error" | "warning";

/** A diagnostic as plain data: every renderer (tspc, `check`, the editor) formats it the same way. */
export interface Diagnostic {
  readonly name: DiagnosticName;
  readonly code: number;
  readonly category: Category;
  readonly start: number;
  readonly length: number;
  /** `[rustc E0802] message\n  help: ...` */
  readonly text: string;
  readonly fixes: readonly Fix[];
}

/** Reports diagnostic `name` at `node`, with `{0}`, `{1}`... filled from `args`. */
export type Report = (node: TS.Node, name: DiagnosticName, args: readonly string[], fixes?: readonly Fix[], category?: Category) => void;

/** The text of diagnostic `name`: `[rustc E0802] message\n  help: ...` (the code, TS9001, is the diagnostic's own). */
function diagnosticText(name: DiagnosticName, args: readonly string[]): string {
  const entry: { code: number; rustc?: string; message: string; help: string } = DIAGNOSTICS[name];
  const fill = (s: string) => s.replace(/\{(\d)\}/g, (_, i: string) => args[Number(i)] ?? "");
  return `${entry.rustc ? `[rustc ${entry.rustc}] ` : ""}${fill(entry.message)}\n  help: ${fill(entry.help)}`;
}

/** A reporter for `file` that collects into `into`. */
export function collector(file: TS.SourceFile, into: Diagnostic[]): Report {
  return (node, name, args, fixes = [], category = "error") => {
    const start = node.getStart(file);
    into.push({ name, code: DIAGNOSTICS[name].code, category, start, length: node.end - start, text: diagnosticText(name, args), fixes });
  };
}
