import ts from "typescript";
import { describe, expect, test } from "vitest";
import { DIAGNOSTICS } from "../../transformer/core/diagnostics.js";
import { compile } from "./compile.js";

const header = `import { Arc, ArcBorrow, UniqueArc, ListArc, List, ListItem, SmartPointer, Pointee, type Pointer } from "ts-smart-pointer";\n`;

/** Compiles `body` (after the shared imports) and returns the plugin's diagnostics. */
function diagnose(body: string, allowTypeErrors = false): { codes: number[]; text: string } {
  const result = compile(ts, { "main.ts": header + body });
  if (!allowTypeErrors) expect(result.typeErrors).toEqual([]);
  return { codes: result.codes, text: result.diagnostics.join("\n") };
}

// One case per diagnostic: the misuse, the code, the line, and the rustc wording where rustc has the check.
const cases: [keyof typeof DIAGNOSTICS, string, RegExp, boolean?][] = [
  [
    "notAClass",
    `class C { @SmartPointer m() {} }`,
    /main\.ts\(2\): error TS9001: \[rustc E0802\] `SmartPointer` can only be applied to a class, not to a method `m`\n  help: put `@SmartPointer` on the pointer class/,
    true,
  ],
  ["noTypeParameter", `@SmartPointer class Box { readonly [Pointee]!: number; }`, /TS9002: \[rustc E0802\] `SmartPointer` can only be derived on classes that are generic over at least one type: `Box` has no type parameter/],
  ["noPointee", `@SmartPointer class Box<T> { value!: T; }`, /TS9003: \[rustc E0802\] `SmartPointer` class `Box` has no way to reach its pointee\n  help: declare `readonly \[Pointee\]: T`/],
  ["ambiguousPointee", `@SmartPointer class Pair<A, B> { readonly [Pointee]!: [A, B]; }`, /TS9004: \[rustc E0802\] exactly one generic type parameter must be the pointee to derive `SmartPointer`: `\[Pointee\]` of `Pair` has type `\[A, B\]`/],
  ["selfNotFirst", `class Job { run(n: number, self: Arc<this>) {} }`, /main\.ts\(2\): error TS9005: \[rustc E0307\] unexpected `self` parameter in method `run`: `self` must be the first parameter/],
  ["invalidSelfType", `class Job { run(self: Array<this>) {} }`, /TS9006: \[rustc E0307\] invalid `self` parameter type: `Array<this>`\n  help: type of `self` must be a smart pointer to `this`/],
  ["selfNotThis", `class Job { run(self: Arc<Job>) {} }`, /TS9007: \[rustc E0307\] invalid `self` parameter type: `Arc<Job>` points to `Job`, not to `this`\n  help: write `self: Arc<this>`/],
  ["staticReceiver", `class Job { static make(self: Arc<Job>) {} }`, /TS9008: \[rustc E0307\] static method `make` cannot take a `self` receiver/],
  [
    "ambiguousMember",
    `@SmartPointer class Rc<T> { readonly [Pointee]: T; constructor(v: T) { this[Pointee] = v; } size() { return 1; } }
     class Thing { size(self: Rc<this>) { return 2; } }
     const r = new Rc(new Thing()) as Pointer<Rc<Thing>, Thing>;
     r.size();`,
    /main\.ts\(5\): error TS9009: \[rustc E0034\] multiple applicable items in scope: `size` is both a member of the pointer `Rc` and a receiver method of its pointee/,
  ],
  ["notListItem", `class Plain {} ListArc.new(new Plain());`, /TS9010: \[rustc E0277\] the trait bound `Plain: ListItem<0>` is not satisfied: `Plain` carries no links for list id 0\n  help: declare the links on the class: `@ListItem\(\) class Plain/],
  ["badListId", `@ListItem(0, 0, -1, 1.5) class T {}`, /TS9011: invalid list id `0`[\s\S]*TS9011: invalid list id `-1`[\s\S]*TS9011: invalid list id `1.5`/],
  [
    "useAfterMove",
    `class Job { run(self: Arc<this>) { Arc.drop(self); } name = "j"; }
     const job = Arc.new(new Job());
     job.run();
     console.log(job.name);`,
    /main\.ts\(5\): error TS9012: \[rustc E0382\] use of moved value: `job` was moved by `job.run\(\)` on line 4\n  help: to keep a pointer, clone it: `Arc.clone\(job\)` before the move/,
  ],
  ["untypedSelf", `class Job { run(self) { return self; } }`, /TS9013: \[rustc E0307\] the `self` parameter of `run` has no type/, true],
];

describe("each misuse is a diagnostic with a stable code and a fix", () => {
  test.each(cases)("%s", (name, body, message, allowTypeErrors) => {
    const { codes, text } = diagnose(body, allowTypeErrors);
    expect(codes).toContain(DIAGNOSTICS[name].code);
    expect(text).toMatch(message);
  });

  test("every diagnostic in the table has a test", () => {
    expect(new Set(cases.map(([name]) => name))).toEqual(new Set(Object.keys(DIAGNOSTICS)));
  });

  test("codes are distinct", () => {
    const codes = Object.values(DIAGNOSTICS).map((d) => d.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});

describe("correct code gets no diagnostic", () => {
  test("the receiver convention, user pointers and lists", () => {
    const { codes } = diagnose(`
      @SmartPointer class Rc<T> { readonly [Pointee]: T; constructor(v: T) { this[Pointee] = v; } }
      @ListItem(0, 1) class Job {
        name = "j";
        run(self: ListArc<this>) { ListArc.drop(self); }
        peek(self: ArcBorrow<this>) { return Arc.from(self); }
        greet(self: Rc<this>) { return self; }
        plain(n: number) { return n; }
      }
      const job = Arc.new(new Job());
      const copy = Arc.clone(job);
      Arc.drop(copy);
      job.plain(1);
      const la = ListArc.new(new Job(), 1);
      const list = new List<Job, 1>(1);
      list.pushBack(la);
      if (Math.random() > 2) Arc.drop(job);
      console.log(job.name);
    `);
    expect(codes).toEqual([]);
  });

  test("a move in a branch or a loop is left to the runtime (no false positive)", () => {
    const { codes } = diagnose(`
      class Job { run(self: Arc<this>) { Arc.drop(self); } }
      let job = Arc.new(new Job());
      for (let i = 0; i < 1; i++) { Arc.clone(job).run(); }
      if (job) { job.run(); }
      job = Arc.new(new Job());
      job.run();
      job = Arc.new(new Job());
      console.log(job);
    `);
    expect(codes).toEqual([]);
  });
});
