/**
 * ts-smart-pointer/transformer: a ts-patch source transformer (default `type: "program"`).
 *
 *   "plugins": [{ "transform": "ts-smart-pointer/transformer" }]
 *
 * The analysis core (core/) turns the program into plain data per file, diagnostics and expansion
 * sites; this transformer reports the one and renders the other (expand.ts, emit.ts). It uses only
 * the `ts` instance ts-patch hands it, so it works with whichever TypeScript the build uses.
 */
import type TS from "typescript";
import { jsQueries } from "./backends/js.js";
import { createAnalysis } from "./core/analyse.js";
import { toTsDiagnostic } from "./diagnostic-format.js";
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
  const analysis = createAnalysis(jsQueries(ts, program), { leaks: options.leaks });
  const addDiagnostic = extras.addDiagnostic ?? (() => undefined);
  return (context) => (file) => {
    if (!analysis.enabled || file.isDeclarationFile) return file;
    const result = analysis.analyseFile(file);
    for (const diagnostic of result.diagnostics) addDiagnostic(toTsDiagnostic(ts, file, diagnostic));
    return expandSourceFile(ts, result, context, options, file);
  };
}

export { DIAGNOSTICS } from "./core/diagnostics.js";
export type { Options } from "./options.js";
