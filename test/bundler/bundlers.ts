import { rmSync } from "node:fs";
import { dirname } from "node:path";
import { rspack } from "@rspack/core";
import { build as esbuild } from "esbuild";
import { rollup } from "rollup";
import stripTypes from "rollup-plugin-esbuild";
import { build as vite7 } from "vite";
import { build as vite8 } from "vite-8";
import webpack from "webpack";
import type { BundlerOptions } from "../../transformer/bundler.js";
// The plugin from source, so its code runs (and is covered) in this process.
import esbuildPlugin from "../../transformer/bundler/esbuild.js";
import rollupPlugin from "../../transformer/bundler/rollup.js";
import rspackPlugin from "../../transformer/bundler/rspack.js";
import vitePlugin from "../../transformer/bundler/vite.js";
import webpackPlugin from "../../transformer/bundler/webpack.js";

/**
 * Real builds with each bundler the plugin supports, behind one signature, so a test says what to
 * build and every bundler builds it. Each writes ESM for Node: `<outDir>/<entry>.js` per entry
 * (shared code in other chunks beside them), and each leaves `process.env.NODE_ENV` to run time,
 * as the examples choose their mode when they run.
 */

export interface BuildRequest {
  /** Entry name -> absolute path of its TypeScript source. */
  readonly entries: Record<string, string>;
  readonly outDir: string;
  /** The plugin's options, or false to build without it. */
  readonly plugin?: BundlerOptions | false;
}

export interface BuildResult {
  /** The warnings the build reported (the plugin's among them), as text. */
  readonly warnings: readonly string[];
}

/** Builds `request`; rejects with an Error whose message holds every error the tool reported. */
export type Bundler = (request: BuildRequest) => Promise<BuildResult>;

/** Node 20, the package's minimum: `using` and decorators must be lowered for it. */
const NODE = "node20";

/** The folder of the first entry: the project root for the tools that want one. */
const baseOf = (request: BuildRequest) => dirname(Object.values(request.entries)[0]!);

const withPlugin = <P>(request: BuildRequest, plugin: (options?: BundlerOptions) => P): P[] => (request.plugin === false ? [] : [plugin(request.plugin)]);

const esbuildWith =
  (minify: boolean): Bundler =>
  async (request) => {
    const result = await esbuild({
      entryPoints: request.entries,
      outdir: request.outDir,
      bundle: true,
      splitting: true,
      format: "esm",
      platform: "node",
      target: NODE,
      minify,
      logLevel: "silent",
      plugins: withPlugin(request, esbuildPlugin),
    });
    return { warnings: result.warnings.map((w) => w.text) };
  };

/** Vite's server-side build (Node output, dependencies bundled or external as Vite decides). */
const viteWith =
  (build: typeof vite7 | typeof vite8): Bundler =>
  async (request) => {
    const warnings: string[] = [];
    await (build as typeof vite7)({
      root: baseOf(request),
      configFile: false,
      logLevel: "silent",
      plugins: withPlugin(request, vitePlugin),
      build: {
        ssr: true,
        outDir: request.outDir,
        minify: false,
        rollupOptions: { input: request.entries, output: { entryFileNames: "[name].js" }, onwarn: (w) => void warnings.push(w.message) },
      },
    });
    return { warnings };
  };

/** Rollup with rollup-plugin-esbuild stripping the types, after the plugin; the runtime stays an import. */
const rollupBuild: Bundler = async (request) => {
  const warnings: string[] = [];
  const bundle = await rollup({
    input: request.entries,
    plugins: [...withPlugin(request, rollupPlugin), stripTypes({ target: NODE })],
    external: [/^node:/, /^ts-smart-pointer(\/|$)/],
    onwarn: (w) => void warnings.push(w.message),
  });
  try {
    await bundle.write({ dir: request.outDir, format: "es", entryFileNames: "[name].js" });
  } finally {
    await bundle.close();
  }
  return { warnings };
};

/**
 * webpack's and Rspack's shared configuration. `importMeta` and `worker` off: the worker-pool
 * example starts a worker on its own module (`new Worker(new URL(import.meta.url))`), which
 * webpack would otherwise rewrite to the source file's URL or to a worker chunk.
 */
function packConfig(request: BuildRequest, rule: object, plugins: unknown[]) {
  return {
    mode: "none" as const,
    context: baseOf(request),
    entry: request.entries,
    target: NODE,
    devtool: false as const,
    experiments: { outputModule: true },
    output: { path: request.outDir, filename: "[name].js", module: true, chunkFormat: "module" as const, library: { type: "module" } },
    resolve: { extensions: [".ts", ".js"], extensionAlias: { ".js": [".ts", ".js"] } },
    module: { parser: { javascript: { importMeta: false, worker: false } }, rules: [{ test: /\.ts$/, ...rule }] },
    // Written at run time; and no output from a failed build, as in webpack's production mode.
    optimization: { nodeEnv: false as const, emitOnErrors: false },
    plugins,
  };
}

/** What webpack's and Rspack's compile callbacks give, reduced to what is read here. */
interface PackStats {
  toJson(options: object): { errors?: { message: string }[]; warnings?: { message: string }[] };
}

/** Runs a webpack-style compiler; rejects with all its errors. */
function pack(run: (done: (error: Error | null, stats?: PackStats) => void) => void): Promise<BuildResult> {
  return new Promise((resolve, reject) =>
    run((error, stats) => {
      if (error) return reject(error);
      const { errors = [], warnings = [] } = stats!.toJson({ all: false, errors: true, warnings: true });
      if (errors.length > 0) reject(new Error(errors.map((e) => e.message).join("\n")));
      else resolve({ warnings: warnings.map((w) => w.message) });
    }),
  );
}

const webpackBuild: Bundler = (request) =>
  pack((done) => webpack(packConfig(request, { loader: "esbuild-loader", options: { target: NODE } }, withPlugin(request, webpackPlugin)) as webpack.Configuration, done as never));

const rspackBuild: Bundler = (request) =>
  pack((done) =>
    rspack(
      packConfig(request, { loader: "builtin:swc-loader", options: { jsc: { parser: { syntax: "typescript", decorators: true }, target: "es2022" } } }, withPlugin(request, rspackPlugin)) as never,
      done as never,
    ),
  );

/** Empties the output folder first: what a test finds there, this build wrote. */
const fresh =
  (bundle: Bundler): Bundler =>
  (request) => {
    rmSync(request.outDir, { recursive: true, force: true });
    return bundle(request);
  };

export const bundlers = {
  "vite-7": fresh(viteWith(vite7)),
  "vite-8": fresh(viteWith(vite8)),
  esbuild: fresh(esbuildWith(false)),
  "esbuild-minified": fresh(esbuildWith(true)),
  rollup: fresh(rollupBuild),
  webpack: fresh(webpackBuild),
  rspack: fresh(rspackBuild),
} satisfies Record<string, Bundler>;

export type BundlerName = keyof typeof bundlers;
