import type TS from "typescript";
import { SURFACE } from "../../runtime/internal/surface.js";
import type { Facts } from "./facts.js";
import { decoratorsOf, isStatic, type Syntax } from "./syntax.js";

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

/**
 * Where a call's temporary lives, as TypeScript hoists one: at `at` (the start of the nearest
 * function body or of the module, after its prologue), or in an arrow's concise body, which
 * becomes a block for it.
 */
export type TempScope = { readonly at: number } | { readonly arrowBody: Span };

/** `p.m(args)` through a pointer `p` (the callee `p.m` is a property access). */
export interface CallSite extends Span {
  readonly is: "call";
  readonly member: string;
  readonly shape: CallShape;
  /** The pointer expression `p`. */
  readonly pointer: Span;
  /** Just after the call's `(`, and whether an argument follows. */
  readonly argsAt: number;
  readonly hasArgs: boolean;
  /** `p` is a name or `this`: it can be evaluated twice, so no temporary holds it. */
  readonly reusable: boolean;
  readonly scope: TempScope;
  /**
   * The call starts a statement that follows one not ended by `;`: an expansion opening with `(`
   * there would continue the previous statement (`f()\n(t = p)...` is a call of `f()`'s result).
   */
  readonly afterUnterminated: boolean;
}

/** `p.field` read (or assigned) through a pointer. */
export interface ReadSite extends Span {
  readonly is: "read";
  readonly member: string;
  readonly pointer: Span;
}

/** A runtime decorator the expansion replaces with static glue. */
export type Glue = (Span & { readonly is: "pointer" }) | (Span & { readonly is: "listItem"; readonly ids: readonly number[] });

/**
 * Where a `@ListItem` class's constructor creates the list slots: as statement `index` of its
 * body (offset `at`: first in a base class, right after a top-level `super(...)` in a derived
 * one), or in a constructor added for it. A class for which neither works has none: the runtime
 * then adds the slots on first use.
 */
export type Slots = { readonly is: "statement"; readonly index: number; readonly at: number } | { readonly is: "constructor"; readonly derived: boolean };

/** A class with runtime decorators or receiver methods. */
export interface ClassSite extends Span {
  readonly is: "class";
  readonly glue: readonly Glue[];
  /** Receiver methods by name, with their pointer kinds: `[["run", "ListArc"]]`. */
  readonly receivers: readonly (readonly [name: string, kind: string])[];
  /**
   * The class gets a receiver table (empty when it has no receivers): it has receivers, or methods
   * with parameters, which in a bundle whose parameters a minifier renamed the runtime could not
   * tell from receivers without one.
   */
  readonly table: boolean;
  /** Just after the body's `{`, and at its `}`. */
  readonly bodyOpen: number;
  readonly bodyClose: number;
  readonly slots?: Slots;
}

export type Site = CallSite | ReadSite | ClassSite;

/** Where a renderer adds the module's own declarations. */
export interface FileLayout {
  /** After the shebang and the prologue directives: the module's temporaries go here. */
  readonly bodyStart: number;
  /**
   * After the imports that open the module (before any other statement): the runtime ABI's import
   * and its Pointee key go here, so that they are set before any code of the module runs.
   */
  readonly importsEnd: number;
}

/** The key a renderer looks a node up by: the site's kind and span. */
export const siteKey = (is: Site["is"], start: number, end: number): string => `${is}:${start}:${end}`;

