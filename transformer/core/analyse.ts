import type TS from "typescript";
import { checkDeclarations } from "./check-declarations.js";
import { checkMoves } from "./check-moves.js";
import { collector, type Diagnostic } from "./diagnostics.js";
import { createFacts } from "./facts.js";
import type { TypeQueries } from "./queries.js";
import { findSites, type Site } from "./sites.js";

/**
 * The analysis core: from a program's type queries to plain data per file (its diagnostics and
 * its expansion sites). Every front end renders this data and decides nothing itself: the tspc
 * transformer, the `check` command, the editor plugin, source edits for bundlers.
 */

export interface FileAnalysis {
  readonly fileName: string;
  readonly diagnostics: readonly Diagnostic[];
  readonly sites: readonly Site[];
}

export type Analysis = ReturnType<typeof createAnalysis>;

export function createAnalysis(queries: TypeQueries) {
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
        expressions.push(node.arguments[0]!);
      } else if (syntax.isDecorator(node)) {
        names.push(node.expression); // `@SmartPointer`, or the call `@ListItem(...)`
      } else if (syntax.isIdentifier(node)) {
        names.push(node); // the move check compares the variables it meets with the moved ones
      }
      if (syntax.isPropertyAccessExpression(node)) return visit(node.expression); // a member name is no variable
      syntax.forEachChild(node, visit);
    };
    visit(file);
    queries.prefetch(expressions, names);
  }

  return {
    /** False when no file of the project imports the runtime: then there is nothing to do. */
    enabled: facts.enabled,
    facts,
    /** The project's own source files, the ones to analyse. */
    ownFiles: queries.ownFiles,
    /** The diagnostics and expansion sites of `file`. */
    analyseFile(file: TS.SourceFile): FileAnalysis {
      if (!facts.enabled || file.isDeclarationFile) return { fileName: file.fileName, diagnostics: [], sites: [] };
      prefetch(file);
      const diagnostics: Diagnostic[] = [];
      const report = collector(file, diagnostics);
      checkDeclarations(facts, file, report);
      checkMoves(facts, file, report);
      diagnostics.sort((a, b) => a.start - b.start);
      return { fileName: file.fileName, diagnostics, sites: findSites(facts, file) };
    },
  };
}
