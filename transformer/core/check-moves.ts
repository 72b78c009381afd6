import type TS from "typescript";
import type { Fix, Report } from "./diagnostics.js";
import type { Facts } from "./facts.js";
import { moveSite, type MoveSite } from "./flow.js";
import type { QSymbol } from "./queries.js";

/**
 * The move rules (rustc E0382). A move is a local variable consumed where it stands: the pointer
 * of a moving receiver (`job.run()` with `run(self: Arc<this>)`), or the argument of one of the
 * runtime's consuming statics and methods (`Arc.drop(job)`, `list.pushBack(la)`; an `"if-owning"`
 * one only when the argument is of an owning kind). A closure whose body moves a captured
 * variable may be called once: each call is a move of the closure. Borrows are not moves.
 */

export interface Moves {
  /** The move each moving identifier makes, by the identifier node. */
  readonly sites: ReadonlyMap<TS.Node, MoveSite>;
  /** The variables some site moves. */
  readonly moved: ReadonlySet<QSymbol>;
  /** Closures bound to a `const` whose body contains a move: each may move what it captures. */
  readonly closures: ReadonlyMap<QSymbol, TS.Node>;
}

export function findMoves(facts: Facts, file: TS.SourceFile): Moves {
  const { syntax, queries } = facts;
  const sites = new Map<TS.Node, MoveSite>();
  const moved = new Set<QSymbol>();
  const bindings: TS.VariableDeclaration[] = [];

  /** The expression a call moves: a consumed argument, or the pointer of a moving receiver. */
  function movedBy(call: TS.CallExpression, callee: TS.PropertyAccessExpression): TS.Expression | undefined {
    const consumption = facts.consumptionOf(callee);
    const argument = call.arguments[0];
    if (consumption === "always") return argument;
    if (consumption === "if-owning") return argument && facts.pointerAt(argument)?.kind.moves ? argument : undefined;
    const pointer = facts.pointerAt(callee.expression);
    const member = pointer && facts.memberThrough(pointer, callee.name.text);
    return member?.is === "receiver" && member.receiver.moves ? callee.expression : undefined;
  }

  function isLocal(symbol: QSymbol): boolean {
    const declaration = queries.declarationsOf(symbol)[0];
    return !!declaration && (syntax.isVariableDeclaration(declaration) || syntax.isParameter(declaration) || syntax.isBindingElement(declaration));
  }

  const visit = (node: TS.Node): void => {
    if (syntax.isCallExpression(node) && syntax.isPropertyAccessExpression(node.expression)) {
      const target = movedBy(node, node.expression);
      const symbol = target && syntax.isIdentifier(target) ? queries.symbolAt(target) : undefined;
      const pointer = symbol && facts.pointerAt(target!);
      if (pointer && isLocal(symbol!)) {
        sites.set(target!, moveSite(file, target!, node, { kind: pointer.kind }));
        moved.add(symbol!);
      }
    } else if (syntax.isVariableDeclaration(node) && syntax.isIdentifier(node.name) && node.initializer && isFunction(syntax, node.initializer)) {
      bindings.push(node);
    }
    syntax.forEachChild(node, visit);
  };
  visit(file);

  const closures = new Map<QSymbol, TS.Node>();
  const positions = [...sites.keys()].map((n) => n.pos);
  for (const binding of bindings) {
    const fn = binding.initializer!;
    if (!positions.some((p) => p >= fn.pos && p < fn.end)) continue;
    const symbol = queries.symbolAt(binding.name);
    if (symbol) closures.set(symbol, fn);
  }
  return { sites, moved, closures };
}

/** True for the nodes a closure is made of: arrow functions and function expressions. */
export function isFunction(syntax: Facts["syntax"], node: TS.Node): boolean {
  return syntax.isArrowFunction(node) || syntax.isFunctionExpression(node);
}

/**
 * The move a call `f()` of a move-once closure makes: `captured` is what the closure moves out of
 * its environment (undefined: the closure moves nothing it captures, so it may be called again).
 */
export function closureCallMove(file: TS.SourceFile, callee: TS.Identifier, captured: string | undefined): MoveSite | undefined {
  const call = callee.parent;
  if (captured === undefined || !call || (call as TS.CallExpression).expression !== callee) return undefined;
  return moveSite(file, callee, call, { movesCaptured: captured });
}

/** Reports a use of a variable that may be moved, citing the move that reaches it (rustc's shape). */
export function reportUseOfMoved(file: TS.SourceFile, report: Report, use: TS.Identifier, moves: readonly MoveSite[]): void {
  const start = (m: MoveSite) => m.at.getStart(file);
  // The move to cite: the latest of this iteration, else the first of a previous one.
  const before = moves.filter((m) => !m.previousIteration).sort((a, b) => start(b) - start(a));
  const move = before[0] ?? [...moves].sort((a, b) => start(a) - start(b))[0]!;
  const name = use.text;
  if (move.movesCaptured !== undefined) return report(use, "closureCalledTwice", [name, move.movesCaptured, String(move.line)]);
  const keep = move.kind?.keep.replace(/\{0\}/g, name) ?? "";
  report(use, before[0] ? "useAfterMove" : "useAfterMoveInLoop", [name, move.by, String(move.line), keep], cloneFix(file, move, name));
}

/** The quick fix for a use after a move: move a clone instead, where the kind can clone. */
function cloneFix(file: TS.SourceFile, move: MoveSite, name: string): Fix[] {
  const clone = move.kind?.clone?.replace("{0}", name);
  if (!clone || move.movesCaptured !== undefined || (move.at as TS.Identifier).text !== name) return [];
  return [{ description: `Move a clone of \`${name}\` (${clone}) instead`, edits: [{ start: move.at.getStart(file), end: move.at.end, text: clone }] }];
}
