import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type TS from "typescript";
import { jsQueries } from "./backends/js.js";
import { nativeQueries, type NativeModules, type NativeProject } from "./backends/native.js";
import { createAnalysis, type Analysis, type AnalysisOptions } from "./core/analyse.js";
import { analysisOptionsOf, transformerEntry } from "./options.js";
import type { Diagnostic } from "./core/diagnostics.js";

/**
 * A whole project analysed with *its own* TypeScript, whichever it is: 5.0-6.x through the
 * JavaScript API, 7.x through its checker process. What comes out is the same plain data on
 * both, plus TypeScript's own diagnostics, so `check` prints one format for every version.
 */

/** A diagnostic of either source, positioned in a file's text (or in no file). */
export interface Reported {
  readonly fileName?: string;
  readonly start: number;
  readonly length: number;
  readonly code: number;
  readonly category: "error" | "warning" | "suggestion" | "message";
  readonly text: string;
  readonly source: "typescript" | "ts-smart-pointer";
  readonly fixes?: Diagnostic["fixes"];
}

export interface LoadedProject {
  /** The project's TypeScript version, and which backend answers the type queries. */
  readonly typescript: { readonly version: string; readonly backend: "js" | "native" };
  /** Every own file's diagnostics from the plugin, in program order. */
  readonly files: readonly { readonly fileName: string; readonly diagnostics: readonly Diagnostic[] }[];
  /** The tsconfig's `compilerOptions.plugins` entries. */
  readonly plugins: readonly { readonly transform?: string; readonly name?: string }[];
  /** TypeScript's own diagnostics (syntax, options, types), as `tsc --noEmit` reports them. */
  readonly typescriptDiagnostics: readonly Reported[];
  /** Reads the project again after edits to `changed` (absolute paths), reusing what the backend can. */
  reload(changed: readonly string[]): Promise<LoadedProject>;
  close(): void;
}

/** Thrown for a project that cannot be read: no tsconfig, no TypeScript, an unsupported version. */
export class ProjectError extends Error {
  override name = "ProjectError";
}

/** The TypeScript a project resolves from its own folder, as `tsc` there would. */
export function projectTypeScript(configPath: string): { version: string; packageJson: string } {
  const require = createRequire(resolve(dirname(configPath), "tsconfig.json"));
  let packageJson: string;
  try {
    packageJson = require.resolve("typescript/package.json");
  } catch {
    throw new ProjectError(`no TypeScript found from ${dirname(configPath)}: install it in the project (npm i -D typescript).`);
  }
  const { version } = JSON.parse(readFileSync(packageJson, "utf8")) as { version: string };
  const major = Number(version.split(".")[0]);
  if (!(major >= 5 && major <= 7)) throw new ProjectError(`TypeScript ${version} is not supported: ts-smart-pointer check needs TypeScript 5.0 to 7.x.`);
  return { version, packageJson };
}

/** The tsconfig `config` as `ts` reads it (extends followed); a config it cannot read is a ProjectError. */
export function parsedConfig(ts: typeof TS, config: string): TS.ParsedCommandLine {
  const parsed = ts.getParsedCommandLineOfConfigFile(config, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new ProjectError(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  if (!parsed) throw new ProjectError(`cannot read ${config}`);
  return parsed;
}

export async function openProject(configPath: string): Promise<LoadedProject> {
  const config = resolve(configPath);
  const { version, packageJson } = projectTypeScript(config);
  return version.startsWith("7.") ? openNative(config, version, packageJson) : openJs(config, version, packageJson);
}

/** The analysis options of the project's plugin entry (`leaks`), as the transformer reads them. */
function analysisOptions(plugins: LoadedProject["plugins"]): AnalysisOptions {
  try {
    return analysisOptionsOf(transformerEntry(plugins));
  } catch (error) {
    throw new ProjectError((error as Error).message);
  }
}

/** Every own file's diagnostics, or none when the project does not use the runtime. */
const analysed = (analysis: Analysis) => (analysis.enabled ? analysis.ownFiles().map((f) => ({ fileName: f.fileName, diagnostics: analysis.diagnose(f) })) : []);

async function openJs(config: string, version: string, packageJson: string, oldProgram?: TS.Program): Promise<LoadedProject> {
  const ts = createRequire(packageJson)("typescript") as typeof TS;
  const parsed = parsedConfig(ts, config);
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: { ...parsed.options, noEmit: true }, projectReferences: parsed.projectReferences, oldProgram, configFileParsingDiagnostics: parsed.errors });
  const plugins = (parsed.options.plugins ?? []) as LoadedProject["plugins"];
  const analysis = createAnalysis(jsQueries(ts, program), analysisOptions(plugins));
  const category = (c: TS.DiagnosticCategory) => (["warning", "error", "suggestion", "message"] as const)[c]!;
  const typescriptDiagnostics = ts.getPreEmitDiagnostics(program).map(
    (d): Reported => ({ fileName: d.file?.fileName, start: d.start ?? 0, length: d.length ?? 0, code: d.code, category: category(d.category), text: ts.flattenDiagnosticMessageText(d.messageText, "\n"), source: "typescript" }),
  );
  return {
    typescript: { version, backend: "js" },
    plugins,
    files: analysed(analysis),
    typescriptDiagnostics,
    reload: () => openJs(config, version, packageJson, program),
    close: () => undefined,
  };
}

