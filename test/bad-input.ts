import { readFileSync } from "node:fs";
import { expect, test, vi } from "vitest";

/**
 * The bad-input matrix: every public function and method of the runtime that takes an argument,
 * called with each kind of bad input in each argument position (the other arguments valid). Each
 * call must either throw an error the library made on purpose, naming the function, or do what the
 * README documents for that input; never throw an engine error from inside the library, and never
 * accept a bad input silently. Run in both modes (bad-input.test.ts, bad-input-release.test.ts).
 *
 * "Made on purpose" is read off the error itself: a SmartPointerError or TypeError whose message
 * names the function, created (its stack's top frame, past the error classes' constructors) at a
 * `new ...Error(` in runtime/. An engine error's top frame is the faulting load or call instead.
 */

type Runtime = typeof import("../runtime/index.js");
type Mode = "debug" | "release";

/** What a bad input is, for the functions that document accepting some. */
type Tag = "object" | "class" | "pointer" | "retired" | "pointerLike" | "owned" | "listId" | `kind:${string}`;

interface Input {
  readonly name: string;
  readonly tags: readonly Tag[];
  readonly make: () => unknown;
}

interface Fixtures {
  rt: Runtime;
  /** A fresh `@ListItem()` value (list id 0). */
  item(): object;
  /** A fresh `@ListItem(0, 1)` value. */
  item01(): object;
  arc(): unknown;
  unique(): unknown;
  listArc(id?: number): unknown;
  list(id?: number): InstanceType<Runtime["List"]>;
}

function fixtures(rt: Runtime): Fixtures {
  class Item {
    n = 1;
  }
  rt.ListItem()(Item);
  class Item01 {
    n = 2;
  }
  rt.ListItem(0, 1)(Item01);
  const f: Fixtures = {
    rt,
    item: () => new Item(),
    item01: () => new Item01(),
    arc: () => rt.Arc.new(new Item()),
    unique: () => rt.UniqueArc.new(new Item01()),
    listArc: (id = 0) => rt.ListArc.new(new Item01(), id as 0),
    list: (id = 0) => new rt.List(id as 0),
  };
  return f;
}

