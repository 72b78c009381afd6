import type TS from "typescript";
import type { Diagnostic } from "./diagnostics.js";
import { lineOf } from "./syntax.js";

/**
 * `// @ts-expect-error` and `// @ts-ignore` silence the plugin's diagnostics as they silence
 * TypeScript's: a directive applies to the first line after it that is neither blank nor a `//`
 * comment (TypeScript's own rule). Whether a `@ts-expect-error` is unused is TypeScript's
 * business: it reports that itself.
 */

/** A directive comment line, as TypeScript's scanner recognises one (`//`, `///`, or a block comment on one line). */
const DIRECTIVE = /^(?:\/\/\/?|[/*]+)\s*@(?:ts-expect-error|ts-ignore)/;

/** `diagnostics` without those a directive comment of `file` suppresses. */
export function unsuppressed(file: TS.SourceFile, diagnostics: readonly Diagnostic[]): Diagnostic[] {
  if (diagnostics.length === 0 || !file.text.includes("@ts-")) return [...diagnostics];
  const lines = file.text.split(/\r\n|[\n\r\u2028\u2029]/);
  return diagnostics.filter((d) => !isSuppressed(lines, lineOf(file, d.start) - 1));
}

/** True when a directive stands above 0-based line `line`, with only blank or comment lines between. */
function isSuppressed(lines: readonly string[], line: number): boolean {
  for (let i = line - 1; i >= 0; i--) {
    const text = lines[i]!.trim();
    if (DIRECTIVE.test(text)) return true;
    if (text !== "" && !text.startsWith("//")) return false;
  }
  return false;
}
