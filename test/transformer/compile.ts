import { mkdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type TS from "typescript";
import smartPointerTransformer from "../../transformer/index.js";

export const root = fileURLToPath(new URL("../..", import.meta.url));
/** Virtual sources live under the repository, so `ts-smart-pointer` resolves to this package. */
const virtualDir = join(root, "test/.out/virtual");

export interface Compiled {
  /** Emitted JavaScript by source name (`main.ts` -> its `.js`, `main.cts` -> its `.cjs`). */
  readonly js: Record<string, string>;
  /** The plugin's diagnostics, formatted `name.ts(line,col): error TS9xxx: ...`. */
  readonly diagnostics: string[];
  readonly codes: number[];
  /** Type errors from the checker (the sources must type-check unless a test says otherwise). */
  readonly typeErrors: string[];
}

export const compilerOptions = (ts: typeof TS): TS.CompilerOptions => ({
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.NodeNext,
  moduleResolution: ts.ModuleResolutionKind.NodeNext,
  strict: true,
  skipLibCheck: true,
  types: ["node"],
  lib: ["lib.es2022.d.ts", "lib.esnext.disposable.d.ts", "lib.decorators.d.ts"].filter((lib) => ts.version >= "5.2" || !lib.includes("disposable")),
});

/** A program of in-memory `files` (names relative to the virtual folder), with the test options. */
export function virtualProgram(ts: typeof TS, files: Record<string, string>): TS.Program {
  const options = compilerOptions(ts);
  const host = ts.createCompilerHost(options);
  const virtual = new Map(Object.entries(files).map(([name, text]) => [join(virtualDir, name), text]));
  const { fileExists, readFile, getSourceFile, directoryExists } = host;
  host.fileExists = (f) => virtual.has(f) || fileExists(f);
  host.directoryExists = (d) => [...virtual.keys()].some((f) => f.startsWith(`${d}/`)) || (directoryExists?.(d) ?? true);
  host.readFile = (f) => virtual.get(f) ?? readFile(f);
  host.getSourceFile = (f, lang, ...rest) => (virtual.has(f) ? ts.createSourceFile(f, virtual.get(f)!, lang) : getSourceFile(f, lang, ...rest));
  return ts.createProgram([...virtual.keys()], options, host);
}

/** The virtual file `name`'s source file in `program`. */
export const virtualFile = (program: TS.Program, name: string): TS.SourceFile => program.getSourceFile(join(virtualDir, name))!;

/** Compiles in-memory `files` with the plugin (`config` as in tsconfig) under the given TypeScript. */
export function compile(ts: typeof TS, files: Record<string, string>, config: Record<string, unknown> = { mode: "release" }, plugin = true): Compiled {
  const program = virtualProgram(ts, files);
  const found: TS.Diagnostic[] = [];
  const js: Record<string, string> = {};
  const before = plugin ? [smartPointerTransformer(program, config, { ts, addDiagnostic: (d) => found.push(d) })] : [];
  program.emit(undefined, (name, text) => {
    if (/\.[cm]?js$/.test(name)) js[name.slice(virtualDir.length + 1).replace(/\.([cm]?)js$/, ".$1ts")] = text;
  }, undefined, false, { before });
  return { js, diagnostics: found.map((d) => format(ts, d)), codes: found.map((d) => d.code), typeErrors: ts.getPreEmitDiagnostics(program).map((d) => format(ts, d)) };
}

function format(ts: typeof TS, d: TS.Diagnostic): string {
  const where = d.file ? `${d.file.fileName.slice(virtualDir.length + 1)}(${d.file.getLineAndCharacterOfPosition(d.start!).line + 1})` : "";
  return `${where}: ${ts.DiagnosticCategory[d.category].toLowerCase()} TS${d.code}: ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
}

/** Writes emitted JavaScript next to the repository and returns its path, to run it with node. */
export function writeOut(name: string, js: string): string {
  const path = join(root, "test/.out/run", name);
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, js);
  return path;
}