/** At least 60 kinds of bad input, each made fresh for every call (calls may consume them). */
function badInputs(f: Fixtures): Input[] {
  const { rt } = f;
  class Rc {
    constructor(value: unknown) {
      (this as Record<symbol, unknown>)[rt.Pointee] = value;
    }
  }
  rt.SmartPointer(Rc);
  class NotAnItem {
    n = 3;
  }
  const p = (name: string, make: () => unknown): Input => ({ name, tags: [], make });
  const o = (name: string, make: () => unknown, ...tags: Tag[]): Input => ({ name, tags: ["object", ...tags], make });
  const fn = (name: string, make: () => unknown, ...tags: Tag[]): Input => ({ name, tags, make });
  const ptr = (kind: string, name: string, make: () => unknown, ...tags: Tag[]): Input => ({ name, tags: ["object", "pointer", `kind:${kind}`, ...tags], make });
  const id = (name: string, make: () => unknown): Input => ({ name, tags: ["listId"], make });
  const dropped = (make: () => unknown, drop: (p: never) => void) => () => {
    const x = make();
    drop(x as never);
    return x;
  };
  /** A value whose list slots exist (as the plugin's constructor makes them), out of any ListArc. */
  const hadListArc = () => {
    const value = f.item01();
    for (const listArc of rt.ListArc.pairFromUnique(rt.UniqueArc.new(value), 0, 1)) rt.ListArc.drop(listArc);
    return value;
  };
  const inList = () => {
    const la = f.listArc();
    f.list().pushBack(la as never);
    return la;
  };
  return [
    p("undefined", () => undefined),
    p("null", () => null),
    p("true", () => true),
    p("false", () => false),
    id("0", () => 0),
    id("-0", () => -0),
    id("1", () => 1),
    p("-1", () => -1),
    p("0.5", () => 0.5),
    p("NaN", () => NaN),
    p("Infinity", () => Infinity),
    p("-Infinity", () => -Infinity),
    p("2**53", () => 2 ** 53),
    p("65536", () => 65536),
    id("65535", () => 65535),
    p("2**32", () => 2 ** 32),
    p('""', () => ""),
    p('"0"', () => "0"),
    p('"Arc"', () => "Arc"),
    p("1n", () => 1n),
    p("Symbol()", () => Symbol("s")),
    p("a registered symbol named like an internal one", () => Symbol.for("ts-smart-pointer.cell")),
    o("{}", () => ({})),
    o("[]", () => []),
    o("[1, 2]", () => [1, 2]),
    o("a null-prototype object", () => Object.create(null)),
    o("a frozen object", () => Object.freeze({})),
    o("a sealed object", () => Object.seal({})),
    o("a non-extensible object", () => Object.preventExtensions({})),
    o("a Date", () => new Date(0)),
    o("a RegExp", () => /x/),
    o("a Map", () => new Map()),
    o("a Set", () => new Set()),
    o("a WeakMap", () => new WeakMap()),
    o("a Promise", () => Promise.resolve()),
    o("an Error", () => new Error("e")),
    o("a Proxy of {}", () => new Proxy({}, {})),
    o("new Number(1)", () => new Number(1)),
    o('new String("s")', () => new String("s")),
    o("a Uint8Array", () => new Uint8Array(2)),
    o("an ArrayBuffer", () => new ArrayBuffer(8)),
    o("an object shaped like a refcount cell", () => ({ count: 1, value: {}, arc: null, borrow: null })),
    o("an object whose constructor's name is a null-prototype object", () => ({ constructor: { name: Object.create(null) } })),
    o("an object whose constructor is a number", () => ({ constructor: 5 })),
    o("an object that converts to 0", () => ({ valueOf: () => 0, toString: () => "0" })),
    o("a null-prototype object with Symbol.toPrimitive", () => Object.assign(Object.create(null), { [Symbol.toPrimitive]: () => 0 })),
    o("an iterator of a list", () => f.list()[Symbol.iterator]()),
    o("a generator object", () => (function* () {})()),
    fn("a function", () => function () {}),
    fn("an arrow function", () => () => {}),
    fn("an async function", () => async function () {}),
    fn("a generator function", () => function* () {}),
    fn("a bound function", () => function () {}.bind(null)),
    fn("a class", () => class {}, "class"),
    fn("a method", () => ({ m() {} }).m),
    o("an object with a Pointee key", () => ({ [rt.Pointee]: {} }), "pointerLike"),
    o("an object inheriting from an Arc", () => Object.create(f.arc() as object), "pointerLike"),
    o("a spread copy of an Arc", () => ({ ...(f.arc() as object) }), "pointerLike"),
    o("a spread copy of a ListArc", () => ({ ...(f.listArc() as object) }), "pointerLike"),
    ptr("Arc", "an Arc", () => f.arc()),
    ptr("Arc", "an Arc of a primitive", () => rt.Arc.new(5)),
    ptr("Arc", "a dropped Arc", dropped(() => f.arc(), rt.Arc.drop), "retired"),
    ptr("Arc", "a moved Arc", () => {
      const a = f.arc();
      rt.UniqueArc.drop(rt.Arc.intoUniqueOrDrop(a as never)!);
      return a;
    }, "retired"),
    ptr("UniqueArc", "a UniqueArc", () => f.unique()),
    ptr("UniqueArc", "a dropped UniqueArc", dropped(() => f.unique(), rt.UniqueArc.drop), "retired"),
    ptr("ArcBorrow", "an ArcBorrow", () => rt.Arc.asArcBorrow(f.arc() as never)),
    ptr("ArcBorrow", "a dangling ArcBorrow", () => {
      const a = f.arc();
      const b = rt.Arc.asArcBorrow(a as never);
      rt.Arc.drop(a as never);
      return b;
    }, "retired"),
    ptr("ListArc", "a ListArc", () => f.listArc()),
    ptr("ListArc", "a ListArc for list id 1", () => f.listArc(1)),
    ptr("ListArc", "a dropped ListArc", dropped(() => f.listArc(), rt.ListArc.drop), "retired"),
    ptr("ListArc", "a ListArc moved into a List", inList, "retired"),
    ptr("Rc", "a user @SmartPointer", () => new Rc({ n: 1 })),
    o("a List", () => f.list()),
    o("a List for id 1", () => f.list(1)),
    o("a Cursor", () => f.list().cursorFront()),
    o("a CursorPeek", () => {
      const list = f.list();
      list.pushBack(f.listArc() as never);
      return list.cursorFront().peekNext();
    }),
    // @ListItem(0, 1) values, so that they are items for every list id the functions are given.
    o("a @ListItem value", () => f.item01()),
    o("a frozen @ListItem value", () => Object.freeze(f.item01())),
    o("a sealed @ListItem value", () => Object.seal(f.item01())),
    o("a non-extensible @ListItem value", () => Object.preventExtensions(f.item01())),
    o("a frozen @ListItem value that had a ListArc", () => Object.freeze(hadListArc())),
    o("a @ListItem value with its prototype set to null", () => Object.setPrototypeOf(f.item01(), null)),
    o("a value inheriting from a @ListItem prototype", () => Object.create(Object.getPrototypeOf(f.item01()))),
    ptr("Arc", "an Arc of a frozen @ListItem value", () => rt.Arc.new(Object.freeze(f.item01()))),
    ptr("UniqueArc", "a UniqueArc of a frozen @ListItem value", () => rt.UniqueArc.new(Object.freeze(f.item01()))),
    ptr("UniqueArc", "a UniqueArc of a non-extensible @ListItem value", () => rt.UniqueArc.new(Object.preventExtensions(f.item01()))),
    o("a value of a class that is not a @ListItem", () => new NotAnItem()),
    o("a spread copy of a value that has a ListArc", () => {
      const la = f.listArc();
      return { ...(rt.Arc.deref(la as never) as object) };
    }),
    o("a value already in a ListArc", () => rt.Arc.deref(f.listArc() as never), "owned"),
  ];
}

