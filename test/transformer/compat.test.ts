import ts59 from "typescript";
import * as ts7 from "typescript-7";
import { execFileSync } from "node:child_process";
import { describe, expect, test } from "vitest";
import smartPointerTransformer from "../../transformer/index.js";
import { compile, writeOut } from "./compile.js";
import { typescripts } from "./typescripts.js";

// The transformer uses the `ts` instance it is handed, so it runs under each TypeScript version.
const source = `
import { Arc, List, ListArc, ListItem, SmartPointer, Pointee, type Pointer } from "ts-smart-pointer";
@SmartPointer class RcPtr<T> { readonly [Pointee]: T; constructor(v: T) { this[Pointee] = v; } }
type Rc<T> = Pointer<RcPtr<T>, T>;
@ListItem()
class Job {
  n = 1;
  run(self: ListArc<this>, q: List<Job>) { (this as { n: number }).n++; if (this.n < 3) q.pushBack(self); else ListArc.drop(self); }
  twice(self: Arc<this>) { const n = this.n * 2; Arc.drop(self); return n; }
  hello(self: Rc<this>) { return "hello " + this.n; }
}
const q = new List<Job>();
q.pushBack(ListArc.new(new Job()));
let steps = 0;
for (let j = q.popFront(); j; j = q.popFront()) { j.run(q); steps++; }
const a = Arc.new(new Job());
console.log(steps, a.n, Arc.clone(a).twice(), (new RcPtr(new Job()) as Rc<Job>).hello());
`;

describe.each(typescripts)("TypeScript %s", (version, ts) => {
  test.each(["inline", "thunk"])("the %s expansion compiles, runs, and matches 5.9's output", (strategy) => {
    expect(ts.version.startsWith(version)).toBe(true);
    const result = compile(ts, { "main.ts": source }, { mode: "release", strategy });
    expect(result.typeErrors).toEqual([]);
    expect(result.diagnostics).toEqual([]);
    const js = result.js["main.ts"]!;
    expect(js).toContain(strategy === "inline" ? "a[__spPointee_1].n" : "__sp_move_twice_1(Arc.clone(a))");
    expect(js).toBe(compile(ts59, { "main.ts": source }, { mode: "release", strategy }).js["main.ts"]);
    const out = execFileSync(process.execPath, [writeOut(`compat-${version}-${strategy}.mjs`, js)], { encoding: "utf8" });
    expect(out).toBe("2 1 2 hello 1\n");
  });

  test("diagnostics work too", () => {
    const result = compile(ts, { "main.ts": `import { Arc } from "ts-smart-pointer";\nclass J { m(n: number, self: Arc<this>) {} }` });
    expect(result.codes).toEqual([9005]);
  });
});

describe("a TypeScript the plugin cannot run under", () => {
  const program = {} as Parameters<typeof smartPointerTransformer>[0];

  test("TypeScript 7 (no transformer API): the error names the version and what to install instead", () => {
    expect(ts7.version).toMatch(/^7\./);
    expect(() => smartPointerTransformer(program, {}, { ts: ts7 as unknown as typeof ts59 })).toThrow(
      new TypeError(
        `ts-smart-pointer/transformer: TypeScript ${ts7.version} has no transformer API. Build with TypeScript 5.0 to 6.x (\`npm i -D typescript@6 ts-patch@3.3\`, then \`tspc\`), or keep TypeScript 7 and expand with the bundler plugin (ts-smart-pointer/bundler) or the Node loader (ts-smart-pointer/register).`,
      ),
    );
  });

  test("no TypeScript instance at all: the error says how to pass one", () => {
    expect(() => smartPointerTransformer(program, {})).toThrow(/needs the TypeScript instance: build with ts-patch \(`tspc`\), or pass `\{ ts \}`/);
  });
});

// TypeScript's CommonJS emit rewrites the uses of the imports it bound, not of the one the plugin
// adds: a CommonJS file gets the ABI through require (it once read an undefined `__sp_1`).
test.each(["release", "debug"])("a CommonJS file (.cts) gets the runtime's ABI through require, and runs, mode %s", (mode) => {
  const source = `import { Arc } from "ts-smart-pointer";\nclass Job { n = 2; run(self: Arc<this>, k: number): number { Arc.drop(self); return this.n * k; } }\nconst job = Arc.new(new Job());\nconsole.log(Arc.clone(job).run(3), job.n);\n`;
  const { js, typeErrors } = compile(ts59, { "main.cts": source }, { mode });
  expect(typeErrors).toEqual([]);
  expect(js["main.cts"]).toContain(`require("ts-smart-pointer/internal/abi").abi2`);
  expect(js["main.cts"]).not.toMatch(/^import /m);
  expect(execFileSync(process.execPath, [writeOut(`compat-commonjs-${mode}.cjs`, js["main.cts"]!)], { encoding: "utf8" })).toBe("6 2\n");
});
