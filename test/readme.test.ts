import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "./transformer/compile.js";
import { tsc } from "./tsc.js";

/** The README's quick start, as a new user would copy it, compiled with plain compilers. */
const readme = readFileSync(join(root, "README.md"), "utf8");
const quickStart = readme.slice(readme.indexOf("## Quick start"));
const program = /```ts\n([\s\S]*?)```/.exec(quickStart)![1]!;
const expected = /It prints:\n\n```text\n([\s\S]*?)```/.exec(quickStart)![1]!;

const dir = join(root, "test/.out/readme");
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, "main.ts"), program);
const tsconfig = (outDir: string) => ({
  compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, lib: ["ES2022", "ESNext.Disposable"], types: ["node"], rootDir: ".", outDir },
  files: ["main.ts"],
});

describe.each([
  ["TypeScript 5.9", "typescript"],
  ["TypeScript 7", "typescript-7"],
])("the README's quick start under %s (no plugin)", (_name, pkg) => {
  test("compiles and prints what the README says", () => {
    const project = join(dir, `tsconfig.${pkg}.json`);
    writeFileSync(project, JSON.stringify(tsconfig(`out-${pkg}`)));
    const { code, output } = tsc(pkg, "-p", project);
    expect(output).toBe("");
    expect(code).toBe(0);
    expect(execFileSync(process.execPath, [join(dir, `out-${pkg}`, "main.js")], { encoding: "utf8" })).toBe(expected);
  });
});