/** `typescript/<path>` for 7.1's stable entry, else 7.0's `typescript/unstable/<path>`. */
async function importNative(packageJson: string, path: string): Promise<unknown> {
  const require = createRequire(packageJson);
  for (const entry of [`typescript/${path}`, `typescript/unstable/${path}`]) {
    let file: string;
    try {
      file = require.resolve(entry);
    } catch {
      continue;
    }
    return import(pathToFileURL(file).href);
  }
  throw new ProjectError(`this TypeScript 7 has neither typescript/${path} nor typescript/unstable/${path}: ts-smart-pointer check supports the 7.0 and 7.1 APIs.`);
}

/**
 * What TypeScript 7's server must be told of the files in `touched`: it reads only what it is told
 * changed, and a file it did not have must be announced as created (a deleted one as deleted).
 */
export function fileChangesOf(known: readonly string[], touched: readonly string[]) {
  const program = new Set(known);
  const exists = touched.filter((f) => existsSync(f));
  return { changed: exists.filter((f) => program.has(f)), created: exists.filter((f) => !program.has(f)), deleted: touched.filter((f) => !existsSync(f)) };
}

/**
 * TypeScript 7's checker process for the project `config`. Each `snapshot` is the program after
 * the given changes; the previous snapshot is released once the new one exists.
 */
export async function openNativeSession(config: string, version: string, packageJson: string) {
  const api = (await importNative(packageJson, "sync")) as NativeModules["api"] & { API: new (options: { cwd: string }) => NativeApi };
  const ast = (await importNative(packageJson, "ast")) as NativeModules["ast"];
  const client = new api.API({ cwd: dirname(config) });
  let current: { dispose(): void } | undefined;
  return {
    modules: { api, ast } as NativeModules,
    snapshot(params: object): NativeApiProject {
      const snap = client.updateSnapshot(params);
      current?.dispose(); // after the update, which carries the unchanged files over from it
      current = snap;
      const project = snap.getProject(config) ?? snap.getProjects()[0];
      if (!project) throw new ProjectError(`TypeScript ${version} did not load ${config}`);
      return project;
    },
    close(): void {
      current?.dispose();
      client.close();
    },
  };
}

async function openNative(config: string, version: string, packageJson: string): Promise<LoadedProject> {
  const session = await openNativeSession(config, version, packageJson);
  const snapshot = session.snapshot;
  const load = (project: NativeApiProject): LoadedProject => {
    const plugins = pluginEntries(config);
    const analysis = createAnalysis(nativeQueries(session.modules, project), analysisOptions(plugins));
    const program = project.program;
    const category = (c: number) => (["warning", "error", "suggestion", "message"] as const)[c] ?? "error";
    const typescriptDiagnostics = [...program.getConfigFileParsingDiagnostics(), ...program.getProgramDiagnostics(), ...program.getSyntacticDiagnostics(), ...program.getSemanticDiagnostics(), ...program.getGlobalDiagnostics()].map(
      (d): Reported => ({ fileName: d.fileName, start: d.pos, length: d.end - d.pos, code: d.code, category: category(d.category), text: d.text, source: "typescript" }),
    );
    return {
      typescript: { version, backend: "native" },
      plugins,
      files: analysed(analysis),
      typescriptDiagnostics,
      reload: async (changed) => {
        return load(snapshot({ fileChanges: fileChangesOf(program.getSourceFileNames(), changed) }));
      },
      close: session.close,
    };
  };
  return load(snapshot({ openProjects: [config] }));
}

/**
 * The `compilerOptions` of a tsconfig with those of the configs it extends under them, read from
 * the files (later bases over earlier ones, the config's own over all): for the tools that read
 * options TypeScript 7 does not give (`plugins`, which it drops) or that do not follow `extends`.
 */
export function compilerOptionsOf(config: string): Record<string, unknown> {
  const json = readConfigJson(config) as { extends?: string | string[]; compilerOptions?: Record<string, unknown> };
  const bases = typeof json.extends === "string" ? [json.extends] : (json.extends ?? []);
  const inherited = bases.map((base) => compilerOptionsOf(base.startsWith(".") ? resolve(dirname(config), base.endsWith(".json") ? base : `${base}.json`) : createRequire(config).resolve(base)));
  return Object.assign({}, ...inherited, json.compilerOptions);
}

/** `compilerOptions.plugins` of a tsconfig and the configs it extends. */
export const pluginEntries = (config: string): LoadedProject["plugins"] => (compilerOptionsOf(config).plugins ?? []) as LoadedProject["plugins"];

/** A tsconfig file's JSON as written (comments and trailing commas allowed, `extends` not followed). */
export const readConfigJson = (config: string): unknown => JSON.parse(stripJsonComments(readFileSync(config, "utf8")));

/** tsconfig's JSON with comments and trailing commas, as plain JSON (strings left alone). */
function stripJsonComments(text: string): string {
  return text.replace(/("(?:\\.|[^"\\])*")|\/\/[^\n]*|\/\*[\s\S]*?\*\//g, (match, string: string | undefined) => string ?? "").replace(/,(\s*[}\]])/g, "$1");
}

interface NativeApiProject extends NativeProject {
  readonly program: NativeProject["program"] & Record<"getConfigFileParsingDiagnostics" | "getProgramDiagnostics" | "getSyntacticDiagnostics" | "getSemanticDiagnostics" | "getGlobalDiagnostics", () => readonly NativeDiagnostic[]>;
}
interface NativeDiagnostic {
  readonly fileName?: string;
  readonly pos: number;
  readonly end: number;
  readonly code: number;
  readonly category: number;
  readonly text: string;
}
interface NativeApi {
  updateSnapshot(params: object): { getProject(config: string): NativeApiProject | undefined; getProjects(): readonly NativeApiProject[]; dispose(): void };
  close(): void;
}
