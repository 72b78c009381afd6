import type TS from "typescript";
import { findLeaks, reportLeak, type Leaks } from "./check-leaks.js";
import { closureCallMove, findMoves, reportUseOfMoved } from "./check-moves.js";
import type { Category, Report } from "./diagnostics.js";
import type { Facts } from "./facts.js";
import { createFlowWalker, type FlowRules, type FunctionSummary, type MoveSite } from "./flow.js";
import type { QSymbol } from "./queries.js";

/**
 * Ownership checking for one file: finds the moves (check-moves.ts) and the leak candidates
 * (check-leaks.ts), then walks each function that holds one over its control flow (flow.ts).
 * Files and functions with neither are not walked at all, which keeps the check cheap.
 *
 * Variables are matched by identifier text first; only an identifier whose text is a tracked
 * variable's name is asked for its symbol (each such question is a round trip on TypeScript 7).
 */

/** How leaks are reported: off (the default, see README), or as warnings or errors. */
export type LeakSeverity = "off" | "warn" | "error";

export function checkOwnership(facts: Facts, file: TS.SourceFile, report: Report, leakSeverity: LeakSeverity): void {
  const { syntax, queries } = facts;
  const K = syntax.SyntaxKind;
  const functionKinds = new Set([K.ArrowFunction, K.FunctionExpression, K.FunctionDeclaration, K.MethodDeclaration, K.Constructor, K.GetAccessor, K.SetAccessor]);
  const isFunctionLike = (node: TS.Node) => functionKinds.has(node.kind);
  const moves = findMoves(facts, file);
  const leaks: Leaks | undefined = leakSeverity === "off" ? undefined : findLeaks(facts, file);
  const tracked = new Set<QSymbol>([...moves.moved, ...moves.closures.keys(), ...(leaks?.candidates.keys() ?? [])]);
  if (tracked.size === 0) return;

  const byName = new Map<string, QSymbol[]>();
  for (const symbol of tracked) byName.set(queries.nameOf(symbol), [...(byName.get(queries.nameOf(symbol)) ?? []), symbol]);
  /** Where the walk must go: each move, each candidate, each move-once closure. */
  const positions = [...moves.sites.keys(), ...[...moves.closures.values()], ...[...(leaks?.candidates.values() ?? [])].map((c) => c.name)].map((n) => n.pos);
  const holdsPosition = (node: TS.Node) => positions.some((p) => p >= node.pos && p < node.end);

  const symbols = new Map<TS.Node, QSymbol | undefined>();
  function variableAt(identifier: TS.Identifier): QSymbol | undefined {
    const named = byName.get(identifier.text);
    if (!named) return undefined;
    if (!symbols.has(identifier)) {
      const symbol = identifier.parent?.kind === K.ShorthandPropertyAssignment ? innermost(named, identifier) : queries.symbolAt(identifier);
      symbols.set(identifier, symbol && tracked.has(symbol) ? symbol : undefined);
    }
    return symbols.get(identifier);
  }

  /** `{ job }`: the checker names the property, so the value is the innermost of `named` declared around `at`. */
  function innermost(named: readonly QSymbol[], at: TS.Node): QSymbol | undefined {
    let best: [QSymbol, number] | undefined;
    for (const symbol of named) {
      const scope = scopeOf(symbol);
      if (scope && at.pos >= scope.pos && at.end <= scope.end && (!best || scope.end - scope.pos < best[1])) best = [symbol, scope.end - scope.pos];
    }
    return best?.[0];
  }

  /** The block (or function, for a parameter) a variable is declared in. */
  function scopeOf(symbol: QSymbol): TS.Node | undefined {
    const scopes = [K.Block, K.SourceFile, K.ModuleBlock, K.CaseBlock, K.ForStatement, K.ForOfStatement, K.ForInStatement];
    let node = queries.declarationsOf(symbol)[0]?.parent;
    while (node && !scopes.includes(node.kind) && !isFunctionLike(node)) node = node.parent;
    return node;
  }

  const declaredAt = new Map<QSymbol, number>();
  const declarationPos = (symbol: QSymbol) => {
    if (!declaredAt.has(symbol)) declaredAt.set(symbol, queries.declarationsOf(symbol)[0]?.pos ?? -1);
    return declaredAt.get(symbol)!;
  };
  const captures = new Map<TS.Node, Map<QSymbol, TS.Identifier>>();
  function capturesOf(node: TS.Node): ReadonlyMap<QSymbol, TS.Identifier> {
    let found = captures.get(node);
    if (found) return found;
    captures.set(node, (found = new Map()));
    const visit = (n: TS.Node): void => {
      const symbol = syntax.isIdentifier(n) ? variableAt(n) : undefined;
      if (symbol && !found!.has(symbol)) {
        const at = declarationPos(symbol);
        if (at < node.pos || at >= node.end) found!.set(symbol, n as TS.Identifier);
      }
      syntax.forEachChild(n, visit);
    };
    syntax.forEachChild(node, visit);
    return found;
  }

  const summaries = new Map<TS.Node, FunctionSummary>();
  const nothingMoved: FunctionSummary = { moves: new Map() };
  function summaryOf(fn: TS.Node): FunctionSummary {
    let summary = summaries.get(fn);
    if (!summary) {
      summaries.set(fn, nothingMoved); // a recursive closure sees no moves of itself
      summary = holdsPosition(fn) ? walker.walkFunction(fn) : nothingMoved;
      summaries.set(fn, summary);
    }
    return summary;
  }

  /** What a move-once closure moves out of its environment: the name of one such variable. */
  function capturedMove(fn: TS.Node): string | undefined {
    const { moves: moved } = summaryOf(fn);
    for (const [symbol, reference] of capturesOf(fn)) if (moved.has(symbol)) return reference.text;
    return undefined;
  }

  const uses = new Map<TS.Node, readonly MoveSite[]>();
  const leaked = new Map<QSymbol, string>();
  const rules: FlowRules = {
    variableAt,
    moveAt(identifier, symbol) {
      const site = moves.sites.get(identifier);
      if (site) return site;
      const fn = moves.closures.get(symbol);
      return fn && closureCallMove(file, identifier, capturedMove(fn));
    },
    acquires: (symbol, expression) => !!leaks?.candidates.has(symbol) && leaks.acquisition(expression) !== undefined,
    ownedParameters(fn) {
      const self = leaks?.owningSelf.get(fn);
      return self ? [self] : [];
    },
    closure: summaryOf,
    capturesOf,
    borrowsArguments: (call) => syntax.isPropertyAccessExpression(call.expression) && (facts.lendsArguments(call.expression) || facts.consumptionOf(call.expression) !== undefined),
    useOfMoved: (use, _symbol, sites) => void uses.set(use, sites), // a later round of a loop sees more: keep the last
    leak: (symbol, path) => void (leaked.has(symbol) || leaked.set(symbol, path)),
  };
  const walker = createFlowWalker(syntax, file, rules);

  const visit = (node: TS.Node): void => {
    if (!holdsPosition(node)) return; // no move or candidate below: nothing to walk
    if (isFunctionLike(node)) summaryOf(node);
    syntax.forEachChild(node, visit);
  };
  summaryOf(file);
  syntax.forEachChild(file, visit);

  for (const [use, sites] of uses) reportUseOfMoved(file, report, use as TS.Identifier, sites);
  const category: Category = leakSeverity === "error" ? "error" : "warning";
  for (const [symbol, path] of leaked) reportLeak(file, report, leaks!.candidates.get(symbol)!, path, category);

}
