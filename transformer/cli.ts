#!/usr/bin/env node
/**
 * `npx ts-smart-pointer check [-p tsconfig.json] [--watch] ...`: the plugin's diagnostics and
 * TypeScript's for a whole project, with the project's own TypeScript 5.0-7.x (check.ts).
 *
 * `npx ts-smart-pointer expand file.ts [--mode debug|release] [--strategy inline|thunk] [--leaks off|warn|error]`:
 * prints the JavaScript a file compiles to through the plugin (in the spirit of cargo-expand),
 * and its diagnostics on stderr. Uses the nearest tsconfig.json, as tsc would.
 */
import { dirname, resolve } from "node:path";
import type TS from "typescript";
import { check, CHECK_USAGE, parseCheckArguments } from "./check.js";
import smartPointerTransformer from "./index.js";

const USAGE = `usage: ts-smart-pointer expand <file.ts> [--mode debug|release] [--strategy inline|thunk] [--leaks off|warn|error]\n       ${CHECK_USAGE.slice("usage: ".length)}`;

async function main(argv: string[]): Promise<number> {
  const [command, file, ...rest] = argv;
  if (command === "check") {
    const options = parseCheckArguments(argv.slice(1), process.stdout.isTTY === true);
    if (typeof options === "string") {
      console.error(options);
      return 2;
    }
    return check(options, (text) => process.stdout.write(text));
  }
  if (command !== "expand" || !file) {
    console.error(USAGE);
    return 2;
  }
  const config: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 2) {
    const key = rest[i]?.replace(/^--/, "");
    if ((key !== "mode" && key !== "strategy" && key !== "leaks") || rest[i + 1] === undefined) {
      console.error(USAGE);
      return 2;
    }
    config[key] = rest[i + 1]!;
  }
  const ts = (await import("typescript")).default as unknown as typeof TS;
  const path = resolve(file);
  const program = ts.createProgram([path], compilerOptions(ts, path));
  const source = program.getSourceFile(path);
  if (!source) {
    console.error(`ts-smart-pointer expand: cannot read ${file}`);
    return 2;
  }
  const diagnostics: TS.Diagnostic[] = [];
  const transformer = smartPointerTransformer(program, config, { ts, addDiagnostic: (d) => diagnostics.push(d) });
  program.emit(source, (name, text) => name.endsWith(".js") && process.stdout.write(text), undefined, false, { before: [transformer] });
  const host = { getCanonicalFileName: (f: string) => f, getCurrentDirectory: () => process.cwd(), getNewLine: () => "\n" };
  const format = process.stderr.isTTY ? ts.formatDiagnosticsWithColorAndContext : ts.formatDiagnostics;
  if (diagnostics.length > 0) process.stderr.write(format(diagnostics, host));
  return diagnostics.length > 0 ? 1 : 0;
}

function compilerOptions(ts: typeof TS, path: string): TS.CompilerOptions {
  const configPath = ts.findConfigFile(dirname(path), ts.sys.fileExists);
  if (!configPath) return { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext, strict: true };
  const parsed = ts.getParsedCommandLineOfConfigFile(configPath, {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined });
  return { ...parsed?.options, noEmit: false, outDir: undefined, declaration: false, sourceMap: false };
}

process.exitCode = await main(process.argv.slice(2));
