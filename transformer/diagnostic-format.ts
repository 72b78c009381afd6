import type TS from "typescript";
import type { Diagnostic } from "./core/diagnostics.js";

/** A core diagnostic as a TypeScript error diagnostic of `file` (for tspc and tsserver). */
export function toTsDiagnostic(ts: typeof TS, file: TS.SourceFile, diagnostic: Diagnostic): TS.Diagnostic {
  return {
    file,
    start: diagnostic.start,
    length: diagnostic.length,
    category: diagnostic.category === "error" ? ts.DiagnosticCategory.Error : ts.DiagnosticCategory.Warning,
    code: diagnostic.code,
    messageText: diagnostic.text,
    source: "ts-smart-pointer",
  };
}

/** 1-based line and column of `offset` in `text`, as tsc and editors show them. */
export function locate(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf("\n"); i >= 0 && i < offset; i = text.indexOf("\n", i + 1)) (line++, (lineStart = i + 1));
  return { line, column: offset - lineStart + 1 };
}

/** A diagnostic as tsc prints it without --pretty: `src/main.ts(3,7): error TS9012: text`. */
export const tscMessage = (file: string, where: { line: number; column: number }, category: string, code: number, text: string): string =>
  `${file}(${where.line},${where.column}): ${category} TS${code}: ${text}`;

