import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, expect, test } from "vitest";
import esbuildPlugin from "../../transformer/bundler/esbuild.js";
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
