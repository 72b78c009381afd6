/**
 * ts-smart-pointer/bundler: the expansion for the tools that never run a TypeScript transformer,
 * as one `unplugin` plugin with an entry per bundler:
 *
 *   import smartPointer from "ts-smart-pointer/bundler/vite";      // plugins: [smartPointer()]
 *   import smartPointer from "ts-smart-pointer/bundler/esbuild";   // rollup, webpack, rspack alike
 *
 * In the transform hook, before the tool strips the types, each TypeScript file under a tsconfig
 * gets the expansion (none when its project does not use the runtime) as source edits (expand-source.ts) with a source map; the
 * plugin's errors fail the build with tsc's `file(line,col)` message, its warnings are warnings.
 * One analysis per tsconfig lives as long as the plugin (expander.ts): in watch mode and HMR only
 * the changed file is analysed again. It uses the project's own TypeScript, 7 included.
 */
import { existsSync } from "node:fs";
import { resolve } from "node:path";
import { createUnplugin, type UnpluginInstance } from "unplugin";
import { isOwnTypeScriptPath, openExpander, projectConfigOf, type Expander } from "./expander.js";

export interface BundlerOptions {
  /** The tsconfig.json whose program the files belong to. Default: the nearest one above each file. */
  readonly tsconfig?: string;
  /** Over the tsconfig's transformer entry: `mode` (default from NODE_ENV), `strategy`, `leaks`. */
  readonly mode?: "debug" | "release";
  readonly strategy?: "inline" | "thunk";
  readonly leaks?: "off" | "warn" | "error";
}

/** The file of a module id (a watcher's id may carry a query). */
const fileOf = (id: string) => id.replace(/[?#].*$/, "");
/** A module id with a query (`x.ts?raw`, `?url`, `?worker`) is not the TypeScript module itself. */
const isOwnSource = (id: string) => !/[?#]/.test(id) && !id.startsWith("\0") && isOwnTypeScriptPath(id, { jsx: true });

export const unplugin: UnpluginInstance<BundlerOptions | undefined, false> = createUnplugin((options: BundlerOptions | undefined) => {
  const { tsconfig, ...overrides } = options ?? {};
  if (tsconfig !== undefined && !existsSync(tsconfig)) throw new Error(`ts-smart-pointer/bundler: the "tsconfig" option names ${resolve(tsconfig)}, which does not exist.`);
  /** Invariant: one expander per tsconfig, opened on the first file that needs it. */
  const expanders = new Map<string, Promise<Expander>>();
  const expanderOf = (config: string) => {
    let expander = expanders.get(config);
    if (!expander) {
      // One that fails to open is not kept: the next transform (after a fix, in watch mode) tries again.
      expander = openExpander(config, overrides).catch((error: unknown) => {
        expanders.delete(config);
        throw error;
      });
      expanders.set(config, expander);
    }
    return expander;
  };
  const closeAll = async () => {
    const open = [...expanders.values()];
    expanders.clear();
    // One that failed to open has nothing to close: its error failed the transform that awaited it.
    for (const expander of open) (await expander.catch(() => undefined))?.close();
  };
  const refreshAll = async () => {
    for (const expander of expanders.values()) (await expander.catch(() => undefined))?.refresh();
  };
  /** Own file -> the files an expansion of which read its declarations (Expansion.dependencies, reversed). Never pruned: a stale entry costs one more transform. */
  const dependents = new Map<string, Set<string>>();

  return {
    name: "ts-smart-pointer",
    enforce: "pre",
    transformInclude: isOwnSource,
    async transform(code, id) {
      const file = resolve(fileOf(id));
      const config = tsconfig ? resolve(tsconfig) : projectConfigOf(file);
      if (!config) return null;
      const expansion = await (await expanderOf(config)).expand(file, code);
      // Watch mode and HMR expand this file again when one of those changes, not only when it does.
      for (const dependency of expansion.dependencies) {
        this.addWatchFile(dependency);
        (dependents.get(dependency) ?? dependents.set(dependency, new Set()).get(dependency)!).add(file);
      }
      if (expansion.skipped) this.warn(expansion.skipped);
      for (const d of expansion.diagnostics.filter((d) => d.category !== "error")) this.warn({ message: d.message, id: file, loc: { file, line: d.line, column: d.column - 1 } });
      const errors = expansion.diagnostics.filter((d) => d.category === "error");
      // All of a file's errors in one: most tools stop at the first error a plugin raises.
      if (errors.length > 0) this.error({ message: errors.map((d) => d.message).join("\n"), id: file, loc: { file, line: errors[0]!.line, column: errors[0]!.column - 1 } });
      return expansion.expanded ? { code: expansion.expanded.code, map: expansion.expanded.map } : null;
    },
    watchChange(id) {
      for (const expander of expanders.values()) void expander.then((e) => e.invalidate([resolve(fileOf(id))]), () => {});
    },
    // The analysis ends with the build, or with the watcher or dev server (TypeScript 7's is a
    // process). A watch build closes its bundle after each rebuild: the analysis stays for the next.
    vite: { ...viteClose(closeAll), hotUpdate: staleDependents(dependents) },
    rollup: rollupClose(closeAll),
    // esbuild has no watchChange: each rebuild starts by looking for files changed on disk.
    esbuild: {
      setup(build) {
        build.onStart(refreshAll);
        build.onDispose(() => void closeAll().catch((error: unknown) => console.error(`ts-smart-pointer/bundler: closing the analysis failed: ${String(error)}`)));
      },
    },
    webpack: (compiler) => compiler.hooks.shutdown.tapPromise("ts-smart-pointer", closeAll),
    rspack: (compiler) => compiler.hooks.shutdown.tapPromise("ts-smart-pointer", closeAll),
  };
});

/** Rollup's (and Vite's) hooks that end a build, or a watch session. */
function rollupClose(closeAll: () => Promise<void>) {
  return {
    async closeBundle(this: { meta: { watchMode: boolean } }) {
      if (!this.meta.watchMode) await closeAll();
    },
    closeWatcher: closeAll,
  };
}

/** What a Vite environment's module graph offers, reduced to what is used here. */
interface ViteGraph<M> {
  getModulesByFile(file: string): Set<M> | undefined;
  invalidateModule(module: M): void;
}

/**
 * Vite's hot update: a watched file (addWatchFile) does not make Vite transform its importers
 * again, so the files whose expansion read the changed file's declarations are invalidated here
 * and updated with it.
 */
function staleDependents<M>(dependents: ReadonlyMap<string, ReadonlySet<string>>) {
  return function (this: { environment: { moduleGraph: ViteGraph<M> } }, update: { file: string; modules: M[] }): M[] | undefined {
    const graph = this.environment.moduleGraph;
    const stale = [...(dependents.get(resolve(update.file)) ?? [])].flatMap((f) => [...(graph.getModulesByFile(f) ?? [])]);
    for (const module of stale) graph.invalidateModule(module);
    return stale.length > 0 ? [...new Set([...update.modules, ...stale])] : undefined;
  };
}

/**
 * Vite's: as Rollup's for `vite build` (and `--watch`); a dev server (vitest's too) closes its
 * bundle once, when it closes, in watch mode and with no watcher hook to follow.
 */
function viteClose(closeAll: () => Promise<void>) {
  let serving = false;
  const { closeBundle, closeWatcher } = rollupClose(closeAll);
  return {
    configResolved(config: { command: string }) {
      serving = config.command === "serve";
    },
    async closeBundle(this: { meta: { watchMode: boolean } }) {
      await (serving ? closeAll() : closeBundle.call(this));
    },
    closeWatcher,
  };
}

export default unplugin;
