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
