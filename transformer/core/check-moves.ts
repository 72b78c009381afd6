import type TS from "typescript";
import type { Fix, Report } from "./diagnostics.js";
import type { Facts, PointerKind } from "./facts.js";
import type { QSymbol } from "./queries.js";
import { lineOf, textOf } from "./syntax.js";

/**
 * rustc E0382 for the common case: in one block, a local pointer that a statement moves
 * (a `self` receiver of an owning kind, or one of the runtime's consuming statics and methods)
 * and a later statement of the same block uses. Only straight-line moves count, so there are no
 * false positives from branches or loops; the debug runtime catches the rest when it happens.
 */

interface Move {
  readonly by: string;
  readonly line: number;
  readonly kind: PointerKind;
  /** The moved expression (the variable), where a clone can be inserted. */
  readonly at: TS.Node;
}

export function checkMoves(facts: Facts, file: TS.SourceFile, report: Report): void {
  const { syntax, queries } = facts;

  /** The local variable a statement moves, with what moved it. */
  function moveIn(statement: TS.Statement): [QSymbol, Move] | undefined {
    const expression = syntax.isExpressionStatement(statement)
      ? statement.expression
      : syntax.isVariableStatement(statement) && statement.declarationList.declarations.length === 1
        ? statement.declarationList.declarations[0]!.initializer
        : undefined;
    if (!expression || !syntax.isCallExpression(expression) || !syntax.isPropertyAccessExpression(expression.expression)) return undefined;
    const moved = movedBy(expression, expression.expression);
    if (!moved || !syntax.isIdentifier(moved)) return undefined;
    const pointer = facts.pointerAt(moved);
    const symbol = queries.symbolAt(moved);
    if (!pointer || !symbol || !isLocal(symbol)) return undefined;
    return [symbol, { by: textOf(file, expression).slice(0, 60), line: lineOf(file, expression.getStart(file)), kind: pointer.kind, at: moved }];
  }

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
    return !!declaration && (syntax.isVariableDeclaration(declaration) || syntax.isParameter(declaration));
  }

  /** The first use of a moved symbol inside `node`, unless the statement reassigns it first. */
  function firstUse(node: TS.Node, moved: Map<QSymbol, Move>): [TS.Identifier, QSymbol] | undefined {
    let found: [TS.Identifier, QSymbol] | undefined;
    const visit = (n: TS.Node): void => {
      if (found) return;
      if (syntax.isBinaryExpression(n) && n.operatorToken.kind === syntax.SyntaxKind.EqualsToken && syntax.isIdentifier(n.left)) {
        const target = queries.symbolAt(n.left);
        syntax.forEachChild(n.right, visit);
        if (target) moved.delete(target); // reassigned: a fresh pointer
        return;
      }
      if (syntax.isIdentifier(n)) {
        const symbol = queries.symbolAt(n);
        if (symbol && moved.has(symbol)) found = [n, symbol];
        return;
      }
      syntax.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  function checkBlock(statements: readonly TS.Statement[]): void {
    const moved = new Map<QSymbol, Move>();
    for (const statement of statements) {
      const use = moved.size > 0 ? firstUse(statement, moved) : undefined;
      if (use) {
        const [identifier, symbol] = use;
        const move = moved.get(symbol)!;
        report(identifier, "useAfterMove", [identifier.text, move.by, String(move.line), move.kind.keep.replace("{0}", identifier.text)], cloneFix(move, identifier.text));
        moved.delete(symbol); // one report per move
      }
      const move = moveIn(statement);
      if (move) moved.set(...move);
    }
  }

  /** The quick fix for a use after a move: move a clone instead, where the kind can clone. */
  function cloneFix(move: Move, name: string): Fix[] {
    if (!move.kind.clone) return [];
    const start = move.at.getStart(file);
    return [{ description: `Move a clone of \`${name}\` (${move.kind.clone.replace("{0}", name)}) instead`, edits: [{ start, end: move.at.end, text: move.kind.clone.replace("{0}", name) }] }];
  }

  const visit = (node: TS.Node): void => {
    if (syntax.isBlock(node) || syntax.isSourceFile(node) || syntax.isModuleBlock(node)) checkBlock(node.statements);
    else if (syntax.isCaseClause(node) || syntax.isDefaultClause(node)) checkBlock(node.statements);
    syntax.forEachChild(node, visit);
  };
  visit(file);
}
