import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { root } from "./transformer/compile.js";

/**
 * A program bundled by a real esbuild and run by node. Without the plugin, receivers are found by
 * their parameter name `self`, which `--minify` renames: the runtime must then refuse to guess.
 */
const dir = join(root, "test/.out/minified");

const program = `import { Arc, type ArcBorrow } from "ts-smart-pointer";
class Job {
  n = 1;
  size(): number { return 7; }
  describe(prefix: string): string { return prefix + this.n; }
  count(self: ArcBorrow<this>, k: number): number { const a = Arc.from(self); const n = Arc.strongCount(a) + k; Arc.drop(a); return n; }
}
/** No receivers: the plugin gives it an empty table; called through an untyped pointer below. */
class Plain { greet(name: string): string { return "hi " + name; } }
const attempt = (what: string, f: () => unknown) => {
  try { console.log(what, f()); } catch (e) { console.log(what, (e as Error).constructor.name + ": " + (e as Error).message); }
};
const job = Arc.new(new Job());
attempt("size:", () => job.size());
attempt("describe:", () => job.describe("n="));
attempt("count:", () => Arc.asArcBorrow(job).count(10));
const plain: any = Arc.new(new Plain());
attempt("greet:", () => plain.greet("you"));
`;

const works = "size: 7\ndescribe: n=1\ncount: 12\ngreet: hi you\n";

function esbuild(entry: string, out: string, flags: string[]): void {
  execFileSync(join(root, "node_modules/.bin/esbuild"), [entry, "--bundle", "--platform=node", "--format=esm", "--target=node20", `--outfile=${out}`, "--log-level=error", ...flags], { cwd: dir, stdio: "pipe" });
}

const run = (bundle: string): string => execFileSync(process.execPath, [bundle], { cwd: dir, encoding: "utf8", stdio: "pipe" });

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.ts"), program);
});

describe("an esbuild bundle of a program, run with node", () => {
  test("unminified, without the plugin: receivers found by name", () => {
    esbuild("main.ts", "plain.mjs", []);
    expect(run("plain.mjs")).toBe(works);
  });

  test("--minify without the plugin: methods with parameters fail at their first call, naming the cause and the fix", () => {
    esbuild("main.ts", "minified.mjs", ["--minify"]);
    const lines = run("minified.mjs").split("\n");
    expect(lines[0]).toBe("size: 7"); // no parameter: cannot be a receiver
    const cause =
      /^TypeError: \w+\.(describe|count|greet): cannot tell whether this is a receiver method \(first parameter `self`\): a minifier renamed this bundle's parameters, and the class has no receiver table from the ts-smart-pointer plugin \(it was built without the plugin, or in a file the plugin had nothing to expand in\)\. Build it with the plugin \(tspc, or ts-smart-pointer\/bundler\) before minifying, or minify without renaming parameters \(esbuild: --minify-whitespace --minify-syntax instead of --minify; terser, swc: mangle: \{ reserved: \["self"\] \}\)\.$/;
    for (const [i, what] of ["describe:", "count:", "greet:"].entries()) {
      expect(lines[i + 1]!.startsWith(`${what} `)).toBe(true);
      expect(lines[i + 1]!.slice(what.length + 1)).toMatch(cause);
    }
  });

  test("the fix the error names for esbuild (minify, keep identifiers) runs correctly", () => {
    esbuild("main.ts", "kept.mjs", ["--minify-whitespace", "--minify-syntax"]);
    expect(run("kept.mjs")).toBe(works);
  });

  test("the other fix: compiled with the plugin, then bundled with --minify, runs correctly (a class with no table too)", () => {
    const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, types: [], rootDir: ".", outDir: "out" };
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, plugins: [{ transform: "ts-smart-pointer/transformer" }] }, files: ["main.ts"] }));
    execFileSync(process.execPath, [join(root, "node_modules/ts-patch/bin/tspc.js"), "-p", dir], { stdio: "pipe" });
    esbuild("out/main.js", "plugin.mjs", ["--minify"]);
    expect(run("plugin.mjs")).toBe(works);
  });
});
