/**
 * ts-smart-pointer/language-service: a tsserver plugin that shows the plugin's diagnostics
 * (the table in core/diagnostics.ts) in the editor as you type, and offers the core's quick fixes.
 *
 *   "plugins": [{ "name": "ts-smart-pointer/language-service" }]
 *
 * It decorates the project's language service: `getSemanticDiagnostics` appends the analysis
 * core's diagnostics for the file, `getCodeFixesAtPosition` appends the core's fixes for them.
 * Like the transformer it uses only the `typescript` module tsserver hands it. tsserver loads it
 * with `require`, through the CommonJS entry tsserver-plugin.cts.
 */
import type TS from "typescript";
import { jsQueries } from "./backends/js.js";
import { createAnalysis, DEFAULT_ANALYSIS_OPTIONS, type AnalysisOptions } from "./core/analyse.js";
import { DIAGNOSTICS, type Diagnostic, type Fix } from "./core/diagnostics.js";
import { toTsDiagnostic } from "./diagnostic-format.js";
import { analysisOptionsOf, transformerEntry } from "./options.js";

/** The `fixName` of every code action this plugin returns. */
export const FIX_NAME = "ts-smart-pointer";

/** Our codes, as tsserver lists supported code fixes (strings). */
const OUR_CODES = Object.values(DIAGNOSTICS).map((d) => String(d.code));

/**
 * The analysis of the language service's current program. Invariant: `program` is the program
 * `analysis` was created from, and `files` holds only analyses made by it; a new program (any
 * edit) replaces the whole entry, since the core's facts hold that program's types.
 */
interface ProgramAnalysis {
  readonly program: TS.Program;
  readonly analysis: ReturnType<typeof createAnalysis>;
  readonly files: Map<string, readonly Diagnostic[]>;
}

/** The tsserver plugin factory: `init({ typescript }).create(info)` returns the decorated service. */
export default function init({ typescript: ts }: { typescript: typeof TS }): TS.server.PluginModule {
  advertiseCodeFixes(ts);
  return { create: (info) => decorate(ts, info.languageService) };
}

/** `service` with our diagnostics and fixes added; every other method is the original. */
function decorate(ts: typeof TS, service: TS.LanguageService): TS.LanguageService {
  let current: ProgramAnalysis | undefined;

  /** The core's diagnostics of `fileName` in the current program, computed once per program. */
  function analysisOf(fileName: string): { file: TS.SourceFile; diagnostics: readonly Diagnostic[] } | undefined {
    const program = service.getProgram();
    const file = program?.getSourceFile(fileName);
    if (!program || !file) return undefined;
    if (current?.program !== program) current = { program, analysis: createAnalysis(jsQueries(ts, program), analysisOptions(program)), files: new Map() };
    let diagnostics = current.files.get(file.fileName);
    if (!diagnostics) current.files.set(file.fileName, (diagnostics = current.analysis.diagnose(file)));
    return { file, diagnostics };
  }

  return {
    ...service,
    getSemanticDiagnostics(fileName) {
      const own = service.getSemanticDiagnostics(fileName);
      const found = analysisOf(fileName);
      if (!found || found.diagnostics.length === 0) return own;
      return [...own, ...found.diagnostics.map((d) => toTsDiagnostic(ts, found.file, d))];
    },
    getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences) {
      const own = service.getCodeFixesAtPosition(fileName, start, end, errorCodes, formatOptions, preferences);
      const diagnostics = analysisOf(fileName)?.diagnostics ?? [];
      const ours = diagnostics.filter((d) => errorCodes.includes(d.code) && overlaps(d, start, end));
      return [...own, ...ours.flatMap((d) => d.fixes.map((fix) => toCodeFixAction(fileName, fix)))];
    },
    getSupportedCodeFixes(fileName) {
      return [...new Set([...service.getSupportedCodeFixes(fileName), ...OUR_CODES])];
    },
  };
}

/**
 * The options of the project's transformer entry (`leaks`), so the editor reports what the build
 * does. An invalid entry fails the build with its own message; the editor then uses the defaults.
 */
function analysisOptions(program: TS.Program): AnalysisOptions {
  try {
    return analysisOptionsOf(transformerEntry(program.getCompilerOptions().plugins as { transform?: string }[] | undefined));
  } catch {
    return DEFAULT_ANALYSIS_OPTIONS;
  }
}

/** True when diagnostic `d` touches the range `[start, end]` the editor asks fixes for. */
function overlaps(d: Diagnostic, start: number, end: number): boolean {
  return d.start <= end && start <= d.start + d.length;
}

function toCodeFixAction(fileName: string, fix: Fix): TS.CodeFixAction {
  const textChanges = fix.edits.map((e) => ({ span: { start: e.start, length: e.end - e.start }, newText: e.text }));
  return { fixName: FIX_NAME, description: fix.description, changes: [{ fileName, textChanges }] };
}

/**
 * Adds our codes to the list tsserver answers `getSupportedCodeFixes` with when asked without a
 * file: VS Code asks that way and requests fixes only for the codes listed. That list is
 * TypeScript's registry of code fixes, reachable only through the internal `ts.codefix`; the
 * registration offers no action itself (the decorated `getCodeFixesAtPosition` does), so it is
 * harmless in projects without the plugin. Without `ts.codefix`, fixes still work for clients
 * that ask per file.
 */
function advertiseCodeFixes(ts: typeof TS): void {
  const codefix = (ts as { codefix?: { registerCodeFix?(registration: object): void; getSupportedErrorCodes?(): readonly string[] } }).codefix;
  if (!codefix?.registerCodeFix || codefix.getSupportedErrorCodes?.().includes(OUR_CODES[0]!)) return;
  codefix.registerCodeFix({ errorCodes: OUR_CODES.map(Number), getCodeActions: () => undefined });
}
