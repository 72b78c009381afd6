import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { DIAGNOSTICS } from "../../transformer/core/diagnostics.js";
import { openProject, type LoadedProject } from "../../transformer/project.js";
import { compile } from "./compile.js";
import { userProject } from "./user-project.js";

const header = `import { Arc, ArcBorrow, UniqueArc, ListArc, List, ListItem, SmartPointer, Pointee, type Pointer } from "ts-smart-pointer";\n`;

/** The plugin's options, as in its tsconfig entry. */
type Config = Record<string, unknown>;

interface Diagnosed {
  codes: number[];
  /** `main.ts(line): error TSxxxx: text`, one per line. */
  text: string;
  typeErrors: number;
}

const compiled = new Map<string, Diagnosed>();
/** Through tspc's path: the transformer on TypeScript 5.9's JavaScript API (each program compiled once). */
function viaTransformer(body: string, config: Config = { mode: "release" }): Diagnosed {
  const key = JSON.stringify([body, config]);
  if (!compiled.has(key)) {
    const result = compile(ts, { "main.ts": header + body }, config);
    compiled.set(key, { codes: result.codes, text: result.diagnostics.join("\n"), typeErrors: result.typeErrors.length });
  }
  return compiled.get(key)!;
}

/** Compiles `body` through the transformer and returns its diagnostics; the body must type-check unless allowed. */
function diagnose(body: string, allowTypeErrors = false, config?: Config): { codes: number[]; text: string } {
  const { codes, text, typeErrors } = viaTransformer(body, config);
  if (!allowTypeErrors) expect(typeErrors).toBe(0);
  return { codes, text };
}

/**
 * Through TypeScript 7's checker process: every program is a file of one project per plugin
 * configuration (read from the project's tsconfig entry, as `check` reads it), checked once.
 */
function viaNative(programs: readonly (readonly [body: string, config?: Config])[]): { diagnose: (body: string, config?: Config) => Diagnosed; close: () => void } {
  const projects = new Map<string, LoadedProject>();
  const keyOf = (config: Config = {}) => JSON.stringify({ ...config, mode: undefined });
  const fileOf = new Map(programs.map(([body, config], i) => [JSON.stringify([body, keyOf(config)]), `case${i}.ts`]));
  beforeAll(async () => {
    for (const key of new Set(programs.map(([, config]) => keyOf(config)))) {
      const files = Object.fromEntries(programs.filter(([, config]) => keyOf(config) === key).map(([body, config]) => [fileOf.get(JSON.stringify([body, keyOf(config)]))!, header + body]));
      const plugins = [{ transform: "ts-smart-pointer/transformer", ...JSON.parse(key) }];
      const dir = userProject(`diagnostics-ts7-${projects.size}`, "typescript-7", files, { plugins });
      projects.set(key, await openProject(join(dir, "tsconfig.json")));
    }
  });
  return {
    diagnose(body, config) {
      const project = projects.get(keyOf(config))!;
      const file = fileOf.get(JSON.stringify([body, keyOf(config)]))!;
      const analysed = project.files.find((f) => f.fileName.endsWith(`/${file}`))!;
      const text = readFileSync(analysed.fileName, "utf8");
      const line = (offset: number) => text.slice(0, offset).split("\n").length;
      return {
        codes: analysed.diagnostics.map((d) => d.code),
        text: analysed.diagnostics.map((d) => `main.ts(${line(d.start)}): ${d.category} TS${d.code}: ${d.text}`).join("\n"),
        typeErrors: project.typescriptDiagnostics.filter((d) => d.fileName?.endsWith(`/${file}`)).length,
      };
    },
    close: () => projects.forEach((p) => p.close()),
  };
}