/** A public function, called with `args` (fresh valid arguments) where one is replaced by a bad input. */
interface Fn {
  readonly name: string;
  /** The name its errors use (defaults to `name`). */
  readonly operation?: string;
  readonly args: readonly (() => unknown)[];
  readonly call: (args: unknown[]) => unknown;
  /** A method: its first argument is the object it is called on, which is not varied. */
  readonly method?: true;
  /** The bad inputs this position accepts, as the README documents (default: none). */
  readonly accepts?: (position: number, input: Input) => boolean;
}

const has = (input: Input, tag: Tag) => input.tags.includes(tag);

/** Release mode trusts a pointer-shaped argument on its hot paths (README, "Debug and release"). */
const releaseTrusts = (mode: Mode, input: Input) => mode === "release" && (has(input, "pointer") || has(input, "pointerLike"));
/** Release mode checks a pointer's kind but not that it is one itself, not a copy or an heir (README). */
const releaseLooksLike = (mode: Mode, input: Input) => mode === "release" && has(input, "pointerLike");
/** Release mode does not retire handles, so a dropped or moved one is not caught (README). */
const releaseLive = (mode: Mode, input: Input) => mode === "release" && has(input, "retired");
const isKind = (input: Input, ...kinds: string[]) => kinds.some((k) => has(input, `kind:${k}`));

