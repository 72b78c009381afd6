import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
import { root } from "./transformer/compile.js";

/**
 * The package as a user installs it: `npm pack` of the built tree, installed into a fresh project,
 * loaded with `require` and with `import` in one process.
 */
const project = join(root, "test/.out/commonjs-project");

beforeAll(() => {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  // --ignore-scripts: `npm test` has just built dist/, which is what `prepare` would do again.
  execFileSync("npm", ["pack", "--ignore-scripts", "--pack-destination", project], { cwd: root, stdio: "pipe" });
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"))!;
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "user", private: true }));
  execFileSync("npm", ["install", "--no-audit", "--no-fund", "--ignore-scripts", `./${tarball}`], { cwd: project, stdio: "pipe" });
}, 120_000);

/** Runs `source` as the user's file `name` (its extension picks CommonJS or ESM); returns stdout. */
function run(name: string, source: string, env: Record<string, string> = {}, flags: string[] = []): string {
  writeFileSync(join(project, name), source);
  return execFileSync(process.execPath, [...flags, name], { cwd: project, encoding: "utf8", stdio: "pipe", env: { ...process.env, ...env } });
}

/** A CommonJS file that makes pointers with `require` and hands them to `import`, and back. */
const mixed = `
const cjs = require("ts-smart-pointer");
class Job { constructor(n) { this.n = n; } run(self) { const n = this.n + cjs.Arc.strongCount(self); cjs.Arc.drop(self); return n; } [Symbol.dispose]() { console.log("disposed " + this.n); } }
cjs.ListItem()(Job);
(async () => {
  const esm = await import("ts-smart-pointer");
  console.log("same module:", cjs === esm);
  const a = cjs.Arc.new(new Job(1));
  const b = esm.Arc.clone(a);
  console.log("count:", esm.Arc.strongCount(a), cjs.Arc.strongCount(b), "ptrEq:", cjs.Arc.ptrEq(a, b));
  console.log("receiver:", esm.Arc.clone(b).run());
  const list = new esm.List();
  list.pushBack(cjs.ListArc.new(new Job(2)));
  list.pushBack(esm.ListArc.new(new Job(3)));
  const first = list.popFront();
  console.log("popped:", first.n, first instanceof cjs.ListArcCore, "left:", [...list].map((x) => x.n).join());
  cjs.ListArc.drop(first);
  esm.Arc.drop(a);
  cjs.Arc.drop(b);
  list[Symbol.dispose]();
  try { esm.Arc.drop(b); } catch (e) { console.log("double drop:", e instanceof cjs.DoubleDropError); }
  const abi = require("ts-smart-pointer/internal/abi");
  console.log("same abi:", abi.abi2 === (await import("ts-smart-pointer/internal/abi")).abi2);
})();
`;

describe("require and import of the installed tarball share one runtime", () => {
  test("pointers pass between require and import (debug)", () => {
    expect(run("mixed.cjs", mixed)).toBe(
      ["same module: true", "count: 2 2 ptrEq: true", "receiver: 4", "popped: 2 true left: 3", "disposed 2", "disposed 1", "disposed 3", "double drop: true", "same abi: true", ""].join("\n"),
    );
  });

  test("release mode is one setting for both (release shares one handle per value)", () => {
    const out = run("release.cjs", `const cjs = require("ts-smart-pointer");\nimport("ts-smart-pointer").then((esm) => { const a = cjs.Arc.new({}); console.log(esm.Arc.clone(a) === a); });\n`, {
      NODE_ENV: "production",
    });
    expect(out).toBe("true\n");
  });

  test("an ES module that imports the package and requires a CommonJS module of the user's shares it too", () => {
    run("make.cjs", `const { Arc } = require("ts-smart-pointer");\nexports.make = () => Arc.new({ name: "from require" });\n`);
    const out = run("main.mjs", `import { Arc } from "ts-smart-pointer";\nimport { createRequire } from "node:module";\nconst p = createRequire(import.meta.url)("./make.cjs").make();\nconsole.log(Arc.deref(p).name, Arc.strongCount(Arc.clone(p)));\n`);
    expect(out).toBe("from require 2\n");
  });

  test("a Node without require(esm) gets an error that says so and what to do, not a second runtime", () => {
    const source = `try { require("ts-smart-pointer"); } catch (e) { console.log(e.message); }\n`;
    expect(run("old-node.cjs", source, {}, ["--no-experimental-require-module"])).toMatch(
      /^require\("ts-smart-pointer"\) needs Node's require\(esm\), on by default from Node 20\.19 and 22\.12, but off in this Node \(\d+\.\d+\.\d+\): upgrade Node .*or load the package with `import`/,
    );
  });

  test("a TypeScript CommonJS file (module nodenext) type-checks against the package and runs", () => {
    writeFileSync(join(project, "typed.cts"), `import { Arc, ListArc, List, ListItem } from "ts-smart-pointer";\n@ListItem()\nclass Job { n = 1; }\nconst list = new List<Job>();\nlist.pushBack(ListArc.new(new Job()));\nexport const count: number = Arc.strongCount(Arc.new(list.popFront()!.n));\n`);
    const tsc = join(root, "node_modules/typescript/bin/tsc");
    execFileSync(process.execPath, [tsc, "--module", "nodenext", "--target", "es2022", "--strict", "--skipLibCheck", "--outDir", "typed", "typed.cts"], { cwd: project, stdio: "pipe" });
    expect(run("typed-main.cjs", `console.log(require("./typed/typed.cjs").count);\n`)).toBe("1\n");
  });
});
