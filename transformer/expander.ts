import { createRequire } from "node:module";
import { dirname, relative } from "node:path";
import type TS from "typescript";
import { jsQueries } from "./backends/js.js";
import { nativeQueries, type NativeModules, type NativeProject } from "./backends/native.js";
import { createAnalysis, type FileAnalysis } from "./core/analyse.js";
import type { Category } from "./core/diagnostics.js";
import { expandSource, type ExpandedSource } from "./expand-source.js";
import { readOptions, transformerEntry, type Options } from "./options.js";
import { importNative, pluginEntries, ProjectError, projectTypeScript } from "./project.js";

/**
 * One long-lived analysis of a project, for the tools that expand file by file as they load them
 * (the bundler plugin, the Node loader). It keeps the project's program and updates it when a file
 * changes, so a rebuild in watch mode or an HMR update analyses one file, not the project. It uses
 * the project's own TypeScript: 5.0-6.x through its JavaScript API, 7.x through its checker process.
 */

/** A diagnostic of the plugin, located for a build tool's message. */
export interface LocatedDiagnostic {
  readonly fileName: string;
  /** 1-based, as editors and build tools show them. */
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly category: Category;
  readonly text: string;
  /** `src/main.ts(3,7): error TS9001: ...`, tsc's own format, relative to the project. */
  readonly message: string;
}

export interface Expansion {
  /** The edited source, or undefined to keep the file as it is (nothing to expand). */
  readonly expanded?: ExpandedSource;
  readonly diagnostics: readonly LocatedDiagnostic[];
  /** Why the file was left unexpanded although it may use pointers (a warning for the tool to show). */
  readonly skipped?: string;
}

export interface Expander {
  /** The project's TypeScript, and which backend answers the type queries. */
  readonly typescript: { readonly version: string; readonly backend: "js" | "native" };
  readonly options: Options;
  /** The expansion of `fileName`, whose text is now `code` (as the tool loaded it). */
  expand(fileName: string, code: string): Promise<Expansion>;
  /** Tells the analysis that these files changed on disk (a watcher's event). */
  invalidate(fileNames: readonly string[]): void;
  close(): void;
}

/**
 * The per-backend part: the current text of a file as the analysis has it, how to hand it a new
 * text, and the analysis of a file in the current program.
 */
interface Backend {
  textOf(fileName: string): string | undefined;
  /** Records `code` as `fileName`'s text; false when this backend cannot analyse that text. */
  update(fileName: string, code: string): boolean;
  invalidate(fileNames: readonly string[]): void;
  analyse(fileName: string): FileAnalysis | undefined;
  close(): void;
}

/**
 * Opens the expander of the project `configPath` (a tsconfig.json). `overrides` are options over
 * the tsconfig's transformer entry, if it has one (`mode`, `strategy`, `leaks`).
 */
export async function openExpander(configPath: string, overrides: Record<string, unknown> = {}): Promise<Expander> {
  const { version, packageJson } = projectTypeScript(configPath);
  const options = readOptions({ ...transformerEntry(pluginEntries(configPath)), ...defined(overrides) });
  const native = version.startsWith("7.");
  const backend = native ? await nativeBackend(configPath, packageJson, options) : jsBackend(configPath, packageJson, options);
  const root = dirname(configPath);

  return {
    typescript: { version, backend: native ? "native" : "js" },
    options,
    async expand(fileName, code) {
      if (backend.textOf(fileName) !== code && !backend.update(fileName, code)) {
        return { diagnostics: [], skipped: `${relative(root, fileName)}: its text is not the file's on disk (another plugin changed it first), which TypeScript ${version} cannot analyse: put ts-smart-pointer before that plugin. The file runs unexpanded.` };
      }
      const analysis = backend.analyse(fileName);
      if (!analysis) return { diagnostics: [] };
      const diagnostics = analysis.diagnostics.map((d): LocatedDiagnostic => {
        const { line, column } = lineAndColumn(code, d.start);
        const message = `${relative(root, fileName)}(${line},${column}): ${d.category} TS${d.code}: ${d.text}`;
        return { fileName, line, column, code: d.code, category: d.category, text: d.text, message };
      });
      return { expanded: expandSource(code, fileName, analysis, options), diagnostics };
    },
    invalidate: (fileNames) => backend.invalidate(fileNames),
    close: () => backend.close(),
  };
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));

function lineAndColumn(text: string, position: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < position; i = text.indexOf("\n", i + 1)) (line++, (lineStart = i + 1));
  return { line, column: position - lineStart + 1 };
}

/**
 * TypeScript 5-6: a language service over the project, whose program is rebuilt from the previous
 * one after a change (unchanged files keep their syntax trees). Invariant: `current` was made from
 * the service's program at the current versions; any change clears it. A rebuild asks the host for
 * every file's snapshot, lib files included, before it looks at the version: `snapshots` keeps the
 * one of each file's current version, so a rebuild reads from disk only what changed (about a
 * fifth of an edit's time on the bench's 200-file project).
 */
