import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DIAGNOSTICS } from "../../transformer/core/diagnostics.js";
import { openProject, type LoadedProject } from "../../transformer/project.js";
import { compile } from "./compile.js";
import { userProject } from "./user-project.js";

const header = `import { Arc, ArcBorrow, UniqueArc, ListArc, List, ListItem, SmartPointer, Pointee, type Pointer } from "ts-smart-pointer";\n`;

interface Diagnosed {
  codes: number[];
  /** `main.ts(line): error TSxxxx: text`, one per line. */
  text: string;
  typeErrors: number;
}

const compiled = new Map<string, Diagnosed>();
/** Through tspc's path: the transformer on TypeScript 5.9's JavaScript API (each program compiled once). */
function viaTransformer(body: string): Diagnosed {
  if (!compiled.has(body)) {
    const result = compile(ts, { "main.ts": header + body });
    compiled.set(body, { codes: result.codes, text: result.diagnostics.join("\n"), typeErrors: result.typeErrors.length });
  }
  return compiled.get(body)!;
}

/** Through TypeScript 7's checker process: every program is a file of one project, checked once. */
function viaNative(programs: Record<string, string>): { diagnose: (body: string) => Diagnosed; close: () => void } {
  let project: LoadedProject;
  const names = new Map(Object.entries(programs).map(([name, body], i) => [body, `case${i}-${name.replace(/\W+/g, "-")}.ts`]));
  beforeAll(async () => {
    const files = Object.fromEntries([...names].map(([body, file]) => [file, header + body]));
    project = await openProject(join(userProject("diagnostics-ts7", "typescript-7", files), "tsconfig.json"));
  });
  return {
    diagnose(body) {
      const file = names.get(body)!;
      const analysed = project.files.find((f) => f.fileName.endsWith(`/${file}`))!;
      const text = readFileSync(analysed.fileName, "utf8");
      const line = (offset: number) => text.slice(0, offset).split("\n").length;
      return {
        codes: analysed.diagnostics.map((d) => d.code),
        text: analysed.diagnostics.map((d) => `main.ts(${line(d.start)}): error TS${d.code}: ${d.text}`).join("\n"),
        typeErrors: project.typescriptDiagnostics.filter((d) => d.fileName?.endsWith(`/${file}`)).length,
      };
    },
    close: () => project.close(),
  };
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

/** Correct programs: they must get no diagnostic. */
const correct: Record<string, string> = {
  "the receiver convention, user pointers and lists": `
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
    `,
  "a move in a branch or a loop is left to the runtime (no false positive)": `
      class Job { run(self: Arc<this>) { Arc.drop(self); } }
      let job = Arc.new(new Job());
      for (let i = 0; i < 1; i++) { Arc.clone(job).run(); }
      if (job) { job.run(); }
      job = Arc.new(new Job());
      job.run();
      job = Arc.new(new Job());
      console.log(job);
    `,
  "Arc.from(borrow) borrows: the borrow stays usable": `
      class Job { name = "j"; }
      const job = Arc.new(new Job());
      const b = Arc.asArcBorrow(job);
      const again = Arc.from(b);
      console.log(b.name, again.name);
    `,
};

const programs = { ...Object.fromEntries(cases.map(([name, body]) => [name, body])), ...correct };
const native = viaNative(programs);
afterAll(() => native.close());

// One table, two backends: the same diagnostics, positions and texts from each.
describe.each([
  ["TypeScript 5.9 (the tspc transformer)", viaTransformer],
  ["TypeScript 7 (its checker process)", (body: string) => native.diagnose(body)],
])("%s", (_name, diagnose) => {
  test.each(cases)("%s", (name, body, message, allowTypeErrors) => {
    const { codes, text, typeErrors } = diagnose(body);
    if (!allowTypeErrors) expect(typeErrors).toBe(0);
    expect(codes).toContain(DIAGNOSTICS[name].code);
    expect(text).toMatch(message);
  });

  test.each(Object.entries(correct))("no diagnostic: %s", (_, body) => {
    expect(diagnose(body)).toEqual({ codes: [], text: "", typeErrors: 0 });
  });
});

test("both backends report exactly the same diagnostics for every program", () => {
  for (const body of Object.values(programs)) expect(native.diagnose(body).text).toBe(viaTransformer(body).text);
});

test("the runtime is the package users import, not a file path: a project's own runtime/list.ts is not the runtime's List", () => {
  const { codes, typeErrors } = compile(ts, {
    "runtime/list.ts": `export class List<T> { pushBack(item: T): T { return item; } }\n`,
    "main.ts": `import { Arc } from "ts-smart-pointer";\nimport { List } from "./runtime/list.js";\nconst job = Arc.new({ n: 1 });\nnew List<typeof job>().pushBack(job);\nconsole.log(job.n);\n`,
  });
  expect(typeErrors).toEqual([]);
  expect(codes).toEqual([]);
});

test("every diagnostic in the table has a test", () => {
  expect(new Set(cases.map(([name]) => name))).toEqual(new Set(Object.keys(DIAGNOSTICS)));
});

test("codes are distinct", () => {
  const codes = Object.values(DIAGNOSTICS).map((d) => d.code);
  expect(new Set(codes).size).toBe(codes.length);
});
