import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs one installed TypeScript version's tsc (`typescript`, `typescript-5.0`, `typescript-7`). */
export function tsc(pkg: string, ...args: string[]): { code: number; output: string } {
  try {
    const output = execFileSync(process.execPath, [`${root}/node_modules/${pkg}/bin/tsc`, ...args], { cwd: root, encoding: "utf8" });
    return { code: 0, output };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}