// One case per diagnostic: the misuse, the code, the line, and the rustc wording where rustc has the check.
const cases: [keyof typeof DIAGNOSTICS, string, RegExp, boolean?, Record<string, unknown>?][] = [
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
  [
    "useAfterMoveInLoop",
    `class Job { run(self: Arc<this>) { Arc.drop(self); } }
     const job = Arc.new(new Job());
     for (let i = 0; i < 2; i++) job.run();`,
    /main\.ts\(4\): error TS9014: \[rustc E0382\] use of moved value: `job` was moved by `job\.run\(\)` on line 4, in previous iteration of loop\n  help: to keep a pointer, clone it: `Arc\.clone\(job\)` before the move; or give `job` a new pointer before the next iteration/,
  ],
  [
    "closureCalledTwice",
    `const job = Arc.new({ n: 1 });
     const finish = () => Arc.drop(job);
     finish();
     finish();`,
    /main\.ts\(5\): error TS9015: \[rustc E0382\] use of moved value: the closure `finish` moves `job` out of its environment, so it can be called only once: it was called on line 4\n  help: call `finish` once, or have it move a clone of `job`/,
  ],
  [
    "leak",
    `export function open(): number {
       const fd = Arc.new({ n: 3 });
       if (fd.n > 2) return 0;
       Arc.drop(fd);
       return 1;
     }`,
    /main\.ts\(3\): error TS9016: `fd` leaks: the `Arc` it owns is not dropped, moved, returned or stored at the `return` on line 4\n  help: declare it with `using` \(dropped at the end of its scope\), or call `Arc\.drop\(fd\)` on that path/,
    false,
    { mode: "release", leaks: "error" },
  ],
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
      console.log(job.name);
      if (Math.random() > 2) Arc.drop(job);
    `,
  "moves that a reassignment undoes, in branches and loops, are no error": `
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

const native = viaNative([...cases.map(([, body, , , config]) => [body, config] as const), ...Object.values(correct).map((body) => [body] as const)]);
afterAll(() => native.close());

// One table, two backends: the same diagnostics, positions and texts from each.
describe.each([
  ["TypeScript 5.9 (the tspc transformer)", viaTransformer],
  ["TypeScript 7 (its checker process)", (body: string, config?: Config) => native.diagnose(body, config)],
])("%s", (_name, run) => {
  test.each(cases)("%s", (name, body, message, allowTypeErrors, config) => {
    const { codes, text, typeErrors } = run(body, config);
    if (!allowTypeErrors) expect(typeErrors).toBe(0);
    expect(codes).toContain(DIAGNOSTICS[name].code);
    expect(text).toMatch(message);
  });

  test.each(Object.entries(correct))("no diagnostic: %s", (_, body) => {
    expect(run(body)).toEqual({ codes: [], text: "", typeErrors: 0 });
  });
});

test("both backends report exactly the same diagnostics for every program", () => {
  for (const [, body, , , config] of cases) expect(native.diagnose(body, config).text).toBe(viaTransformer(body, config).text);
  for (const body of Object.values(correct)) expect(native.diagnose(body).text).toBe(viaTransformer(body).text);
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

describe("leaks (TS9016) follow the `leaks` option", () => {
  const leaky = `export function f(): number { const a = Arc.new({ n: 1 }); return a.n; }`;
  test("off by default, a warning or an error when asked", () => {
    expect(diagnose(leaky).codes).toEqual([]);
    expect(diagnose(leaky, false, { leaks: "warn" }).text).toMatch(/^main\.ts\(2\): warning TS9016: `a` leaks: the `Arc` it owns is not dropped, moved, returned or stored at the `return` on line 2/);
    expect(diagnose(leaky, false, { leaks: "error" }).text).toMatch(/^main\.ts\(2\): error TS9016/);
  });

  test("a pointer dropped, moved, returned, stored or declared with `using` does not leak", () => {
    const { codes } = diagnose(
      `export class Keep { held: Arc<{ n: number }>[] = []; }
       export function f(keep: Keep): Arc<{ n: number }> {
         const dropped = Arc.new({ n: 1 });
         Arc.drop(dropped);
         const stored = Arc.new({ n: 2 });
         keep.held.push(stored);
         using scoped = Arc.new({ n: 3 });
         const moved = Arc.asArcBorrow(scoped);
         const returned = Arc.from(moved);
         return returned;
       }`,
      false,
      { leaks: "error" },
    );
    expect(codes).toEqual([]);
  });
});

describe("suppression, as TypeScript users expect", () => {
  const moved = (directive: string) => `const job = Arc.new({ n: 1 });\nArc.drop(job);\n${directive}\nconsole.log(job.n);\n`;
  test("`// @ts-ignore` and `// @ts-expect-error` on the line before silence a plugin diagnostic", () => {
    expect(diagnose(moved("")).codes).toEqual([9012]);
    expect(diagnose(moved("// @ts-ignore")).codes).toEqual([]);
    expect(diagnose(moved("/* @ts-ignore */")).codes).toEqual([]);
    // TypeScript itself reports the directive as unused (TS2578): the plugin's diagnostic is not a type error.
    expect(diagnose(moved("// @ts-expect-error: on purpose"), true).codes).toEqual([]);
  });

  test("a directive reaches over comment lines, not over code, and a lookalike is no directive", () => {
    expect(diagnose(moved("// @ts-ignore\n// why")).codes).toEqual([]);
    expect(diagnose(moved("// @ts-ignore\nconsole.log(0);")).codes).toEqual([9012]);
    expect(diagnose(moved("// ts-ignore")).codes).toEqual([9012]);
    expect(diagnose(moved("// see @ts-ignore")).codes).toEqual([9012]);
  });
});
