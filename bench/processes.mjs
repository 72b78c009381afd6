// What run.mjs and ab.mjs share: compiling the cases, and running one in a fresh process.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

export const root = fileURLToPath(new URL("..", import.meta.url));

/** Runs node with `args` from the project root; returns its stdout (stderr passes through). */
export const node = (args, env = {}) =>
  execFileSync(process.execPath, args, { cwd: root, encoding: "utf8", stdio: ["ignore", "pipe", "inherit"], env: { ...process.env, ...env } });

/** Compiles the cases into bench/build/plain (tsc) and bench/build/plugin (tspc with the plugin). */
export function compileCases() {
  node([`${root}node_modules/typescript/bin/tsc`, "-p", "bench/tsconfig.json"]);
  node([`${root}node_modules/ts-patch/bin/tspc.js`, "-p", "bench/tsconfig.plugin.json"]);
}

/** The figures a compiled case reports (a JSON line each), measured in a fresh process. */
export const figuresOf = (file, env) =>
  node(["--expose-gc", "--max-semi-space-size=64", file], env)
    .trim()
    .split("\n")
    .map((line) => JSON.parse(line));
