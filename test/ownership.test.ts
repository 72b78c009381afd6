import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, join } from "node:path";
import ts from "typescript";
// @ts-expect-error a plain .mjs module shared with `npm start`, without type declarations
import { examples as listedExamples } from "../examples/examples.mjs";
import { describe, expect, test } from "vitest";
import { jsQueries } from "../transformer/backends/js.js";
import { createAnalysis, type AnalysisOptions } from "../transformer/core/analyse.js";
import { openProject } from "../transformer/project.js";
import { languageService } from "./language-service/service.js";
import { compilerOptions, root } from "./transformer/compile.js";
import { userProject } from "./transformer/user-project.js";

/**
 * The ownership corpus (test/ownership-corpus/*.ts): each program marks the line of every
 * diagnostic it must get with `// error: TS9012` (several codes: `// error: TS9012 TS9016`); a
 * program with no mark must get none. Run through the analysis core on each backend, leaks as
 * errors; the figures (caught / expected, false positives) are printed and must be perfect.
 */
const dir = join(root, "test/ownership-corpus");
const programs = readdirSync(dir)
  .filter((f) => f.endsWith(".ts") && !f.startsWith("_"))
  .sort();
const files = readdirSync(dir).filter((f) => f.endsWith(".ts")).map((f) => join(dir, f));

/** `line:code` for every mark in `text` (lines 1-based). */
export function expectedMarks(text: string): string[] {
  return text.split("\n").flatMap((line, i) => [...(/\/\/ error: ((?:TS\d+ ?)+)/.exec(line)?.[1]?.trim().split(/\s+/) ?? [])].map((code) => `${i + 1}:${code}`));
}

/** What one front end reports for the corpus: `line:code` per program, and any type error. */
interface CorpusRun {
  diagnosticsOf(name: string): string[];
  readonly typeErrors: readonly string[];
  close(): void;
}

const options: AnalysisOptions = { leaks: "error" };
const pluginEntry = { transform: "ts-smart-pointer/transformer", ...options };
const lineCode = (text: string, d: { start: number; code: number }) => `${text.slice(0, d.start).split("\n").length}:TS${d.code}`;

/** The front ends the corpus runs through: the core on each backend, and the editor plugin. */
const frontEnds: [string, () => Promise<CorpusRun>][] = [
  [
    "the core on TypeScript 5.9",
    async () => {
      const program = ts.createProgram(files, compilerOptions(ts));
      const typeErrors = ts.getPreEmitDiagnostics(program).map((d) => `${d.file?.fileName}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`);
      const analysis = createAnalysis(jsQueries(ts, program), options);
      return {
        diagnosticsOf: (name) => {
          const file = program.getSourceFile(join(dir, name))!;
          return analysis.analyseFile(file).diagnostics.map((d) => lineCode(file.text, d));
        },
        typeErrors,
        close: () => undefined,
      };
    },
  ],
  [
    "check on TypeScript 7",
    async () => {
      const corpus = Object.fromEntries(files.map((f) => [basename(f), readFileSync(f, "utf8")]));
      const project = await openProject(join(userProject("ownership-ts7", "typescript-7", corpus, { plugins: [pluginEntry] }), "tsconfig.json"));
      return {
        diagnosticsOf: (name) => {
          const file = project.files.find((f) => basename(f.fileName) === name)!;
          const text = readFileSync(file.fileName, "utf8");
          return file.diagnostics.map((d) => lineCode(text, d));
        },
        typeErrors: project.typescriptDiagnostics.map((d) => `${d.fileName}: ${d.text}`),
        close: () => project.close(),
      };
    },
  ],
  [
    "the editor plugin (a TypeScript 5.9 language service)",
    async () => {
      const corpus = Object.fromEntries(files.map((f) => [basename(f), readFileSync(f, "utf8")]));
      const editor = languageService(ts, corpus, { types: ["node"], plugins: [pluginEntry] as unknown as ts.PluginImport[] });
      const all = programs.map((name) => [name, editor.service.getSemanticDiagnostics(editor.path(name))] as const);
      return {
        diagnosticsOf: (name) => all.find(([n]) => n === name)![1].filter((d) => d.source === "ts-smart-pointer").map((d) => lineCode(editor.text(name), { start: d.start!, code: d.code })),
        typeErrors: all.flatMap(([name, found]) => found.filter((d) => d.source !== "ts-smart-pointer").map((d) => `${name}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`)),
        close: () => undefined,
      };
    },
  ],
];

