import { existsSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, relative, resolve } from "node:path";
import type TS from "typescript";
import { jsQueries } from "./backends/js.js";
import { nativeQueries, type NativeProject } from "./backends/native.js";
import { createAnalysis, type FileAnalysis } from "./core/analyse.js";
import type { Category } from "./core/diagnostics.js";
import type { TypeQueries } from "./core/queries.js";
import { locate, tscMessage } from "./diagnostic-format.js";
import { expandSource, type ExpandedSource } from "./expand-source.js";
import { readOptions, transformerEntry, type Options } from "./options.js";
import { fileChangesOf, openNativeSession, parsedConfig, pluginEntries, projectTypeScript, readConfigJson } from "./project.js";

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
  /**
   * The project's own files whose declarations the analysis may read for this file: those it
   * imports or re-exports from, transitively. A change to one can change this file's expansion
   * and diagnostics (a receiver that now moves), so a watching tool must expand it again then.
   */
  readonly dependencies: readonly string[];
}

export interface Expander {
  /** The project's TypeScript, and which backend answers the type queries. */
  readonly typescript: { readonly version: string; readonly backend: "js" | "native" };
  readonly options: Options;
  /** The expansion of `fileName` (absolute, or relative to the working folder), whose text is now `code` (as the tool loaded it). */
  expand(fileName: string, code: string): Promise<Expansion>;
  /** Tells the analysis that these files changed on disk (a watcher's event). */
  invalidate(fileNames: readonly string[]): void;
  /**
   * Invalidates the files read so far (expanded ones and their dependencies) that changed on disk
   * since: for a tool that says when a rebuild starts but not which files changed (esbuild).
   */
  refresh(): void;
  close(): void;
}

/** Why TypeScript 7's backend cannot analyse a file's text: it has only the program's files, read from disk. */
type Refusal = "not in the program" | "not the text on disk";

/**
 * The per-backend part: the current text of a file as the analysis has it, how to hand it a new
 * text, and the analysis of a file in the current program.
 */
interface Backend {
  textOf(fileName: string): string | undefined;
  /** Records `code` as `fileName`'s text; or says why this backend cannot analyse that text. */
  update(fileName: string, code: string): Refusal | undefined;
  invalidate(fileNames: readonly string[]): void;
  analyse(fileName: string): FileAnalysis | undefined;
  /** The project's own files that `fileName` imports or re-exports from, in the current program. */
  importsOf(fileName: string): readonly string[];
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
  const backend = native ? await nativeBackend(configPath, version, packageJson, options) : jsBackend(configPath, packageJson, options);
  const root = dirname(configPath);
  /** Invariant: each file an expansion read (it, or a dependency) -> its modification time when last (in)validated. */
  const seen = new Map<string, number>();
  const modified = (f: string) => statSync(f, { throwIfNoEntry: false })?.mtimeMs ?? -1;
  const invalidate = (fileNames: readonly string[]) => {
    for (const f of fileNames) if (seen.has(f)) seen.set(f, modified(f));
    backend.invalidate(fileNames);
  };

  return {
    typescript: { version, backend: native ? "native" : "js" },
    options,
    async expand(name, text) {
      const fileName = resolve(name); // the program's names are absolute
      const code = text.startsWith("\uFEFF") ? text.slice(1) : text; // TypeScript reads a file without its byte order mark
      const refused = backend.textOf(fileName) === code ? undefined : backend.update(fileName, code);
      if (refused) {
        const why =
          refused === "not in the program"
            ? `it is not in the program of ${relative(root, configPath)} (its "include" or "files" leave it out), and TypeScript ${version} analyses only the program's files: add it there`
            : `its text is not the file's on disk (another plugin changed it first), which TypeScript ${version} cannot analyse: put ts-smart-pointer before that plugin`;
        return { diagnostics: [], dependencies: [], skipped: `${relative(root, fileName)}: ${why}. The file runs unexpanded.` };
      }
      const analysis = backend.analyse(fileName);
      if (!analysis) return { diagnostics: [], dependencies: [] };
      const diagnostics = analysis.diagnostics.map((d): LocatedDiagnostic => {
        const { line, column } = locate(code, d.start);
        const message = tscMessage(relative(root, fileName), { line, column }, d.category, d.code, d.text);
        return { fileName, line, column, code: d.code, category: d.category, text: d.text, message };
      });
      const dependencies = dependenciesOf(backend, fileName);
      for (const f of [fileName, ...dependencies]) if (!seen.has(f)) seen.set(f, modified(f));
      return { expanded: expandSource(code, fileName, analysis, options), diagnostics, dependencies };
    },
    invalidate,
    refresh() {
      const changed = [...seen].filter(([f, time]) => modified(f) !== time).map(([f]) => f);
      if (changed.length > 0) invalidate(changed);
    },
    close: () => backend.close(),
  };
}

/**
 * A TypeScript source of the user's own, by its path: `.ts`, `.mts`, `.cts` (and with `jsx`, their
 * `x` forms), not a declaration file, not under node_modules (a dependency is built already).
 */
export const isOwnTypeScriptPath = (path: string, { jsx }: { jsx: boolean }): boolean =>
  (jsx ? /\.[cm]?tsx?$/ : /\.[cm]?ts$/).test(path) && !/\.d\.[cm]?tsx?$/.test(path) && !/[\\/]node_modules[\\/]/.test(path);

/**
 * The tsconfig of the project `file` belongs to, as an editor finds it: the nearest tsconfig.json
 * above it, or, when that one is a solution (it has `references`, as Vite's templates do), the
 * first referenced config that takes the file (see takesFile). Undefined under no tsconfig.json.
 */
