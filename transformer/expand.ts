import type TS from "typescript";
import type { Analysis } from "./analyse.js";
import type { Options } from "./options.js";
import { createEmitter, type CallShape, type Emitter } from "./emit.js";

/** The runtime entry emitted code imports: internal and versioned (see runtime/internal/abi.ts). */
const ABI_MODULE = "ts-smart-pointer/internal/abi";
const ABI_EXPORT = "abi2";

/**
 * Expands the stable surface into the internal expansion:
 * - `p.m(a)` through a pointer becomes a direct call on the pointee (`p` evaluated once);
 * - `p.field` becomes a direct read (or write) of the pointee's field;
 * - `@SmartPointer` / `@ListItem(...)` become static glue, and classes with receivers get a
 *   receiver table, so the runtime never reads method source;
 * - a `@ListItem` class's constructor creates the ListArc slots, so they are in every
 *   instance's shape from the start (V8 then keeps them inside the object, not in a side array).
 * A file with nothing to expand is returned as it was (same node: byte-identical output).
 */
export function expandSourceFile(analysis: Analysis, context: TS.TransformationContext, options: Options, file: TS.SourceFile): TS.SourceFile {
  const { ts } = analysis;
  const f = context.factory;
  const names = { abi: f.createUniqueName("__sp"), pointeeKey: f.createUniqueName("__spPointee") };
  const emitter: Emitter = createEmitter(ts, context, options, names);
  let expanded = false;

  const visit = (node: TS.Node): TS.Node => {
    if (ts.isCallExpression(node)) return expandCall(node) ?? ts.visitEachChild(node, visit, context);
    if (ts.isPropertyAccessExpression(node)) return expandRead(node) ?? ts.visitEachChild(node, visit, context);
    if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) return expandClass(node);
    return ts.visitEachChild(node, visit, context);
  };

  /**
   * The pointer `access` reads through, with how its member is reached, or undefined. Accesses in
   * an optional chain (`a?.p.m()`) are left to the runtime: a rewrite would break the short-circuit.
   */
  function throughPointer(access: TS.PropertyAccessExpression) {
    if (!ts.isIdentifier(access.name) || ts.isOptionalChain(access) || access.expression.kind === ts.SyntaxKind.SuperKeyword) return undefined;
    const pointer = analysis.pointerAt(access.expression);
    const member = pointer && analysis.memberThrough(pointer, access.name.text);
    return member && { pointer, member };
  }

  function expandCall(call: TS.CallExpression): TS.Expression | undefined {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || ts.isOptionalChain(call)) return undefined;
    const found = throughPointer(callee);
    if (!found) return undefined;
    const { member, pointer } = found;
    let shape: CallShape;
    if (member.is === "method") shape = "method";
    else if (member.is === "receiver") shape = pointer.moves ? "move" : "receiver";
    else return undefined;
    expanded = true;
    const target = ts.visitNode(callee.expression, visit) as TS.Expression;
    const args = call.arguments.map((arg) => ts.visitNode(arg, visit) as TS.Expression);
    return ts.setTextRange(emitter.call(target, callee.name.text, args, shape), call);
  }

  function expandRead(access: TS.PropertyAccessExpression): TS.Expression | undefined {
    const found = throughPointer(access);
    if (found?.member.is !== "field") return undefined;
    expanded = true;
    const target = ts.visitNode(access.expression, visit) as TS.Expression;
    return ts.setTextRange(f.createPropertyAccessExpression(emitter.deref(target, access.name.text), access.name), access);
  }

  function expandClass(cls: TS.ClassDeclaration | TS.ClassExpression): TS.Node {
    const visited = ts.visitEachChild(cls, visit, context);
    const glue: TS.Expression[] = [];
    const kept: TS.ModifierLike[] = [];
    let listItem = false;
    for (const modifier of visited.modifiers ?? []) {
      const found = ts.isDecorator(modifier) ? glueFor(modifier) : undefined;
      if (found) glue.push(found.call);
      else kept.push(modifier);
      listItem ||= found?.decorator === "ListItem";
    }
    const table = receiverTable(cls);
    if (table) glue.push(abiCall("receivers", f.createThis(), table));
    if (glue.length === 0) return visited;
    expanded = true;
    const block = f.createClassStaticBlockDeclaration(f.createBlock(glue.map((e) => f.createExpressionStatement(e)), true));
    const derived = visited.heritageClauses?.some((h) => h.token === ts.SyntaxKind.ExtendsKeyword) ?? false;
    // Other decorators may read constructor metadata (`design:paramtypes`): no constructor is added then.
    const mayAddConstructor = !kept.some((m) => ts.isDecorator(m));
    const members = [...(listItem ? membersCreatingSlots(visited.members, derived, mayAddConstructor) : visited.members), block];
    return ts.isClassDeclaration(visited)
      ? f.updateClassDeclaration(visited, kept, visited.name, visited.typeParameters, visited.heritageClauses, members)
      : f.updateClassExpression(visited, kept, visited.name, visited.typeParameters, visited.heritageClauses, members);
  }

  /** The static glue replacing a runtime decorator, or undefined for any other decorator. */
  function glueFor(decorator: TS.Decorator): { decorator: "SmartPointer" | "ListItem"; call: TS.Expression } | undefined {
    const e = decorator.expression;
    if (analysis.isRuntime(ts.getOriginalNode(e), "SmartPointer")) return { decorator: "SmartPointer", call: abiCall("pointer", f.createThis()) };
    if (ts.isCallExpression(e) && analysis.isRuntime(ts.getOriginalNode(e.expression), "ListItem")) {
      const ids = e.arguments.length > 0 ? [...e.arguments] : [f.createNumericLiteral(0)];
      return { decorator: "ListItem", call: abiCall("listItem", f.createThis(), f.createArrayLiteralExpression(ids)) };
    }
    return undefined;
  }

  /**
   * The class members with `abi.listSlots(this)` run by the constructor: first in a base class,
   * right after a top-level `super(...)` in a derived one (a class without a constructor gets
   * one if `mayAddConstructor`). Otherwise, as for a `super` call nested deeper, the class is left
   * alone: the runtime then adds the slots on first use.
   */
  function membersCreatingSlots(members: TS.NodeArray<TS.ClassElement>, derived: boolean, mayAddConstructor: boolean): readonly TS.ClassElement[] {
    const createSlots = f.createExpressionStatement(abiCall("listSlots", f.createThis()));
    const ctor = members.find((m): m is TS.ConstructorDeclaration => ts.isConstructorDeclaration(m) && m.body !== undefined);
    if (!ctor) {
      if (!mayAddConstructor) return members;
      const args = f.createUniqueName("args");
      const forward = f.createExpressionStatement(f.createCallExpression(f.createSuper(), undefined, [f.createSpreadElement(args)]));
      const params = derived ? [f.createParameterDeclaration(undefined, f.createToken(ts.SyntaxKind.DotDotDotToken), args)] : [];
      return [f.createConstructorDeclaration(undefined, params, f.createBlock(derived ? [forward, createSlots] : [createSlots], true)), ...members];
    }
    const statements = ctor.body!.statements;
    const at = derived ? statements.findIndex(isSuperCall) + 1 : 0;
    if (derived && at === 0) return members;
    const body = f.updateBlock(ctor.body!, [...statements.slice(0, at), createSlots, ...statements.slice(at)]);
    return members.map((m) => (m === ctor ? f.updateConstructorDeclaration(ctor, ctor.modifiers, ctor.parameters, body) : m));
  }

  function isSuperCall(statement: TS.Statement): boolean {
    return ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression) && statement.expression.expression.kind === ts.SyntaxKind.SuperKeyword;
  }

  /** `{ run: "ListArc", peek: "ArcBorrow" }` for the class's receiver methods, or undefined. */
  function receiverTable(cls: TS.ClassLikeDeclaration): TS.ObjectLiteralExpression | undefined {
    const entries: TS.PropertyAssignment[] = [];
    for (const member of cls.members) {
      if (!ts.isMethodDeclaration(member) || ts.getCombinedModifierFlags(member) & ts.ModifierFlags.Static) continue;
      if (!ts.isIdentifier(member.name) && !ts.isStringLiteral(member.name)) continue;
      const receiver = analysis.receiverOf(member);
      if (receiver) entries.push(f.createPropertyAssignment(f.createStringLiteral(member.name.text), f.createStringLiteral(receiver.kind)));
    }
    return entries.length > 0 ? f.createObjectLiteralExpression(entries) : undefined;
  }

  function abiCall(fn: string, ...args: TS.Expression[]): TS.Expression {
    return f.createCallExpression(f.createPropertyAccessExpression(names.abi, fn), undefined, args);
  }

  const statements = ts.visitLexicalEnvironment(file.statements, visit, context);
  if (!expanded) return file;
  const importAbi = f.createImportDeclaration(
    undefined,
    f.createImportClause(undefined as never, undefined, f.createNamedImports([f.createImportSpecifier(false, f.createIdentifier(ABI_EXPORT), names.abi)])),
    f.createStringLiteral(ABI_MODULE),
  );
  const pointeeKey = f.createVariableStatement(
    undefined,
    f.createVariableDeclarationList([f.createVariableDeclaration(names.pointeeKey, undefined, undefined, f.createPropertyAccessExpression(names.abi, "Pointee"))], ts.NodeFlags.Const),
  );
  const at = statements.reduce((last, s, i) => (ts.isImportDeclaration(s) ? i + 1 : last), 0); // after the file's imports
  return f.updateSourceFile(file, [...statements.slice(0, at), importAbi, pointeeKey, ...statements.slice(at), ...emitter.trailer()]);
}
