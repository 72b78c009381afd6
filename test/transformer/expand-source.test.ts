import { execFileSync } from "node:child_process";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { jsQueries } from "../../transformer/backends/js.js";
import { createAnalysis } from "../../transformer/core/analyse.js";
import { expandSource } from "../../transformer/expand-source.js";
import smartPointerTransformer from "../../transformer/index.js";
import { readOptions } from "../../transformer/options.js";
import { compile, compilerOptions, virtualFile, virtualProgram, writeOut } from "./compile.js";
import { constructs, header, shapes } from "./constructs.js";
import { examplePrograms, sameCode, transpiled } from "./expand-source-helpers.js";

// The two renderings of the expansion, the tspc transformer's AST and the source edits for
// bundlers, must give the same program: stripping the types of the edited source gives the tspc
// output token for token (imports aside: a stripper drops the import of a decorator the edits
// removed, where tsc keeps it).

const programs = { ...constructs, ...shapes };

describe.each(["inline", "thunk"])("source edits equal the tspc expansion, strategy %s", (strategy) => {
  describe.each(["release", "debug"])("mode %s", (mode) => {
    test.each(Object.keys(programs))("%s", (name) => {
      const files = { "main.ts": header + programs[name] };
      const tspc = compile(ts, files, { mode, strategy });
      expect(tspc.typeErrors).toEqual([]);
      expect(tspc.diagnostics).toEqual([]);
      const program = virtualProgram(ts, files);
      const file = virtualFile(program, "main.ts");
      const analysis = createAnalysis(jsQueries(ts, program)).analyseFile(file);
      const edited = expandSource(file.text, "main.ts", analysis, readOptions({ mode, strategy }));
      if (name === "no-pointers") return expect(edited).toBeUndefined();
      expect(edited).toBeDefined();
      const js = transpiled(ts, edited!.code, compilerOptions(ts));
      sameCode(ts, js, tspc.js["main.ts"]!);
    });
  });
});

describe("source edits of the examples", () => {
  test.each(["release", "debug"])("every example expands to the tspc output, mode %s", (mode) => {
    const { program, options } = examplePrograms(ts);
    const config = { mode };
    const analysis = createAnalysis(jsQueries(ts, program));
    const tspc: Record<string, string> = {};
    program.emit(undefined, (name, text) => void (name.endsWith(".js") && (tspc[name] = text)), undefined, false, { before: [smartPointerTransformer(program, config, { ts })] });
    const own = program.getRootFileNames().map((f) => program.getSourceFile(f)!);
    expect(own.length).toBeGreaterThanOrEqual(5);
    for (const file of own) {
      const edited = expandSource(file.text, file.fileName, analysis.analyseFile(file), readOptions(config));
      const emitted = Object.entries(tspc).find(([name]) => name.endsWith(file.fileName.replace(/^.*\//, "").replace(/\.ts$/, ".js")))![1];
      sameCode(ts, transpiled(ts, edited?.code ?? file.text, options), emitted);
    }
  });
});

test("a call opened with `(` does not continue a statement that has no `;`; an import after code", () => {
  const body = `
let runs = 0;
class Job { run(self: Arc<this>): number { Arc.drop(self); return ++runs; } }
const job = Arc.new(new Job())
Arc.clone(job).run()
const lazy = () => 1
Arc.clone(job).run()
if (runs > 0) Arc.clone(job).run()
console.log(runs, lazy())
import { sep } from "node:path"; // an import after code: the expansion's key is set before that code runs
console.log(typeof sep)
`;
  const files = { "main.ts": header + body };
  const program = virtualProgram(ts, files);
  const file = virtualFile(program, "main.ts");
  const edited = expandSource(file.text, "main.ts", createAnalysis(jsQueries(ts, program)).analyseFile(file), readOptions({ mode: "release" }))!;
  expect(edited.code).toContain("\n;(_a = Arc.clone(job))");
  expect(edited.code).toContain("if (runs > 0) (_c = Arc.clone(job))"); // a statement's body, not a list: no `;`
  const run = (name: string, js: string) => execFileSync(process.execPath, [writeOut(name, js)], { encoding: "utf8" });
  expect(run("asi-edits.mjs", transpiled(ts, edited.code, compilerOptions(ts)))).toBe("3 1\nstring\n");
  expect(run("asi-tspc.mjs", compile(ts, files, { mode: "release" }).js["main.ts"]!)).toBe("3 1\nstring\n");
});

describe("the edited source", () => {
  const files = { "main.ts": header + constructs["receiver-calls"] };
  const program = virtualProgram(ts, files);
  const file = virtualFile(program, "main.ts");
  const analysis = createAnalysis(jsQueries(ts, program)).analyseFile(file);

  test("maps back to the original: each call's pointer is where it was", () => {
    const edited = expandSource(file.text, "main.ts", analysis, readOptions({ mode: "release" }))!;
    expect(edited.map.sources).toEqual(["main.ts"]);
    expect(edited.map.sourcesContent).toEqual([file.text]);
    // The edited text's lines map to the original's: the edits add lines, the map accounts for them.
    const original = file.text.split("\n").findIndex((l) => l.includes("Arc.clone(jobs[0]!).run(2)"));
    const line = edited.code.split("\n").findIndex((l) => l.includes("Arc.clone(jobs[0]!))"));
    expect(line).toBeGreaterThan(original);
    expect(edited.map.mappings.split(";")[line]).not.toBe("");
  });

  test("names it adds avoid the file's own names", () => {
    const taken = header + "const __sp_1 = 1, _a = 2, __spPointee_1 = 3;\n" + constructs["receiver-calls"];
    const p = virtualProgram(ts, { "main.ts": taken });
    const f = virtualFile(p, "main.ts");
    const edited = expandSource(f.text, "main.ts", createAnalysis(jsQueries(ts, p)).analyseFile(f), readOptions({ mode: "release" }))!;
    expect(edited.code).toContain("abi2 as __sp_2 ");
    expect(edited.code).toContain("const __spPointee_2 = __sp_2.Pointee");
    expect(edited.code).toMatch(/^var _b, _c, _d;/);
  });
});