export function projectConfigOf(file: string): string | undefined {
  let config: string | undefined;
  for (let dir = dirname(file); !config; dir = dirname(dir)) {
    if (existsSync(join(dir, "tsconfig.json"))) config = join(dir, "tsconfig.json");
    else if (dirname(dir) === dir) return undefined;
  }
  const { references = [] } = readConfigJson(config) as { references?: { path: string }[] };
  const referenced = references.map(({ path }) => resolve(dirname(config), path)).map((p) => (p.endsWith(".json") ? p : join(p, "tsconfig.json")));
  return referenced.find((r) => existsSync(r) && takesFile(r, file)) ?? config;
}

/**
 * Whether the tsconfig `config` takes `file`: one of its `files`, or under one of its `include`
 * entries up to the entry's first wildcard (`src/**` takes all of `src/`); no `files` and no
 * `include` take every file below the config, as tsc's default does. `exclude` is not read.
 */
function takesFile(config: string, file: string): boolean {
  const { files, include } = readConfigJson(config) as { files?: string[]; include?: string[] };
  const base = dirname(config);
  if (!files && !include) return file.startsWith(`${base}/`);
  if (files?.some((f) => resolve(base, f) === file)) return true;
  return (include ?? []).some((pattern) => {
    const literal = resolve(base, pattern.split(/[*?]/)[0]!);
    return file === literal || file.startsWith(literal.endsWith("/") ? literal : `${literal}/`) || (pattern.includes("*") && file.startsWith(literal));
  });
}

/** What `fileName` imports, transitively, without itself (see Expansion.dependencies). */
function dependenciesOf(backend: Backend, fileName: string): string[] {
  const reached = new Set([fileName]);
  for (const file of reached) for (const imported of backend.importsOf(file)) reached.add(imported); // a Set's loop visits what is added
  reached.delete(fileName);
  return [...reached];
}

/**
 * Per program: the own files each file's import and export declarations name, as the checker
 * resolves the module specifiers (one batched request per file on TypeScript 7), memoised.
 */
function importGraph(queries: TypeQueries, sourceFile: (fileName: string) => TS.SourceFile | undefined): (fileName: string) => readonly string[] {
  const { syntax } = queries;
  const own = new Set(queries.ownFiles().map((f) => f.fileName));
  const graph = new Map<string, readonly string[]>();
  return (fileName) => {
    const known = graph.get(fileName);
    if (known) return known;
    const specifiers = (sourceFile(fileName)?.statements ?? []).flatMap((s) => ((syntax.isImportDeclaration(s) || syntax.isExportDeclaration(s)) && s.moduleSpecifier ? [s.moduleSpecifier] : []));
    queries.prefetch([], specifiers);
    const modules = specifiers.map((s) => queries.symbolAt(s)).filter((m) => m !== undefined);
    const imported = [...new Set(modules.flatMap((m) => queries.declarationsOf(m)).filter((d) => syntax.isSourceFile(d)).map((d) => d.fileName))].filter((f) => own.has(f));
    graph.set(fileName, imported);
    return imported;
  };
}

const defined = (o: Record<string, unknown>) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined));


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
  const parsed = parsedConfig(ts, configPath);
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
  let current: { program: TS.Program; analysis: ReturnType<typeof createAnalysis>; importsOf: (f: string) => readonly string[] } | undefined;
  const analysisOptions = { leaks: options.leaks };

  return {
    textOf: (f) => (current ?? (current = analysed())).program.getSourceFile(f)?.text,
    update(f, code) {
      texts.set(f, code);
      roots.add(f); // a file the tsconfig leaves out (a test, say) is analysed with the project's options
      bump(f);
      current = undefined;
      return undefined;
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
    importsOf: (f) => (current ??= analysed()).importsOf(f),
    close: () => service.dispose(),
  };

  function analysed() {
    const program = service.getProgram()!;
    const queries = jsQueries(ts, program);
    return { program, analysis: createAnalysis(queries, analysisOptions), importsOf: importGraph(queries, (f) => program.getSourceFile(f)) };
  }
}

/**
 * TypeScript 7: its checker process, told which files changed. It reads the program's files from
 * disk only, so neither another file nor a text that is not the disk's can be analysed (update refuses).
 */
async function nativeBackend(configPath: string, version: string, packageJson: string, options: Options): Promise<Backend> {
  const session = await openNativeSession(configPath, version, packageJson);
  let started = false;
  let changed = new Set<string>();
  let current: { project: NativeProject; analysis: ReturnType<typeof createAnalysis>; importsOf: (f: string) => readonly string[] } | undefined;
  const analysisOptions = { leaks: options.leaks };

  let known: readonly string[] = [];
  function analysed() {
    const project = session.snapshot(started ? { fileChanges: fileChangesOf(known, [...changed]) } : { openProjects: [configPath] });
    started = true;
    changed = new Set();
    known = project.program.getSourceFileNames();
    const queries = nativeQueries(session.modules, project);
    return { project, analysis: createAnalysis(queries, analysisOptions), importsOf: importGraph(queries, (f) => project.program.getSourceFile(f)) };
  }
  const sourceFile = (f: string) => (current ??= analysed()).project.program.getSourceFile(f);

  return {
    textOf: (f) => sourceFile(f)?.text,
    update(f, code) {
      // The server has an older text: it reads the file again, which is right when it changed on disk.
      changed.add(f);
      current = undefined;
      const text = sourceFile(f)?.text;
      return text === undefined ? "not in the program" : text === code ? undefined : "not the text on disk";
    },
    invalidate(fileNames) {
      for (const f of fileNames) changed.add(f);
      current = undefined;
    },
    analyse(f) {
      const file = sourceFile(f);
      return file && current!.analysis.analyseFile(file);
    },
    importsOf: (f) => (current ??= analysed()).importsOf(f),
    close: session.close,
  };
}
