import type { AnalysisOptions } from "./core/analyse.js";
import type { LeakSeverity } from "./core/check-ownership.js";

/** The plugin's options, from its tsconfig entry: `{ "transform": "ts-smart-pointer/transformer", ... }`. */
export interface Options {
  /** `release` emits no per-call check; `debug` keeps use-after-move/drop detection. Default: from NODE_ENV. */
  readonly mode: "debug" | "release";
  /** How calls are expanded: `inline` direct calls, or `thunk` (one shared function per method). */
  readonly strategy: "inline" | "thunk";
  /** TS9016, a local owning pointer not dropped on some path: `"off"` (default), `"warn"` or `"error"`. */
  readonly leaks: LeakSeverity;
}

export function readOptions(config: Record<string, unknown> = {}, env = process.env.NODE_ENV): Options {
  const mode = config.mode ?? (env === "production" ? "release" : "debug");
  const strategy = config.strategy ?? "inline";
  const leaks = config.leaks ?? "off";
  if (mode !== "debug" && mode !== "release") throw new TypeError(`ts-smart-pointer/transformer: "mode" must be "debug" or "release", not ${JSON.stringify(mode)}.`);
  if (strategy !== "inline" && strategy !== "thunk") throw new TypeError(`ts-smart-pointer/transformer: "strategy" must be "inline" or "thunk", not ${JSON.stringify(strategy)}.`);
  if (leaks !== "off" && leaks !== "warn" && leaks !== "error") throw new TypeError(`ts-smart-pointer/transformer: "leaks" must be "off", "warn" or "error", not ${JSON.stringify(leaks)}.`);
  return { mode, strategy, leaks };
}

/** The tsconfig `compilerOptions.plugins` entry of the transformer, if the project has one. */
export function transformerEntry(plugins: readonly { readonly transform?: string }[] = []): Record<string, unknown> | undefined {
  return plugins.find((p) => p.transform?.startsWith("ts-smart-pointer/transformer")) as Record<string, unknown> | undefined;
}

/** The analysis core's options from the transformer's tsconfig entry (throws as readOptions does). */
export function analysisOptionsOf(entry?: Record<string, unknown>): AnalysisOptions {
  return { leaks: readOptions(entry).leaks };
}
