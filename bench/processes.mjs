// What run.mjs and ab.mjs share: compiling the cases, and running one in a fresh process; and the
// call and list cases built through the bundler plugin.
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

/** The bundler builds of the cases: folder under bench/build, whether minified, and the label their figures carry. */
export const BUNDLED = [
  { build: "esbuild", minify: false, label: "esbuild plugin" },
  { build: "esbuild-min", minify: true, label: "esbuild plugin, minified" },
];

/**
 * Builds the call and list cases through the bundler plugin's esbuild entry (from dist/, as a
 * user imports `ts-smart-pointer/bundler/esbuild`), with the same tsconfig and options as the
 * tspc build, into bench/build/<build>/{calls,queues}.js. The cases' own modules are bundled; the
 * runtime and the peers stay imports, as in the tspc build.
 */
export async function bundleCases() {
  const { build } = await import("esbuild");
  const { default: smartPointer } = await import("../dist/transformer/bundler/esbuild.js");
  for (const { build: dir, minify } of BUNDLED) {
    await build({
      absWorkingDir: root,
      entryPoints: ["bench/cases/calls.ts", "bench/cases/queues.ts"],
      outdir: `bench/build/${dir}`,
      bundle: true,
      packages: "external",
      platform: "node",
      format: "esm",
      target: "node20",
      minify,
      logLevel: "warning", // the plugin's warnings shown; its errors fail the build
      plugins: [smartPointer({ tsconfig: "bench/tsconfig.plugin.json" })],
    });
  }
}
