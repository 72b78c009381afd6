import type TS from "typescript";
import type { Category, Fix, Report } from "./diagnostics.js";
import type { Facts, PointerKind } from "./facts.js";
import type { QSymbol } from "./queries.js";
import { isStatic } from "./syntax.js";

/**
 * The leak rule. A leak candidate is a local that owns a pointer of an owning kind (`Arc`,
 * `UniqueArc`, `ListArc`) from its start: a `const` or `let` initialised by a call or `new` that
 * returns one (`Arc.new(x)`, `Arc.clone(a)`, a function returning an `Arc`), or the `self` a
 * moving receiver is handed. It must be dropped, moved, returned or given away on every path
 * before its scope ends. Given away is decided conservatively: any use but a borrow (a receiver,
 * a condition, a comparison, an argument of a runtime call that lends) counts, so a leak is
 * reported only where nothing could have taken the pointer. Not candidates: `using` declarations
 * (dropped by the language), `var` (function-scoped), exported bindings, and nullable results
 * (`ListArc | null`), whose empty case owns nothing.
 */

export interface Candidate {
  /** The declaration's name (or the `self` parameter's), where the report points. */
  readonly name: TS.Identifier;
  readonly kind: PointerKind;
  /** The `const` declaration list, when `using` can replace its keyword. */
  readonly constList?: TS.VariableDeclarationList;
}

export interface Leaks {
  readonly candidates: ReadonlyMap<QSymbol, Candidate>;
  /** The parameters owned at entry of each receiver method (its moving `self`). */
  readonly owningSelf: ReadonlyMap<TS.Node, QSymbol>;
  /** The owning pointer kind `expression` makes fresh (a call or `new`), if it does. */
  acquisition(expression: TS.Expression | undefined): PointerKind | undefined;
}

/** The expressions whose type the leak rule asks: initialisers that may acquire a pointer (for the prefetch). */
export function acquiringExpression(syntax: Facts["syntax"], expression: TS.Expression | undefined): TS.Expression | undefined {
  let e = expression;
  while (e && (syntax.isParenthesizedExpression(e) || syntax.isAwaitExpression(e) || syntax.isAsExpression(e) || syntax.isNonNullExpression(e))) e = e.expression;
  return e && (syntax.isCallExpression(e) || syntax.isNewExpression(e)) ? e : undefined;
}

export function findLeaks(facts: Facts, file: TS.SourceFile): Leaks {
  const { syntax, queries } = facts;
  const candidates = new Map<QSymbol, Candidate>();
  const owningSelf = new Map<TS.Node, QSymbol>();
  const kinds = new Map<TS.Node, PointerKind | undefined>();

  function acquisition(expression: TS.Expression | undefined): PointerKind | undefined {
    const e = acquiringExpression(syntax, expression);
    if (!e) return undefined;
    if (!kinds.has(e)) {
      const kind = facts.pointerAt(e)?.kind;
      kinds.set(e, kind?.moves ? kind : undefined);
    }
    return kinds.get(e);
  }

  /** `const`/`let` (not `var`, `using` or `await using`), read from the source text: node flags differ between TypeScript versions. */
  const keyword = (list: TS.VariableDeclarationList) => /^\w+/.exec(file.text.slice(list.getStart(file), list.getStart(file) + 6))?.[0];
  const exported = (statement: TS.Node) => ((statement as { modifiers?: readonly TS.Node[] }).modifiers ?? []).some((m) => m.kind === syntax.SyntaxKind.ExportKeyword);

  const visit = (node: TS.Node): void => {
    if (syntax.isVariableStatement(node) && !exported(node)) {
      const list = node.declarationList;
      const word = keyword(list);
      for (const d of list.declarations) {
        if ((word !== "const" && word !== "let") || !syntax.isIdentifier(d.name)) continue;
        const kind = acquisition(d.initializer);
        const symbol = kind && queries.symbolAt(d.name);
        if (symbol) candidates.set(symbol, { name: d.name, kind: kind!, constList: word === "const" && list.declarations.length === 1 ? list : undefined });
      }
    } else if (syntax.isMethodDeclaration(node) && node.body && !isStatic(syntax, node)) {
      const self = node.parameters[0];
      const kind = self && facts.receiverOf(node);
      const symbol = kind?.moves && syntax.isIdentifier(self!.name) ? queries.symbolAt(self!.name) : undefined;
      if (symbol) {
        candidates.set(symbol, { name: self!.name as TS.Identifier, kind: kind! });
        owningSelf.set(node, symbol);
      }
    }
    syntax.forEachChild(node, visit);
  };
  visit(file);
  return { candidates, owningSelf, acquisition };
}

/** Reports that `candidate` leaks on `path`, with `using` as the fix where it applies. */
export function reportLeak(file: TS.SourceFile, report: Report, candidate: Candidate, path: string, category: Category): void {
  const name = candidate.name.text;
  const drop = candidate.kind.drop?.replace("{0}", name) ?? `drop \`${name}\``;
  const fixes: Fix[] = [];
  if (candidate.constList) {
    const start = candidate.constList.getStart(file);
    fixes.push({ description: `Declare \`${name}\` with \`using\``, edits: [{ start, end: start + "const".length, text: "using" }] });
  }
  report(candidate.name, "leak", [name, candidate.kind.name, path, drop], fixes, category);
}