export function findSites(facts: Facts, file: TS.SourceFile): Site[] {
  const { syntax } = facts;
  const sites: Site[] = [];
  let scope: TempScope = { at: fileLayout(syntax, file).bodyStart };
  /** Starts of the statements that follow a sibling not ended by `;`. */
  const unterminated = new Set<number>();

  const visit = (node: TS.Node): void => {
    const statements = statementsOf(node);
    statements?.forEach((s, i) => i > 0 && file.text[statements[i - 1]!.end - 1] !== ";" && unterminated.add(s.getStart(file)));
    if (syntax.isCallExpression(node)) callSite(node);
    else if (syntax.isPropertyAccessExpression(node)) readSite(node);
    else if (syntax.isClassLike(node)) classSite(node);
    const body = functionBody(node);
    if (!body) return syntax.forEachChild(node, visit);
    // Parameters and names stay in the outer scope: a body's `var` is not visible to them.
    syntax.forEachChild(node, (child) => {
      if (child !== body) return visit(child);
      const outer = scope;
      scope = syntax.isBlock(body) ? { at: afterPrologue(syntax, body.statements, body.statements.pos) } : { arrowBody: span(body) };
      visit(body);
      scope = outer;
    });
  };

  /** The statement list of `node`, if it has one. */
  function statementsOf(node: TS.Node): readonly TS.Statement[] | undefined {
    if (syntax.isSourceFile(node) || syntax.isBlock(node) || syntax.isModuleBlock(node) || syntax.isCaseClause(node) || syntax.isDefaultClause(node)) return node.statements;
    return undefined;
  }

  /** The body of a function-like node (or static block), which has a scope of its own. */
  function functionBody(node: TS.Node): TS.Node | undefined {
    if (syntax.isClassStaticBlockDeclaration(node)) return node.body;
    const isFunctionLike =
      syntax.isFunctionDeclaration(node) || syntax.isFunctionExpression(node) || syntax.isArrowFunction(node) || syntax.isMethodDeclaration(node) ||
      syntax.isConstructorDeclaration(node) || syntax.isGetAccessorDeclaration(node) || syntax.isSetAccessorDeclaration(node);
    return isFunctionLike ? (node as TS.FunctionLikeDeclaration).body : undefined;
  }

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
    if (!shape) return;
    const pointer = callee.expression;
    const reusable = syntax.isIdentifier(pointer) || pointer.kind === syntax.SyntaxKind.ThisKeyword;
    sites.push({ is: "call", ...span(call), member: callee.name.text, shape, pointer: span(pointer), argsAt: call.arguments.pos, hasArgs: call.arguments.length > 0, reusable, scope, afterUnterminated: unterminated.has(pointer.getStart(file)) });
  }

  function readSite(access: TS.PropertyAccessExpression): void {
    if (throughPointer(access)?.is === "field") sites.push({ is: "read", ...span(access), member: access.name.text, pointer: span(access.expression) });
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
    let parameters = false;
    for (const member of cls.members) {
      if (!syntax.isMethodDeclaration(member) || isStatic(syntax, member)) continue;
      parameters ||= member.parameters.length > 0;
      if (!syntax.isIdentifier(member.name) && !syntax.isStringLiteral(member.name)) continue;
      const kind = facts.receiverOf(member);
      if (kind) receivers.push([member.name.text, kind.name]);
    }
    const table = receivers.length > 0 || parameters;
    if (glue.length === 0 && !table) return;
    const listItem = glue.some((g) => g.is === "listItem");
    const slots = listItem ? slotsOf(cls, decoratorsOf(syntax, cls).length > glue.length) : undefined;
    sites.push({ is: "class", ...span(cls), glue, receivers, table, bodyOpen: cls.members.pos, bodyClose: cls.end - 1, ...(slots && { slots }) });
  }

  /** A class that only gets an empty table: a file with nothing else to expand is left as it is (no harm to code without pointers). */
  const tableOnly = (site: Site) => site.is === "class" && site.glue.length === 0 && site.receivers.length === 0;

  /** Where the constructor of `cls` creates its list slots (see Slots). */
  function slotsOf(cls: TS.ClassLikeDeclaration, otherDecorators: boolean): Slots | undefined {
    const derived = cls.heritageClauses?.some((h) => h.token === syntax.SyntaxKind.ExtendsKeyword) ?? false;
    const ctor = cls.members.find((m): m is TS.ConstructorDeclaration => syntax.isConstructorDeclaration(m) && m.body !== undefined);
    // Other decorators may read constructor metadata (`design:paramtypes`): no constructor is added then.
    if (!ctor) return otherDecorators ? undefined : { is: "constructor", derived };
    const statements = ctor.body!.statements;
    if (!derived) return { is: "statement", index: 0, at: statements.pos };
    const superCall = statements.findIndex((s) => syntax.isExpressionStatement(s) && syntax.isCallExpression(s.expression) && s.expression.expression.kind === syntax.SyntaxKind.SuperKeyword);
    return superCall < 0 ? undefined : { is: "statement", index: superCall + 1, at: statements[superCall]!.end };
  }

  visit(file);
  return sites.every(tableOnly) ? [] : sites;
}

export function fileLayout(syntax: Syntax, file: TS.SourceFile): FileLayout {
  const shebang = file.text.startsWith("#!") ? file.text.indexOf("\n") + 1 || file.text.length : 0;
  const bodyStart = afterPrologue(syntax, file.statements, shebang);
  const first = file.statements.findIndex((s) => !syntax.isImportDeclaration(s) && !(syntax.isExpressionStatement(s) && syntax.isStringLiteral(s.expression)));
  const imports = first < 0 ? file.statements : file.statements.slice(0, first);
  const last = imports.filter((s) => syntax.isImportDeclaration(s)).pop();
  return { bodyStart, importsEnd: last ? last.end : 0 };
}

/** The end of the prologue directives (`"use strict";`) at the head of `statements`, else `start`. */
function afterPrologue(syntax: Syntax, statements: readonly TS.Statement[], start: number): number {
  let at = start;
  for (const s of statements) {
    if (!syntax.isExpressionStatement(s) || !syntax.isStringLiteral(s.expression)) break;
    at = s.end;
  }
  return at;
}
