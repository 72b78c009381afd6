import type TS from "typescript";
import type { FileAnalysis } from "./core/analyse.js";
import { siteKey, type ClassSite, type Site, type Slots } from "./core/sites.js";
import type { Options } from "./options.js";
import { ABI_EXPORT, ABI_MODULE, createEmitter, type Emitter } from "./emit.js";

/**
 * Expands the stable surface into the internal expansion:
 * - `p.m(a)` through a pointer becomes a direct call on the pointee (`p` evaluated once);
 * - `p.field` becomes a direct read (or write) of the pointee's field;
 * - `@SmartPointer` / `@ListItem(...)` become static glue, and classes with receivers get a
 *   receiver table, so the runtime never reads method source;
 * - a `@ListItem` class's constructor creates the ListArc slots, so they are in every
 *   instance's shape from the start (V8 then keeps them inside the object, not in a side array).
 * It renders the sites the analysis found (core/sites.ts) and decides nothing itself. A file
 * with no site is returned as it was (same node: byte-identical output).
 */
export function expandSourceFile(ts: typeof TS, analysis: FileAnalysis, context: TS.TransformationContext, options: Options, file: TS.SourceFile): TS.SourceFile {
  if (analysis.sites.length === 0) return file;
  const f = context.factory;
  const names = { abi: f.createUniqueName("__sp"), pointeeKey: f.createUniqueName("__spPointee") };
  const emitter: Emitter = createEmitter(ts, context, options, names);
  const sites = new Map(analysis.sites.map((site) => [siteKey(site.is, site.start, site.end), site]));
  /** The site of kind `is` at an original node of the file, if the analysis found one there. */
  const siteAt = <K extends Site["is"]>(is: K, node: TS.Node) => {
    const original = ts.getOriginalNode(node);
    return original.pos >= 0 ? (sites.get(siteKey(is, original.getStart(file), original.end)) as Extract<Site, { is: K }> | undefined) : undefined;
  };

  const visit = (node: TS.Node): TS.Node => {
    if (ts.isCallExpression(node)) return expandCall(node) ?? ts.visitEachChild(node, visit, context);
    if (ts.isPropertyAccessExpression(node)) return expandRead(node) ?? ts.visitEachChild(node, visit, context);
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return expandClass(node);
    return ts.visitEachChild(node, visit, context);
  };

  function expandCall(call: TS.CallExpression): TS.Expression | undefined {
    const site = siteAt("call", call);
    if (!site) return undefined;
    const callee = call.expression as TS.PropertyAccessExpression;
    const target = ts.visitNode(callee.expression, visit) as TS.Expression;
    const args = call.arguments.map((arg) => ts.visitNode(arg, visit) as TS.Expression);
    return ts.setTextRange(emitter.call(target, site.member, args, site.shape), call);
  }

  function expandRead(access: TS.PropertyAccessExpression): TS.Expression | undefined {
    const site = siteAt("read", access);
    if (!site) return undefined;
    const target = ts.visitNode(access.expression, visit) as TS.Expression;
    return ts.setTextRange(f.createPropertyAccessExpression(emitter.deref(target, site.member), access.name), access);
  }

  function expandClass(cls: TS.ClassDeclaration | TS.ClassExpression): TS.Node {
    const site = siteAt("class", cls);
    const visited = ts.visitEachChild(cls, visit, context);
    if (!site) return visited;
    const glue: TS.Expression[] = [];
    const kept: TS.ModifierLike[] = [];
    for (const modifier of visited.modifiers ?? []) {
      const found = ts.isDecorator(modifier) ? glueFor(site, modifier) : undefined;
      if (found) glue.push(found);
      else kept.push(modifier);
    }
    if (site.table) glue.push(abiCall("receivers", f.createThis(), receiverTable(site.receivers)));
    const block = f.createClassStaticBlockDeclaration(f.createBlock(glue.map((e) => f.createExpressionStatement(e)), true));
    const members = [...(site.slots ? membersCreatingSlots(visited.members, site.slots) : visited.members), block];
    return ts.isClassDeclaration(visited)
      ? f.updateClassDeclaration(visited, kept, visited.name, visited.typeParameters, visited.heritageClauses, members)
      : f.updateClassExpression(visited, kept, visited.name, visited.typeParameters, visited.heritageClauses, members);
  }

  /** The static glue replacing a runtime decorator, or undefined for any other decorator. */
  function glueFor(site: ClassSite, decorator: TS.Decorator): TS.Expression | undefined {
    const original = ts.getOriginalNode(decorator);
    const glue = site.glue.find((g) => g.start === original.getStart(file) && g.end === original.end);
    if (!glue) return undefined;
    if (glue.is === "pointer") return abiCall("pointer", f.createThis());
    return abiCall("listItem", f.createThis(), f.createArrayLiteralExpression(glue.ids.map((id) => f.createNumericLiteral(id))));
  }

  /** The class members with `abi.listSlots(this)` run by the constructor, where `slots` says. */
  function membersCreatingSlots(members: TS.NodeArray<TS.ClassElement>, slots: Slots): readonly TS.ClassElement[] {
    const createSlots = f.createExpressionStatement(abiCall("listSlots", f.createThis()));
    if (slots.is === "constructor") {
      const args = f.createUniqueName("args");
      const forward = f.createExpressionStatement(f.createCallExpression(f.createSuper(), undefined, [f.createSpreadElement(args)]));
      const params = slots.derived ? [f.createParameterDeclaration(undefined, f.createToken(ts.SyntaxKind.DotDotDotToken), args)] : [];
      return [f.createConstructorDeclaration(undefined, params, f.createBlock(slots.derived ? [forward, createSlots] : [createSlots], true)), ...members];
    }
    // The visitor maps each statement to one statement, so the site's index holds in the visited body.
    const ctor = members.find((m): m is TS.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined)!;
    const statements = ctor.body!.statements;
    const body = f.updateBlock(ctor.body!, [...statements.slice(0, slots.index), createSlots, ...statements.slice(slots.index)]);
    return members.map((m) => (m === ctor ? f.updateConstructorDeclaration(ctor, ctor.modifiers, ctor.parameters, body) : m));
  }

  /** `{ run: "ListArc", peek: "ArcBorrow" }`. */
  function receiverTable(receivers: ClassSite["receivers"]): TS.ObjectLiteralExpression {
    return f.createObjectLiteralExpression(receivers.map(([name, kind]) => f.createPropertyAssignment(f.createStringLiteral(name), f.createStringLiteral(kind))));
  }

  function abiCall(fn: string, ...args: TS.Expression[]): TS.Expression {
    return f.createCallExpression(f.createPropertyAccessExpression(names.abi, fn), undefined, args);
  }

  const statements = ts.visitLexicalEnvironment(file.statements, visit, context);
  // TypeScript's CommonJS emit rewrites the uses of an import it bound, not of one we add: a
  // CommonJS file gets `const __sp = require(...).abi2` instead (the package exports a require entry).
  const commonJs = file.impliedNodeFormat === undefined ? context.getCompilerOptions().module === ts.ModuleKind.CommonJS : file.impliedNodeFormat === ts.ModuleKind.CommonJS;
  const requireAbi = f.createPropertyAccessExpression(f.createCallExpression(f.createIdentifier("require"), undefined, [f.createStringLiteral(ABI_MODULE)]), ABI_EXPORT);
  const importAbi = commonJs
    ? f.createVariableStatement(undefined, f.createVariableDeclarationList([f.createVariableDeclaration(names.abi, undefined, undefined, requireAbi)], ts.NodeFlags.Const))
    : f.createImportDeclaration(
        undefined,
        f.createImportClause(undefined as never, undefined, f.createNamedImports([f.createImportSpecifier(false, f.createIdentifier(ABI_EXPORT), names.abi)])),
        f.createStringLiteral(ABI_MODULE),
      );
  const pointeeKey = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(names.pointeeKey, undefined, undefined, f.createPropertyAccessExpression(names.abi, "Pointee"))], ts.NodeFlags.Const),
  );
  // After the imports that open the module: the Pointee key is set before any other code runs.
  const isDirective = (s: TS.Statement) => ts.isExpressionStatement(s) && ts.isStringLiteral(s.expression);
  const leading = statements.findIndex((s) => !ts.isImportDeclaration(s) && !isDirective(s) && s.pos >= 0); // hoisted temporaries are synthesized (pos -1)
  const at = statements.slice(0, leading < 0 ? statements.length : leading).reduce((last, s, i) => (ts.isImportDeclaration(s) ? i + 1 : last), 0);
  return f.updateSourceFile(file, [...statements.slice(0, at), importAbi, pointeeKey, ...statements.slice(at), ...emitter.trailer()]);
}
