/**
 * ts-smart-pointer/transformer: a ts-patch source transformer (default `type: "program"`).
 *
 *   "plugins": [{ "transform": "ts-smart-pointer/transformer" }]   // options: "mode", "strategy" (options.ts)
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
import { analysisOptionsOf, readOptions } from "./options.js";

export interface TransformerExtras {
  readonly ts: typeof TS;
  readonly addDiagnostic?: (diagnostic: TS.Diagnostic) => unknown;
}

export default function smartPointerTransformer(program: TS.Program, config: Record<string, unknown> = {}, extras?: TransformerExtras): TS.TransformerFactory<TS.SourceFile> {
  if (!extras?.ts) {
    throw new TypeError("ts-smart-pointer/transformer needs the TypeScript instance: build with ts-patch (`tspc`), or pass `{ ts }` as the third argument.");
  }
  const { ts } = extras;
  // TypeScript 7's `typescript` entry exports only its version: it has no transformer API.
  if (typeof ts.visitEachChild !== "function") {
    throw new TypeError(
      `ts-smart-pointer/transformer: TypeScript ${ts.version} has no transformer API. Build with TypeScript 5.0 to 6.x (\`npm i -D typescript@6 ts-patch@3.3\`, then \`tspc\`), or keep TypeScript 7 and expand with the bundler plugin (ts-smart-pointer/bundler) or the Node loader (ts-smart-pointer/register).`,
    );
  }
  const options = readOptions(config);
  const analysis = createAnalysis(jsQueries(ts, program), analysisOptionsOf(config));
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
