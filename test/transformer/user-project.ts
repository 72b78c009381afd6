import { mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { root } from "./compile.js";

/** The TypeScript versions a project may bring, by the package installed here under that name. */
export const TYPESCRIPTS = [
  ["5.0", "typescript-5.0"],
  ["5.9", "typescript"],
  ["6.0", "typescript-6.0"],
  ["7.0", "typescript-7"],
] as const;

export const userCompilerOptions = {
  target: "ES2022",
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  skipLibCheck: true,
  types: ["node"],
  lib: ["ES2022", "ESNext.Disposable", "ESNext.Decorators"],
};

/**
 * A project as a user has it, under test/.out/projects/<name>: its own node_modules with
 * `typescript` (the given installed package), `ts-smart-pointer` (this package) and `@types/node`,
 * a tsconfig.json and the given files. Returns its folder.
 */
export function userProject(name: string, typescript: string, files: Record<string, string>, compilerOptions: object = {}): string {
  const dir = join(root, "test/.out/projects", name);
  rmSync(dir, { recursive: true, force: true });
  for (const [link, target] of [
    ["typescript", typescript],
    ["@types", "@types"],
  ]) {
    mkdirSync(dirname(join(dir, "node_modules", link)), { recursive: true });
    symlinkSync(join(root, "node_modules", target), join(dir, "node_modules", link));
  }
  symlinkSync(root, join(dir, "node_modules/ts-smart-pointer"));
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...userCompilerOptions, ...compilerOptions }, include: ["**/*.ts"], exclude: ["node_modules"] }, null, 2));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, file)), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  return dir;
}
