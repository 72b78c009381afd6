import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs one TypeScript version's tsc on a project; returns its exit code and output. */
export function tsc(pkg: string, ...args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [`${root}/node_modules/${pkg}/bin/tsc`, ...args], { cwd: root, encoding: "utf8" });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

// The typing needs no plugin and no particular TypeScript: the same files check on each.
describe.each([
  ["TypeScript 5.0", "typescript-5.0"],
  ["TypeScript 5.9", "typescript"],
  ["TypeScript 7", "typescript-7"],
])("type tests under %s", (_name, pkg) => {
  test("every positive case checks and every @ts-expect-error is an error", () => {
    const { code, output } = tsc(pkg, "-p", "test/types");
    expect(output).toBe("");
    expect(code).toBe(0);
  });
});