function functions(f: Fixtures, mode: Mode): Fn[] {
  const { rt } = f;
  const { Arc, UniqueArc, ListArc, List, Cursor, CursorPeek } = rt;
  const anyValue = () => true;
  const live = (...kinds: string[]) => (_: number, input: Input) => isKind(input, ...kinds) && (!has(input, "retired") || releaseLive(mode, input));
  const validId = (input: Input) => has(input, "listId");
  /** An id argument with a default: undefined is the default id, 0 (README). */
  const defaultedId = (input: Input, ...valid: string[]) => input.name === "undefined" || valid.includes(input.name);
  const dispose = (proto: object) => (args: unknown[]) => (proto as { [Symbol.dispose](): void })[Symbol.dispose].call(args[0]);
  const fns: Fn[] = [
    { name: "Arc.new", args: [() => f.item()], call: ([v]) => Arc.new(v), accepts: anyValue },
    { name: "Arc.clone", args: [f.arc], call: ([a]) => Arc.clone(a as never), accepts: (p, i) => live("Arc")(p, i) || releaseTrusts(mode, i) },
    { name: "Arc.drop", args: [f.arc], call: ([a]) => Arc.drop(a as never), accepts: (p, i) => live("Arc")(p, i) || releaseTrusts(mode, i) },
    { name: "Arc[Symbol.dispose]", args: [f.arc], call: dispose(rt.ArcCore.prototype), accepts: (p, i) => live("Arc")(p, i) || releaseTrusts(mode, i) },
    { name: "Arc.strongCount", args: [f.arc], call: ([a]) => Arc.strongCount(a as never), accepts: live("Arc") },
    { name: "Arc.ptrEq", args: [f.arc, f.arc], call: ([a, b]) => Arc.ptrEq(a as never, b as never), accepts: live("Arc") },
    // Any pointer, by its prototype: an object inheriting from one is one, as a user pointer's subclass is.
    { name: "Arc.deref", args: [f.arc], call: ([a]) => Arc.deref(a as never), accepts: (p, i) => live("Arc", "UniqueArc", "ArcBorrow", "ListArc", "Rc")(p, i) || i.name === "an object inheriting from an Arc" },
    { name: "Arc.asArcBorrow", args: [f.arc], call: ([a]) => Arc.asArcBorrow(a as never), accepts: live("Arc") },
    { name: "Arc.intoUniqueOrDrop", args: [f.arc], call: ([a]) => Arc.intoUniqueOrDrop(a as never), accepts: live("Arc") },
    { name: "Arc.from", args: [f.unique], call: ([u]) => Arc.from(u as never), accepts: live("UniqueArc", "ArcBorrow") },
    { name: "UniqueArc.new", args: [() => f.item()], call: ([v]) => UniqueArc.new(v), accepts: anyValue },
    { name: "UniqueArc.drop", args: [f.unique], call: ([u]) => UniqueArc.drop(u as never), accepts: (p, i) => live("UniqueArc")(p, i) || releaseTrusts(mode, i) },
    { name: "UniqueArc[Symbol.dispose]", args: [f.unique], call: dispose(rt.UniqueArcCore.prototype), accepts: (p, i) => live("UniqueArc")(p, i) || releaseTrusts(mode, i) },
    {
      name: "ListArc.new",
      args: [f.item01, () => 1],
      call: ([v, id]) => ListArc.new(v, id as 0),
      // Release does not track which values a pointer owns (README): a second family is not caught.
      accepts: (pos, i) => (pos === 1 ? defaultedId(i, "0", "-0", "1") : i.name === "a @ListItem value" || i.name === "a value inheriting from a @ListItem prototype" || (mode === "release" && has(i, "owned"))),
    },
    { name: "ListArc.from", args: [f.unique, () => 1], call: ([u, id]) => ListArc.from(u as never, id as 0), accepts: (pos, i) => (pos === 1 ? defaultedId(i, "0", "-0", "1") : live("UniqueArc")(pos, i)) },
    {
      name: "ListArc.pairFromUnique",
      args: [f.unique, () => 1],
      call: ([u, id2]) => ListArc.pairFromUnique(u as never, id2 as 1),
      accepts: (pos, i) => (pos === 1 ? i.name === "1" : live("UniqueArc")(pos, i)),
    },
    {
      name: "ListArc.pairFromUnique",
      operation: "ListArc.pairFromUnique",
      args: [f.unique, () => 0, () => 1],
      call: ([u, id1, id2]) => ListArc.pairFromUnique(u as never, id1 as 0, id2 as 1),
      accepts: (pos, i) => (pos === 0 ? live("UniqueArc")(pos, i) : pos === 1 ? i.name === "0" || i.name === "-0" : i.name === "1"),
    },
    { name: "ListArc.tryFromArc", args: [() => Arc.new(f.item01()), () => 1], call: ([a, id]) => ListArc.tryFromArc(a as never, id as 0), accepts: (pos, i) => (pos === 1 ? defaultedId(i, "0", "-0", "1") : live("Arc")(pos, i)) },
    { name: "ListArc.tryFromArcOrDrop", args: [() => Arc.new(f.item01()), () => 1], call: ([a, id]) => ListArc.tryFromArcOrDrop(a as never, id as 0), accepts: (pos, i) => (pos === 1 ? defaultedId(i, "0", "-0", "1") : live("Arc")(pos, i)) },
    { name: "ListArc.cloneArc", args: [f.listArc], call: ([l]) => ListArc.cloneArc(l as never), accepts: live("ListArc") },
    { name: "ListArc.strongCount", args: [f.listArc], call: ([l]) => ListArc.strongCount(l as never), accepts: live("ListArc") },
    { name: "ListArc.intoArc", args: [f.listArc], call: ([l]) => ListArc.intoArc(l as never), accepts: live("ListArc") },
    { name: "ListArc.asArcBorrow", args: [f.listArc], call: ([l]) => ListArc.asArcBorrow(l as never), accepts: live("ListArc") },
    { name: "ListArc.ptrEq", args: [f.listArc, f.listArc], call: ([a, b]) => ListArc.ptrEq(a as never, b as never), accepts: live("ListArc") },
    { name: "ListArc.drop", args: [f.listArc], call: ([l]) => ListArc.drop(l as never), accepts: live("ListArc") },
    { name: "ListArc[Symbol.dispose]", args: [f.listArc], call: dispose(rt.ListArcCore.prototype), accepts: live("ListArc") },
    { name: "new List", args: [() => 0], call: ([id]) => new List(id as 0), accepts: (_, i) => validId(i) || i.name === "undefined" },
    { name: "List.pushBack", method: true, args: [f.list, f.listArc], call: ([list, la]) => (list as InstanceType<typeof List>).pushBack(la as never), accepts: (pos, i) => pos === 1 && live("ListArc")(pos, i) && i.name !== "a ListArc for list id 1" },
    { name: "List.pushFront", method: true, args: [f.list, f.listArc], call: ([list, la]) => (list as InstanceType<typeof List>).pushFront(la as never), accepts: (pos, i) => pos === 1 && live("ListArc")(pos, i) && i.name !== "a ListArc for list id 1" },
    // Any object that is not an item of this list: null (README: "null if it is not in *this* list").
    { name: "List.remove", method: true, args: [f.list, f.item], call: ([list, item]) => (list as InstanceType<typeof List>).remove(item as never), accepts: (pos, i) => pos === 1 && has(i, "object") },
    { name: "List.pushAllBack", method: true, args: [f.list, f.list], call: ([list, other]) => (list as InstanceType<typeof List>).pushAllBack(other as never), accepts: (pos, i) => pos === 1 && i.name === "a List" },
    { name: "Cursor.insertNext", method: true, args: [() => f.list().cursorFront(), f.listArc], call: ([c, la]) => (c as InstanceType<typeof Cursor>).insertNext(la as never), accepts: (pos, i) => pos === 1 && live("ListArc")(pos, i) && i.name !== "a ListArc for list id 1" },
    { name: "Cursor.insertPrev", method: true, args: [() => f.list().cursorFront(), f.listArc], call: ([c, la]) => (c as InstanceType<typeof Cursor>).insertPrev(la as never), accepts: (pos, i) => pos === 1 && live("ListArc")(pos, i) && i.name !== "a ListArc for list id 1" },
    { name: "@ListItem", args: [() => 0], call: ([id]) => rt.ListItem(id as number), accepts: (_, i) => validId(i) },
    { name: "@ListItem", operation: "@ListItem", args: [() => class {}], call: ([cls]) => rt.ListItem()(cls as never), accepts: (_, i) => has(i, "class") || i.name === "a function" || i.name === "a generator function" },
    { name: "@SmartPointer", args: [() => class {}], call: ([cls]) => rt.SmartPointer(cls as never), accepts: (_, i) => has(i, "class") || i.name === "a function" || i.name === "a generator function" },
    // Internal (not in the type declarations), but callable: CursorPeek.remove's own check.
    { name: "Cursor.removeAt", operation: "CursorPeek.remove", method: true, args: [() => f.list().cursorFront(), () => undefined], call: ([c, node]) => (c as { removeAt(n: unknown): unknown }).removeAt(node) },
    { name: "new Cursor", args: [f.list], call: ([list]) => new Cursor(list as never, undefined as never, undefined as never) },
    { name: "new CursorPeek", args: [() => f.list().cursorFront()], call: ([c]) => new CursorPeek(c as never, undefined as never) },
  ];
  return fns;
}

