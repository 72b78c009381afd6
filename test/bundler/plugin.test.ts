import { execFileSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import { unplugin } from "../../transformer/bundler.js";
import esbuildPlugin from "../../transformer/bundler/esbuild.js";
import { root } from "../transformer/compile.js";
import { projectConfigOf } from "../../transformer/expander.js";
import { userCompilerOptions, userProject } from "../transformer/user-project.js";
import { bundlers } from "./bundlers.js";

/** The plugin's own configuration: where it finds the project, and what it says when it cannot. */

/** A folder with no tsconfig.json above it, outside the repository, holding `main.ts`. */
function outsideAnyProject(): string {
  const dir = mkdtempSync(join(tmpdir(), "sp-bundler-"));
  writeFileSync(join(dir, "main.ts"), "class A {\n  m(self: unknown): number {\n    return 1;\n  }\n}\nconsole.log(new A().m(0));\n");
  return dir;
}

const unhandled: unknown[] = [];
const record = (reason: unknown) => void unhandled.push(reason);
beforeEach(() => void process.on("unhandledRejection", record));
afterEach(() => void process.off("unhandledRejection", record));

test("a TypeScript file with no tsconfig.json above it is bundled as it is", async () => {
  const dir = outsideAnyProject();
  expect(await bundlers.esbuild({ entries: { main: join(dir, "main.ts") }, outDir: join(dir, "out") })).toEqual({ warnings: [] });
  expect(readFileSync(join(dir, "out/main.js"), "utf8")).not.toContain("__sp");
  expect(execFileSync(process.execPath, [join(dir, "out/main.js")], { encoding: "utf8" })).toBe("1\n");
});

test("a tsconfig option naming no file is an error when the plugin is made", () => {
  expect(() => esbuildPlugin({ tsconfig: "/nowhere/tsconfig.json" })).toThrow('ts-smart-pointer/bundler: the "tsconfig" option names /nowhere/tsconfig.json, which does not exist.');
});

test("a project without TypeScript fails the build with what to install, and nothing is left unhandled", async () => {
  const dir = outsideAnyProject();
  writeFileSync(join(dir, "tsconfig.json"), "{}");
  await expect(bundlers.esbuild({ entries: { main: join(dir, "main.ts") }, outDir: join(dir, "out") })).rejects.toThrow(
    `no TypeScript found from ${dir}: install it in the project (npm i -D typescript).`,
  );
  await new Promise((resolve) => setTimeout(resolve, 100)); // esbuild disposes the plugin after the build
  expect(unhandled).toEqual([]);
});

/** The plugin's hooks as unplugin hands them to a bundler, with a context that records what it is told. */
function rawPlugin() {
  const plugin = unplugin.raw({ mode: "release" }, { framework: "esbuild", versions: {} }) as { transformInclude(id: string): boolean; transform(this: object, code: string, id: string): Promise<{ code: string } | null> };
  const warnings: unknown[] = [];
  const context = { warn: (w: unknown) => void warnings.push(w), error: (e: unknown) => { throw e; }, addWatchFile: () => undefined };
  return { plugin, warnings, transform: (code: string, id: string) => plugin.transform.call(context, code, id) };
}

test("a module id with a query is not the TypeScript module (Vite's ?raw, ?url, ?worker)", () => {
  const { plugin } = rawPlugin();
  expect(plugin.transformInclude("/app/src/x.ts")).toBe(true);
  for (const id of ["/app/src/x.ts?raw", "/app/src/x.ts?url", "/app/src/x.ts?worker", "/app/src/c.vue?vue&type=script&lang.ts"]) expect(plugin.transformInclude(id), id).toBe(false);
  expect(plugin.transformInclude("/app/node_modules/dep/x.ts")).toBe(false);
  expect(plugin.transformInclude("/app/src/x.d.ts")).toBe(false);
});

test("a project whose analysis failed to open is tried again on the next file (after the fix, in watch mode)", async () => {
  const dir = outsideAnyProject();
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: userCompilerOptions }));
  const code = `import { Arc } from "ts-smart-pointer";\nexport const n = Arc.new({ n: 1 }).n;\n`;
  writeFileSync(join(dir, "main.ts"), code);
  const { transform } = rawPlugin();
  await expect(transform(code, join(dir, "main.ts"))).rejects.toThrow(/no TypeScript found/);
  mkdirSync(join(dir, "node_modules/@types"), { recursive: true });
  symlinkSync(join(root, "node_modules/typescript"), join(dir, "node_modules/typescript"));
  symlinkSync(join(root, "node_modules/@types/node"), join(dir, "node_modules/@types/node"));
  symlinkSync(root, join(dir, "node_modules/ts-smart-pointer"));
  expect((await transform(code, join(dir, "main.ts")))?.code).toContain("[__spPointee_1].n");
});

test("a solution tsconfig (Vite's templates: files [] and references) hands each file to the referenced project that takes it", async () => {
  const code = `import { Arc } from "ts-smart-pointer";\nexport const n = Arc.new({ n: 1 }).n;\n`;
  const dir = userProject("bundler-solution", "typescript", { "src/main.ts": code, "vite.config.ts": "export default {};\n" });
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ files: [], references: [{ path: "./tsconfig.app.json" }, { path: "./tsconfig.node.json" }] }));
  writeFileSync(join(dir, "tsconfig.app.json"), JSON.stringify({ compilerOptions: userCompilerOptions, include: ["src"] }));
  writeFileSync(join(dir, "tsconfig.node.json"), JSON.stringify({ compilerOptions: userCompilerOptions, include: ["vite.config.ts"] }));
  expect(projectConfigOf(join(dir, "src/main.ts"))).toBe(join(dir, "tsconfig.app.json"));
  expect(projectConfigOf(join(dir, "vite.config.ts"))).toBe(join(dir, "tsconfig.node.json"));
  expect(projectConfigOf(join(dir, "other.ts"))).toBe(join(dir, "tsconfig.json")); // taken by no reference: the solution itself
  const { transform, warnings } = rawPlugin();
  expect((await transform(code, join(dir, "src/main.ts")))?.code).toContain("[__spPointee_1].n");
  expect(warnings).toEqual([]);
});