describe.each(frontEnds)("the ownership corpus through %s", (frontEnd, load) => {
  test(`${programs.length} programs: every expected diagnostic, and nothing else`, async () => {
    expect(programs.length).toBeGreaterThanOrEqual(80);
    const run = await load();
    try {
      expect(run.typeErrors, "corpus programs must type-check").toEqual([]);
      let expectedCount = 0;
      const missed: string[] = [];
      const falsePositives: string[] = [];
      for (const name of programs) {
        const expected = expectedMarks(readFileSync(join(dir, name), "utf8"));
        const got = run.diagnosticsOf(name);
        expectedCount += expected.length;
        missed.push(...expected.filter((m) => !got.includes(m)).map((m) => `${name}:${m}`));
        falsePositives.push(...got.filter((m) => !expected.includes(m)).map((m) => `${name}:${m}`));
      }
      const caught = expectedCount - missed.length;
      console.log(`ownership corpus through ${frontEnd}: ${programs.length} programs, caught ${caught} / ${expectedCount} expected diagnostics, ${falsePositives.length} false positives`);
      expect({ missed, falsePositives }).toEqual({ missed: [], falsePositives: [] });
    } finally {
      run.close();
    }
  }, 180_000);
});

test("through tspc, as users build: the same diagnostics, and a failed build", () => {
  const out = join(root, "test/.out/ownership-tspc");
  mkdirSync(out, { recursive: true });
  const project = join(out, "tsconfig.json");
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, types: ["node"], lib: ["ES2022", "ESNext.Disposable", "ESNext.Decorators"], rootDir: dir, outDir: join(out, "js") };
  writeFileSync(project, JSON.stringify({ compilerOptions: { ...compilerOptions, plugins: [{ transform: "ts-smart-pointer/transformer", leaks: "error" }] }, files }));
  let output = "";
  let status = 0;
  try {
    output = execFileSync(process.execPath, [join(root, "node_modules/ts-patch/bin/tspc.js"), "-p", project, "--pretty", "false"], { encoding: "utf8", stdio: "pipe" });
  } catch (error) {
    ({ status, stdout: output } = error as { status: number; stdout: string });
  }
  const got = [...output.matchAll(/ownership-corpus\/([\w-]+\.ts)\((\d+),\d+\): error (TS\d+)/g)].map(([, name, line, code]) => `${name}:${line}:${code}`).sort();
  const expected = programs.flatMap((name) => expectedMarks(readFileSync(join(dir, name), "utf8")).map((m) => `${name}:${m}`)).sort();
  expect(got).toEqual(expected);
  expect(status).toBe(2); // errors reported, output generated
});

test("the marks are read as written", () => {
  expect(expectedMarks("a\nb // error: TS9012\nc // error: TS9014 TS9016\n")).toEqual(["2:TS9012", "3:TS9014", "3:TS9016"]);
  expect(expectedMarks(readFileSync(join(dir, "_shared.ts"), "utf8"))).toEqual([]);
});

/** The README's `ts` code blocks, each written out as a module of its own. */
function readmeBlocks(): string[] {
  const out = join(root, "test/.out/readme-blocks");
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  const blocks = [...readFileSync(join(root, "README.md"), "utf8").matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]!);
  return blocks.map((code, i) => {
    const path = join(out, `block${i}.ts`);
    writeFileSync(path, code);
    return path;
  });
}

function tsFiles(at: string): string[] {
  return readdirSync(at, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath, e.name));
}

test("real code gets no ownership diagnostic, leaks included: the examples, the README's code, tiny-invariant and RxJS", () => {
  const examples = readdirSync(join(root, "examples")).filter((f) => f.endsWith(".ts")).map((f) => join(root, "examples", f));
  const readme = readmeBlocks();
  const thirdParty = [join(root, "node_modules/tiny-invariant/src/tiny-invariant.ts"), ...tsFiles(join(root, "node_modules/rxjs/src"))];
  const program = ts.createProgram([...examples, ...readme, ...thirdParty], { ...compilerOptions(ts), lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.esnext.disposable.d.ts", "lib.decorators.d.ts"] });
  const analysis = createAnalysis(jsQueries(ts, program), options);
  expect(analysis.enabled).toBe(true);
  const files = [...examples, ...readme, ...thirdParty].map((f) => program.getSourceFile(f)!);
  const results = files.map((file) => [file, analysis.analyseFile(file)] as const);
  // The examples are analysed as pointer code (their calls are expansion sites), not skipped.
  const programs = (listedExamples as { name: string }[]).map((e) => join(root, "examples", `${e.name}.ts`));
  expect(results.filter(([file, r]) => programs.includes(file.fileName) && r.sites.length > 0).length).toBe(programs.length);
  const found = results.flatMap(([file, r]) => r.diagnostics.map((d) => `${file.fileName}:${file.getLineAndCharacterOfPosition(d.start).line + 1}: TS${d.code} ${d.text}`));
  console.log(`real code: ${examples.length} examples, ${readme.length} README blocks, ${thirdParty.length} third-party files: ${found.length} diagnostics`);
  expect(readme.length).toBeGreaterThanOrEqual(2);
  expect(thirdParty.length).toBeGreaterThan(200);
  expect(found).toEqual([]);
});
