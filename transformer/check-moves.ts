import type TS from "typescript";
import type { Analysis } from "./analyse.js";
import type { Report } from "./diagnostics.js";

/**
 * rustc E0382 for the common case: in one block, a local pointer that a statement moves
 * (a `self` receiver of an owning kind, a drop, a push into a list, a conversion) and a later
 * statement of the same block uses. Only straight-line moves count, so there are no false
 * positives from branches or loops; the debug runtime catches the rest when it happens.
 */

/** Runtime statics that take ownership of their first argument. */
const CONSUMING_STATICS: Record<string, readonly string[]> = {
  Arc: ["drop", "intoUniqueOrDrop", "from"],
  UniqueArc: ["drop"],
  ListArc: ["drop", "intoArc", "from", "pairFromUnique"],
};

/** Methods of the runtime's List and Cursor that take ownership of their argument. */
const CONSUMING_METHODS = new Set(["pushBack", "pushFront", "insertNext", "insertPrev"]);

interface Move {
  readonly by: string;
  readonly line: number;
  readonly kind: string;
}

export function checkMoves(analysis: Analysis, file: TS.SourceFile, report: Report): void {
  const { ts, checker } = analysis;

  /** The local variable a moved pointer expression names, with what moved it. */
  function moveIn(statement: TS.Statement): [TS.Symbol, Move] | undefined {
    const expression = ts.isExpressionStatement(statement)
      ? statement.expression
      : ts.isVariableStatement(statement) && statement.declarationList.declarations.length === 1
        ? statement.declarationList.declarations[0]!.initializer
        : undefined;
    if (!expression || !ts.isCallExpression(expression) || !ts.isPropertyAccessExpression(expression.expression)) return undefined;
    const callee = expression.expression;
    const method = callee.name.text;
    let moved: TS.Expression | undefined;
    if (Object.entries(CONSUMING_STATICS).some(([name, methods]) => methods.includes(method) && analysis.isRuntime(callee.expression, name))) {
      moved = expression.arguments[0];
    } else if (CONSUMING_METHODS.has(method) && isRuntimeListOrCursor(checker.getTypeAtLocation(callee.expression))) {
      moved = expression.arguments[0];
    } else {
      const pointer = analysis.pointerAt(callee.expression);
      const member = pointer && analysis.memberThrough(pointer, method);
      if (member?.is === "receiver" && member.receiver.moves) moved = callee.expression;
    }
    if (!moved || !ts.isIdentifier(moved)) return undefined;
    const pointer = analysis.pointerAt(moved);
    const symbol = checker.getSymbolAtLocation(moved);
    if (!pointer || !symbol || !isLocal(symbol)) return undefined;
    const line = file.getLineAndCharacterOfPosition(expression.getStart(file)).line + 1;
    return [symbol, { by: expression.getText(file).replace(/\s+/g, " ").slice(0, 60), line, kind: pointer.kind }];
  }

  function isRuntimeListOrCursor(type: TS.Type): boolean {
    return analysis.isRuntimeSymbol(type.symbol, "List") || analysis.isRuntimeSymbol(type.symbol, "Cursor");
  }

  function isLocal(symbol: TS.Symbol): boolean {
    const declaration = symbol.valueDeclaration;
    return !!declaration && (ts.isVariableDeclaration(declaration) || ts.isParameter(declaration));
  }

  /** The first use of a moved symbol inside `node`, unless the statement reassigns it first. */
  function firstUse(node: TS.Node, moved: Map<TS.Symbol, Move>): [TS.Identifier, TS.Symbol] | undefined {
    let found: [TS.Identifier, TS.Symbol] | undefined;
    const visit = (n: TS.Node): void => {
      if (found) return;
      if (ts.isBinaryExpression(n) && n.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(n.left)) {
        const target = checker.getSymbolAtLocation(n.left);
        ts.forEachChild(n.right, visit);
        if (target) moved.delete(target); // reassigned: a fresh pointer
        return;
      }
      if (ts.isIdentifier(n)) {
        const symbol = checker.getSymbolAtLocation(n);
        if (symbol && moved.has(symbol)) found = [n, symbol];
        return;
      }
      ts.forEachChild(n, visit);
    };
    visit(node);
    return found;
  }

  function checkBlock(statements: readonly TS.Statement[]): void {
    const moved = new Map<TS.Symbol, Move>();
    for (const statement of statements) {
      const use = moved.size > 0 ? firstUse(statement, moved) : undefined;
      if (use) {
        const [identifier, symbol] = use;
        const move = moved.get(symbol)!;
        report(identifier, "useAfterMove", identifier.text, move.by, String(move.line), keepHint(move.kind, identifier.text));
        moved.delete(symbol); // one report per move
      }
      const move = moveIn(statement);
      if (move) moved.set(...move);
    }
  }

  const visit = (node: TS.Node): void => {
    if (ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node)) checkBlock(node.statements);
    else if (ts.isCaseClause(node) || ts.isDefaultClause(node)) checkBlock(node.statements);
    ts.forEachChild(node, visit);
  };
  visit(file);
}

/** How to keep a pointer of `kind` across a move, for the diagnostic's help line. */
function keepHint(kind: string, name: string): string {
  if (kind === "ListArc") return `take a plain Arc with \`ListArc.cloneArc(${name})\``;
  if (kind === "UniqueArc") return `share it with \`Arc.from(${name})\` and clone that Arc`;
  return `clone it: \`${kind}.clone(${name})\``;
}
