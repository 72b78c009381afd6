import type TS from "typescript";
import { acquiringExpression } from "./check-leaks.js";
import { checkDeclarations } from "./check-declarations.js";
import { checkOwnership, type LeakSeverity } from "./check-ownership.js";
import { collector, type Diagnostic } from "./diagnostics.js";
import { createFacts } from "./facts.js";
import type { TypeQueries } from "./queries.js";
import { fileLayout, findSites, type FileLayout, type Site } from "./sites.js";
import { unsuppressed } from "./suppression.js";

/**
 * The analysis core: from a program's type queries to plain data per file (its diagnostics and
 * its expansion sites). Every front end renders this data and decides nothing itself: the tspc
 * transformer, the `check` command, the editor plugin, source edits for bundlers.
 */

export interface FileAnalysis {
  readonly fileName: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sites: readonly Site[];
  readonly layout: FileLayout;
}

/** The analysis's options, as plain data (each front end reads them from its own configuration). */
export interface AnalysisOptions {
  /** How leaks of owned pointers are reported (TS9016). Off by default: see the README's figures. */
  readonly leaks: LeakSeverity;
}

export const DEFAULT_ANALYSIS_OPTIONS: AnalysisOptions = { leaks: "off" };

export type Analysis = ReturnType<typeof createAnalysis>;

export function createAnalysis(queries: TypeQueries, options: AnalysisOptions = DEFAULT_ANALYSIS_OPTIONS) {
  const facts = createFacts(queries);
  const { syntax } = queries;

  /** Asks in one batch for what the visitors will ask of the file's nodes (see TypeQueries.prefetch). */
  function prefetch(file: TS.SourceFile): void {
    const expressions: TS.Node[] = [];
    const names: TS.Node[] = [];
    const visit = (node: TS.Node): void => {
      if (syntax.isPropertyAccessExpression(node)) {
        expressions.push(node.expression);
        names.push(node.expression);
      } else if (syntax.isCallExpression(node) && node.arguments.length > 0) {
        expressions.push(node.arguments[0]!); // a consumed argument: the move rules ask whether it is a pointer
      } else if (syntax.isVariableDeclaration(node) && options.leaks !== "off") {
        const acquiring = acquiringExpression(syntax, node.initializer);
        if (acquiring) expressions.push(acquiring); // the leak rule asks whether it makes an owned pointer
      } else if (syntax.isDecorator(node)) {
        names.push(node.expression); // `@SmartPointer`, or the call `@ListItem(...)`
      } else if (syntax.isIdentifier(node)) {
        names.push(node); // the ownership rules compare the variables they meet with the tracked ones
      }
      if (syntax.isPropertyAccessExpression(node)) return visit(node.expression); // a member name is no variable
      syntax.forEachChild(node, visit);
    };
    visit(file);
    queries.prefetch(expressions, names);
  }

  function diagnose(file: TS.SourceFile): readonly Diagnostic[] {
    if (!facts.enabled || file.isDeclarationFile) return [];
    prefetch(file);
    const diagnostics: Diagnostic[] = [];
    const report = collector(file, diagnostics);
    checkDeclarations(facts, file, report);
    checkOwnership(facts, file, report, options.leaks);
    diagnostics.sort((a, b) => a.start - b.start);
    return unsuppressed(file, diagnostics);
  }

  return {
    /** False when no file of the project imports the runtime: then there is nothing to do. */
    enabled: facts.enabled,
    facts,
    /** The project's own source files, the ones to analyse. */
    ownFiles: queries.ownFiles,
    /** The diagnostics and expansion sites of `file` (what a build renders). */
    analyseFile(file: TS.SourceFile): FileAnalysis {
      const sites = facts.enabled && !file.isDeclarationFile ? findSites(facts, file) : [];
      return { fileName: file.fileName, diagnostics: diagnose(file), sites, layout: fileLayout(syntax, file) };
    },
    /** The diagnostics of `file` alone (what `check` and the editor show: no expansion to render). */
    diagnose,
  };
}
