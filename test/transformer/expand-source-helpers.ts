import { join } from "node:path";
import type TS from "typescript";
import { expect } from "vitest";
import { root } from "./compile.js";

/** The tokens of JavaScript `code`, comments and white space left out. */
export function jsTokens(ts: typeof TS, code: string): string[] {
  const { SyntaxKind: K } = ts;
  const scan = ts.createScanner(ts.ScriptTarget.Latest, true, ts.LanguageVariant.Standard, code);
  const tokens: string[] = [];
  const braces: ("template" | "block")[] = []; // what each open `{` or `${` closes
  /** After these, a `/` divides; anywhere else it starts a regular expression. */
  const operand = new Set([K.Identifier, K.NumericLiteral, K.StringLiteral, K.CloseParenToken, K.CloseBracketToken, K.CloseBraceToken, K.ThisKeyword, K.TemplateTail, K.NoSubstitutionTemplateLiteral]);
  let previous = K.Unknown;
  for (let kind = scan.scan(); kind !== K.EndOfFileToken; kind = scan.scan()) {
    if (kind === K.CloseBraceToken && braces.pop() === "template") kind = scan.reScanTemplateToken(false);
    else if ((kind === K.SlashToken || kind === K.SlashEqualsToken) && !operand.has(previous)) kind = scan.reScanSlashToken();
    if (kind === K.OpenBraceToken) braces.push("block");
    if (kind === K.TemplateHead || kind === K.TemplateMiddle) braces.push("template");
    tokens.push(scan.getTokenText());
    previous = kind;
  }
  return tokens;
}

/** `code` with the types stripped by TypeScript, file by file (as esbuild or a loader does). */
export function transpiled(ts: typeof TS, code: string, options: TS.CompilerOptions): string {
  // `.mts`: a module, as the tsc build sees these files (package.json has "type": "module").
  return ts.transpileModule(code, { fileName: "module.mts", compilerOptions: { ...options, noEmit: false, sourceMap: false, declaration: false } }).outputText;
}

const importLine = /^import .* from "ts-smart-pointer";$/gm;

/**
 * Asserts that two emitted modules are the same code: the same tokens once the runtime's import is
 * set aside, and the edits' import naming no more than tspc's (a stripper drops an import the
 * edits left unused; tsc keeps what the original used).
 */
export function sameCode(ts: typeof TS, edited: string, tspc: string): void {
  // One token a line: a failure shows where the two differ.
  expect(jsTokens(ts, edited.replace(importLine, "")).join("\n")).toBe(jsTokens(ts, tspc.replace(importLine, "")).join("\n"));
  const names = (code: string) => new Set((code.match(importLine) ?? []).flatMap((line) => line.replace(/^import \{|\} from.*$/g, "").split(",").map((n) => n.trim())));
  const kept = names(tspc);
  for (const name of names(edited)) expect(kept, `the edits import ${name}`).toContain(name);
}

/** The examples' program (examples/tsconfig.json), as tspc builds it. */
export function examplePrograms(ts: typeof TS): { program: TS.Program; options: TS.CompilerOptions } {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, "examples/tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const options = { ...parsed.options, noEmit: false, outDir: join(root, "test/.out/examples-edits") };
  return { program: ts.createProgram(parsed.fileNames, options), options };
}
