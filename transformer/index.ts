/**
 * ts-smart-pointer/transformer: a ts-patch source transformer (default `type: "program"`).
 *
 *   "plugins": [{ "transform": "ts-smart-pointer/transformer", "mode": "release", "strategy": "inline" }]
 *
 * Analyse (analyse.ts) -> diagnose (check-*.ts) -> expand (expand.ts, emit.ts). It uses only the
 * `ts` instance ts-patch hands it, so it works with whichever TypeScript the build uses.
 */
import type TS from "typescript";
import { analyse } from "./analyse.js";
import { checkDeclarations } from "./check-declarations.js";
import { checkMoves } from "./check-moves.js";
import { reporter } from "./diagnostics.js";
import { expandSourceFile } from "./expand.js";
import { readOptions } from "./options.js";

export interface TransformerExtras {
  readonly ts: typeof TS;
  readonly addDiagnostic?: (diagnostic: TS.Diagnostic) => unknown;
}

export default function smartPointerTransformer(program: TS.Program, config: Record<string, unknown> = {}, extras?: TransformerExtras): TS.TransformerFactory<TS.SourceFile> {
  if (!extras?.ts) {
    throw new TypeError("ts-smart-pointer/transformer needs the TypeScript instance: build with ts-patch (`tspc`), or pass `{ ts }` as the third argument.");
  }
  const { ts } = extras;
  const options = readOptions(config);
  const analysis = analyse(ts, program);
  const addDiagnostic = extras.addDiagnostic ?? (() => undefined);
  return (context) => (file) => {
    if (!analysis.enabled || file.isDeclarationFile) return file;
    const report = reporter(ts, file, addDiagnostic);
    checkDeclarations(analysis, file, report);
    checkMoves(analysis, file, report);
    return expandSourceFile(analysis, context, options, file);
  };
}

export { DIAGNOSTICS } from "./diagnostics.js";
export type { Options } from "./options.js";