function jsBackend(configPath: string, packageJson: string, options: Options): Backend {
  const ts = createRequire(packageJson)("typescript") as typeof TS;
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new ProjectError(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
  if (!parsed) throw new ProjectError(`cannot read ${configPath}`);
  const roots = new Set(parsed.fileNames);
  const texts = new Map<string, string>(); // what the tool loaded, over the disk's
  const versions = new Map<string, number>();
  const bump = (f: string) => versions.set(f, (versions.get(f) ?? 0) + 1);
  const read = (f: string) => texts.get(f) ?? ts.sys.readFile(f);
  const snapshots = new Map<string, { version: number; snapshot: TS.IScriptSnapshot }>();
  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...parsed.options, noEmit: true }),
    getProjectReferences: () => parsed.projectReferences,
    getScriptFileNames: () => [...roots],
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const version = versions.get(f) ?? 0;
      const kept = snapshots.get(f);
      if (kept?.version === version) return kept.snapshot;
      const text = read(f);
      if (text === undefined) return undefined;
      const snapshot = ts.ScriptSnapshot.fromString(text);
      snapshots.set(f, { version, snapshot });
      return snapshot;
    },
    getCurrentDirectory: () => dirname(configPath),
    getDefaultLibFileName: (o) => ts.getDefaultLibFilePath(o),
    fileExists: (f) => texts.has(f) || ts.sys.fileExists(f),
    readFile: read,
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const service = ts.createLanguageService(host, ts.createDocumentRegistry());
  let current: { program: TS.Program; analysis: ReturnType<typeof createAnalysis> } | undefined;
  const analysisOptions = { leaks: options.leaks };

  return {
    textOf: (f) => (current ?? (current = analysed())).program.getSourceFile(f)?.text,
    update(f, code) {
      texts.set(f, code);
      roots.add(f); // a file the tsconfig leaves out (a test, say) is analysed with the project's options
      bump(f);
      current = undefined;
      return true;
    },
    invalidate(fileNames) {
      for (const f of fileNames) (texts.delete(f), bump(f));
      current = undefined;
    },
    analyse(f) {
      current ??= analysed();
      const file = current.program.getSourceFile(f);
      return file && current.analysis.analyseFile(file);
    },
    close: () => service.dispose(),
  };

  function analysed() {
    const program = service.getProgram()!;
    return { program, analysis: createAnalysis(jsQueries(ts, program), analysisOptions) };
  }
}

/**
 * TypeScript 7: its checker process, told which files changed. It reads files from disk only, so
 * a text that is not the disk's cannot be analysed (update returns false).
 */
async function nativeBackend(configPath: string, packageJson: string, options: Options): Promise<Backend> {
  const api = (await importNative(packageJson, "sync")) as NativeModules["api"] & { API: new (o: { cwd: string }) => NativeClient };
  const ast = (await importNative(packageJson, "ast")) as NativeModules["ast"];
  const client = new api.API({ cwd: dirname(configPath) });
  let snapshot: NativeSnapshot | undefined;
  let changed = new Set<string>();
  let current: { project: NativeProject; analysis: ReturnType<typeof createAnalysis> } | undefined;
  const analysisOptions = { leaks: options.leaks };

  function analysed() {
    const params = snapshot ? { fileChanges: { changed: [...changed] } } : { openProjects: [configPath] };
    const next = client.updateSnapshot(params);
    snapshot?.dispose(); // after the update, which carries the unchanged files over from it
    snapshot = next;
    changed = new Set();
    const project = next.getProject(configPath) ?? next.getProjects()[0];
    if (!project) throw new ProjectError(`TypeScript 7 did not load ${configPath}`);
    return { project, analysis: createAnalysis(nativeQueries({ api, ast }, project), analysisOptions) };
  }
  const sourceFile = (f: string) => (current ??= analysed()).project.program.getSourceFile(f);

  return {
    textOf: (f) => sourceFile(f)?.text,
    update(f, code) {
      // The server has an older text: it reads the file again, which is right when it changed on disk.
      changed.add(f);
      current = undefined;
      return sourceFile(f)?.text === code;
    },
    invalidate(fileNames) {
      for (const f of fileNames) changed.add(f);
      current = undefined;
    },
    analyse(f) {
      const file = sourceFile(f);
      return file && current!.analysis.analyseFile(file);
    },
    close: () => {
      snapshot?.dispose();
      client.close();
    },
  };
}

interface NativeSnapshot {
  getProject(config: string): NativeProject | undefined;
  getProjects(): readonly NativeProject[];
  dispose(): void;
}
interface NativeClient {
  updateSnapshot(params: object): NativeSnapshot;
  close(): void;
}
