import type TS from "typescript";
import { SURFACE } from "../../runtime/internal/surface.js";
import type { Facts } from "./facts.js";
import { decoratorsOf, isStatic } from "./syntax.js";

/**
 * Where the expansion applies, as plain data with source positions: every renderer (the tspc
 * transformer, source edits for bundlers) rewrites exactly these sites and nothing else.
 */

/** How a call through a pointer reaches its method: auto-deref, a lent receiver, a moved one. */
export type CallShape = "method" | "receiver" | "move";

interface Span {
  /** The node's start (its first token, trivia excluded) and end, as offsets in the file's text. */
  readonly start: number;
  readonly end: number;
}

/** `p.m(args)` through a pointer `p` (the callee `p.m` is a property access). */
export interface CallSite extends Span {
  readonly is: "call";
  readonly member: string;
  readonly shape: CallShape;
}

/** `p.field` read (or assigned) through a pointer. */
export interface ReadSite extends Span {
  readonly is: "read";
  readonly member: string;
}

/** A runtime decorator the expansion replaces with static glue. */
export type Glue = (Span & { readonly is: "pointer" }) | (Span & { readonly is: "listItem"; readonly ids: readonly number[] });

/** A class with runtime decorators or receiver methods. */
export interface ClassSite extends Span {
  readonly is: "class";
  readonly glue: readonly Glue[];
  /** Receiver methods by name, with their pointer kinds: `[["run", "ListArc"]]`. */
  readonly receivers: readonly (readonly [name: string, kind: string])[];
}

export type Site = CallSite | ReadSite | ClassSite;

/** The key a renderer looks a node up by: the site's kind and span. */
export const siteKey = (is: Site["is"], start: number, end: number): string => `${is}:${start}:${end}`;

export function findSites(facts: Facts, file: TS.SourceFile): Site[] {
  const { syntax } = facts;
  const sites: Site[] = [];

  const visit = (node: TS.Node): void => {
    if (syntax.isCallExpression(node)) callSite(node);
    else if (syntax.isPropertyAccessExpression(node)) readSite(node);
    else if (syntax.isClassLike(node)) classSite(node);
    syntax.forEachChild(node, visit);
  };

  /**
   * The pointer `access` reads through, with how its member is reached. Accesses in an optional
   * chain (`a?.p.m()`) are left to the runtime: a rewrite would break the short-circuit.
   */
  function throughPointer(access: TS.PropertyAccessExpression) {
    if (!syntax.isIdentifier(access.name) || syntax.isOptionalChain(access) || access.expression.kind === syntax.SyntaxKind.SuperKeyword) return undefined;
    const pointer = facts.pointerAt(access.expression);
    return pointer && facts.memberThrough(pointer, access.name.text);
  }

  const span = (node: TS.Node): Span => ({ start: node.getStart(file), end: node.end });

  function callSite(call: TS.CallExpression): void {
    const callee = call.expression;
    if (!syntax.isPropertyAccessExpression(callee) || syntax.isOptionalChain(call)) return;
    const member = throughPointer(callee);
    const shape = member?.is === "method" ? "method" : member?.is === "receiver" ? (member.receiver.moves ? "move" : "receiver") : undefined;
    if (shape) sites.push({ is: "call", ...span(call), member: callee.name.text, shape });
  }

  function readSite(access: TS.PropertyAccessExpression): void {
    if (throughPointer(access)?.is === "field") sites.push({ is: "read", ...span(access), member: access.name.text });
  }

  function classSite(cls: TS.ClassLikeDeclaration): void {
    const glue: Glue[] = [];
    for (const decorator of decoratorsOf(syntax, cls)) {
      const e = decorator.expression;
      if (facts.isRuntime(e, SURFACE.decorators.pointer)) glue.push({ is: "pointer", ...span(decorator) });
      else if (syntax.isCallExpression(e) && facts.isRuntime(e.expression, SURFACE.decorators.listItem)) {
        const ids = e.arguments.length > 0 ? e.arguments.map((a) => (syntax.isNumericLiteral(a) ? Number(a.text) : NaN)) : [0];
        glue.push({ is: "listItem", ...span(decorator), ids });
      }
    }
    const receivers: [string, string][] = [];
    for (const member of cls.members) {
      if (!syntax.isMethodDeclaration(member) || isStatic(syntax, member)) continue;
      if (!syntax.isIdentifier(member.name) && !syntax.isStringLiteral(member.name)) continue;
      const kind = facts.receiverOf(member);
      if (kind) receivers.push([member.name.text, kind.name]);
    }
    if (glue.length > 0 || receivers.length > 0) sites.push({ is: "class", ...span(cls), glue, receivers });
  }

  visit(file);
  return sites;
}