const V8_MESSAGES = /Cannot read propert|Cannot set propert|Cannot convert|is not a function|is not iterable|is not extensible|Cannot add property|Cannot assign to read only|Cannot read private member|Cannot write private member|Cannot create property|Cannot define property|called on non-object|Cannot mix BigInt|Invalid array length|Maximum call stack/;

/** The source text at the error's creation site (its top stack frame past the error classes), or why there is none. */
function creationSite(error: Error): string {
  const frames = (error.stack ?? "").split("\n").filter((l) => l.startsWith("    at "));
  const frame = frames.find((l) => !/\/runtime\/errors\.ts:/.test(l));
  const at = frame && /\((\/[^():]+\/runtime\/[^():]+\.ts):(\d+):(\d+)\)$|at (\/[^():]+\/runtime\/[^():]+\.ts):(\d+):(\d+)$/.exec(frame);
  if (!at) return `not in runtime/: ${frame ?? "no stack"}`;
  const [file, line, column] = at[1] ? [at[1], at[2], at[3]] : [at[4], at[5], at[6]];
  return readFileSync(file!, "utf8").split("\n")[Number(line) - 1]!.slice(Number(column) - 1);
}

/** Why `error` is not one the library made on purpose for `operation`, or undefined if it is. */
function notDeliberate(rt: Runtime, error: unknown, operation: string): string | undefined {
  if (!(error instanceof rt.SmartPointerError) && !(error instanceof TypeError)) return `not a SmartPointerError or TypeError: ${String(error)}`;
  if (V8_MESSAGES.test(error.message)) return `an engine message: ${error.message}`;
  if (!error.message.includes(operation)) return `the message does not name ${operation}: ${error.message}`;
  const site = creationSite(error);
  if (!/^new \w*Error\(/.test(site)) return `not created at a deliberate \`new ...Error(\`: ${site}`;
  return undefined;
}

/**
 * Every function and method the runtime exports, by the names the matrix uses, with its declared
 * parameter count. (The error classes are left out: the library constructs them.)
 */
function publicFunctions(rt: Runtime): Map<string, number> {
  const found = new Map<string, number>();
  const classes: [string, Function][] = [["Arc", rt.ArcCore], ["UniqueArc", rt.UniqueArcCore], ["ArcBorrow", rt.ArcBorrowCore], ["ListArc", rt.ListArcCore], ["List", rt.List], ["Cursor", rt.Cursor], ["CursorPeek", rt.CursorPeek]];
  for (const [name, cls] of classes) {
    if (name === "List" || name === "Cursor" || name === "CursorPeek") found.set(`new ${name}`, cls.length);
    for (const key of Object.getOwnPropertyNames(cls)) {
      const fn = (cls as unknown as Record<string, unknown>)[key];
      if (typeof fn === "function") found.set(`${name}.${key}`, fn.length);
    }
    for (const key of Reflect.ownKeys(cls.prototype as object)) {
      const fn = Reflect.getOwnPropertyDescriptor(cls.prototype as object, key)!.value as unknown;
      const member = typeof key === "string" ? `.${key}` : key === Symbol.dispose ? "[Symbol.dispose]" : key === Symbol.iterator ? "[Symbol.iterator]" : undefined; // other symbols are internal
      if (key !== "constructor" && member !== undefined && typeof fn === "function") found.set(name + member, fn.length);
    }
  }
  found.set("@ListItem", rt.ListItem.length);
  found.set("@SmartPointer", rt.SmartPointer.length);
  return found;
}

export function badInputMatrix(mode: Mode, load: () => Promise<Runtime>): void {
  test(`${mode}: the matrix covers every exported function and method that takes an argument`, async () => {
    const rt = await load();
    const covered = new Set(functions(fixtures(rt), mode).map((fn) => fn.name));
    const missing = [...publicFunctions(rt)].filter(([name, parameters]) => !covered.has(name) && parameters > 0).map(([name]) => name);
    expect(missing).toEqual([]);
    // What is left takes no argument (`new List`'s id is a rest parameter, so it counts 0: covered above).
    const none = [...publicFunctions(rt).keys()].filter((name) => !covered.has(name)).sort();
    expect(none).toEqual(
      ["Cursor.movePrev", "Cursor.moveNext", "Cursor.peekNext", "Cursor.peekPrev", "Cursor.removeNext", "Cursor.removePrev", "CursorPeek.arc", "CursorPeek.remove", "List.back", "List.cursorBack", "List.cursorFront", "List.front", "List.isEmpty", "List.len", "List.popBack", "List.popFront", "List[Symbol.dispose]", "List[Symbol.iterator]"].sort(),
    );
  });

  test(`${mode}: every public function refuses every bad input with its own typed error, or does what is documented`, async () => {
    const rt = await load();
    const warnings = vi.spyOn(process, "emitWarning").mockImplementation(() => {}); // release saturation warnings
    const f = fixtures(rt);
    const inputs = badInputs(f);
    expect(inputs.length).toBeGreaterThanOrEqual(60);
    const failures: string[] = [];
    let cells = 0;
    try {
      for (const fn of functions(f, mode)) {
        const operation = fn.operation ?? fn.name;
        for (let position = fn.method ? 1 : 0; position < fn.args.length; position++) {
          for (const input of inputs) {
            const args = fn.args.map((make) => make());
            args[position] = input.make();
            const where = `${fn.name} (argument ${fn.method ? position : position + 1}: ${input.name})`;
            cells++;
            try {
              fn.call(args);
            } catch (error) {
              const why = notDeliberate(rt, error, operation);
              if (why) failures.push(`${where}: ${why}`);
              continue;
            }
            if (!fn.accepts?.(position, input) && !releaseLooksLike(mode, input)) failures.push(`${where}: accepted silently`);
          }
        }
      }
    } finally {
      warnings.mockRestore();
    }
    expect(failures).toEqual([]);
    expect(cells).toBeGreaterThan(60 * 40);
  });
}

/** Frozen values: a @ListItem the runtime must write to is refused with the reason and the fix; a frozen user pointer works. */
export function frozenValues(mode: Mode, load: () => Promise<Runtime>): void {
  test(`${mode}: a frozen or non-extensible @ListItem value is refused before anything is consumed; a sealed one with its slots works`, async () => {
    const rt = await load();
    const f = fixtures(rt);
    const why = /: this Item01 is frozen or not extensible, but a @ListItem value must be writable: its ListArc is recorded on the value itself \(one slot per list id\)\. Freeze or seal it only after its ListArcs are made/;
    expect(() => rt.ListArc.new(Object.freeze(f.item01()))).toThrow(new RegExp(`^ListArc\\.new${why.source}`));
    expect(() => rt.ListArc.new(Object.preventExtensions(f.item01()), 1)).toThrow(new RegExp(`^ListArc\\.new${why.source}`));

    const unique = rt.UniqueArc.new(Object.seal(f.item01()));
    expect(() => rt.ListArc.from(unique)).toThrow(new RegExp(`^ListArc\\.from${why.source}`));
    expect(rt.Arc.strongCount(rt.Arc.from(unique))).toBe(1); // not consumed by the refused conversion

    const arc = rt.Arc.new(Object.freeze(f.item01()));
    expect(() => rt.ListArc.tryFromArcOrDrop(arc, 1)).toThrow(new RegExp(`^ListArc\\.tryFromArcOrDrop${why.source}`));
    expect(rt.Arc.strongCount(arc)).toBe(1);

    // Slots made while the value was writable: sealing keeps them writable, freezing does not.
    const sealed = f.item01();
    rt.ListArc.drop(rt.ListArc.new(sealed));
    Object.seal(sealed);
    const list = f.list();
    list.pushBack(rt.ListArc.new(sealed) as never);
    expect(list.remove(sealed as never)).not.toBeNull();
    const frozen = f.item01();
    rt.ListArc.drop(rt.ListArc.new(frozen));
    expect(() => rt.ListArc.new(Object.freeze(frozen))).toThrow(why);
  });

  test(`${mode}: a frozen user pointer still reaches its pointee (it cannot be adopted, so it is served through the trap)`, async () => {
    const rt = await load();
    class Box {
      constructor(value: unknown) {
        (this as Record<symbol, unknown>)[rt.Pointee] = value;
        Object.freeze(this);
      }
    }
    rt.SmartPointer(Box);
    const box = new Box({ n: 1, hi(this: { n: number }) { return `hi ${this.n}`; } }) as unknown as { n: number; hi(): string; missing?: unknown };
    expect([box.n, box.hi(), box.missing]).toEqual([1, "hi 1", undefined]);
    box.n = 2; // a user pointer forwards writes
    expect(box.hi()).toBe("hi 2");
    expect(Object.isFrozen(box)).toBe(true);
  });
}

