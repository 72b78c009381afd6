import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect, test } from "vitest";
import { root } from "./transformer/compile.js";

// Not a performance test: a tiny smoke run so the benchmarks keep compiling and running.
test("npm run bench --smoke builds every case and reports every figure", () => {
  execFileSync(process.execPath, ["bench/run.mjs", "--smoke"], { cwd: root, encoding: "utf8", stdio: "pipe" });
  const results = JSON.parse(readFileSync(join(root, "test/.out/bench-smoke.json"), "utf8")) as Record<string, { ratio: number; target: number | null; baseline: string; limit?: { ns: number; keepingNs?: number }; tspcFigure?: string; tspcRatio?: number; targetValue?: number | null; inPlugin?: number; load?: number }>;
  const figures = Object.keys(results);
  for (const expected of [
    "receiver call p.m(x) on an Arc",
    "receiver call on Arc<Interface>, 8 classes (megamorphic)",
    "receiver call, no transformer, one class at the site after 8 served",
    "field read through a pointer",
    "Arc.clone + Arc.drop, release",
    "Arc.clone + Arc.drop, debug",
    "event queue: push 1000, cancel half, drain",
    "push/pop 1e6 items",
    "push/pop, 1024 items held steady",
    "SharedArc.clone + SharedArc.drop, uncontended",
    "SharedArc.clone + SharedArc.drop, 2 threads contending",
    "tspc build of a 200-file project using pointers",
    "type-check time of that project",
    "check of that project, TypeScript 5.9",
    "check of that project, TypeScript 7",
    "editor: semantic diagnostics of every file of that project",
    "editor: semantic diagnostics of the edited file, over 20 edits",
    "type-check time of that project, plain tsc 5.9",
    "type-check time of that project, TypeScript 7",
    "Vite 7 dev server: one edited file re-transformed, TypeScript 5.9",
    "Vite 7 dev server: one edited file re-transformed, TypeScript 7",
    "Vite 8 dev server: one edited file re-transformed, TypeScript 5.9",
    "Vite 8 dev server: one edited file re-transformed, TypeScript 7",
  ]) {
    expect(figures).toContain(expected);
  }
  for (const [name, r] of Object.entries(results)) {
    expect(Number.isFinite(r.ratio) && r.ratio > 0, name).toBe(true);
    expect(typeof r.baseline).toBe("string");
    expect(r.target === null || typeof r.target === "number").toBe(true);
  }
  // The list figures are also read against the limit, a hand-written intrusive list.
  for (const name of ["event queue: push 1000, cancel half, drain", "push/pop 1e6 items", "push/pop, 1024 items held steady"]) {
    expect(results[name]!.limit!.ns, name).toBeGreaterThan(0);
  }
  // The call and list cases built through the bundler plugin (esbuild, plain and minified): each
  // figure beside its tspc twin, with that twin's ratio.
  const twins = ["receiver call p.m(x) on an Arc", "receiver call on Arc<Interface>, 8 classes (megamorphic)", "field read through a pointer", "push/pop 1e6 items", "event queue: push 1000, cancel half, drain"];
  for (const label of ["esbuild plugin", "esbuild plugin, minified"]) {
    for (const twin of twins) {
      const r = results[`${twin} [${label}]`];
      expect(r, `${twin} [${label}]`).toBeDefined();
      expect(r!.tspcFigure).toBe(twin);
      expect(r!.tspcRatio).toBe(results[twin]!.ratio);
      expect(r!.target).toBe(results[twin]!.target);
      expect(figures.indexOf(`${twin} [${label}]`)).toBeGreaterThan(figures.indexOf(twin));
    }
  }
  // The dev-server figures: the edit's transform with the part in the plugin, and the first load.
  for (const name of figures.filter((f) => f.startsWith("Vite "))) {
    expect(results[name]!.targetValue, name).toBe(name.endsWith("TypeScript 5.9") ? 100 : null);
    expect(results[name]!.inPlugin, name).toBeGreaterThan(0);
    expect(results[name]!.load, name).toBeGreaterThan(0);
  }
  // The event queue also reads the limit with the caller keeping its items, as ours must keep its ListArcs.
  expect(results["event queue: push 1000, cancel half, drain"]!.limit!.keepingNs).toBeGreaterThan(0);
}, 300_000);
