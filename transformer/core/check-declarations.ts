import type TS from "typescript";
import { SURFACE } from "../../runtime/internal/surface.js";
import type { Fix, Report } from "./diagnostics.js";
import type { Facts } from "./facts.js";
import type { QType } from "./queries.js";
import { decoratorsOf, isStatic, textOf } from "./syntax.js";

/**
 * Checks the stable surface: `@SmartPointer` and `@ListItem` declarations, `self` receivers,
 * ListArc creation for a class's list ids, and pointer member accesses that are ambiguous.
 * Reports; never rewrites.
 */
export function checkDeclarations(facts: Facts, file: TS.SourceFile, report: Report): void {
  const { syntax, queries } = facts;

  const visit = (node: TS.Node): void => {
    for (const decorator of decoratorsOf(syntax, node)) checkDecorator(node, decorator);
    if (syntax.isMethodDeclaration(node) || syntax.isMethodSignature(node)) checkReceiver(node);
    else if (syntax.isCallExpression(node)) checkListArcCreation(node);
    if (syntax.isPropertyAccessExpression(node) && syntax.isIdentifier(node.name)) checkAmbiguity(node);
    syntax.forEachChild(node, visit);
  };

  function checkDecorator(target: TS.Node, decorator: TS.Decorator): void {
    const expression = syntax.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    if (facts.isRuntime(expression, SURFACE.decorators.pointer)) {
      if (syntax.isClassLike(target)) checkPointerClass(target);
      else report(decorator, "notAClass", [describeNode(target)]);
    } else if (facts.isRuntime(expression, SURFACE.decorators.listItem) && syntax.isCallExpression(decorator.expression)) {
      checkListIds(decorator.expression.arguments);
    }
  }

  function checkPointerClass(cls: TS.ClassLikeDeclaration): void {
    const name = cls.name?.text ?? "(anonymous class)";
    const at = cls.name ?? cls;
    if (!cls.typeParameters?.length) return report(at, "noTypeParameter", [name]);
    const symbol = queries.symbolAt(at);
    const prop = symbol && facts.pointeeProperty(queries.declaredTypeOf(symbol));
    if (!prop) return report(at, "noPointee", [name]);
    const declaration = queries.declarationsOf(prop)[0];
    const typeNode = declaration && (syntax.isPropertyDeclaration(declaration) || syntax.isGetAccessorDeclaration(declaration)) ? declaration.type : undefined;
    const isTypeParameter =
      typeNode && syntax.isTypeReferenceNode(typeNode) && !typeNode.typeArguments && syntax.isIdentifier(typeNode.typeName) && cls.typeParameters.some((p) => p.name.text === (typeNode.typeName as TS.Identifier).text);
    if (!isTypeParameter) report(typeNode ?? at, "ambiguousPointee", [name, typeNode ? textOf(file, typeNode) : "unknown"]);
  }

  function checkListIds(args: TS.NodeArray<TS.Expression>): void {
    const seen = new Set<number>();
    for (const arg of args) {
      const id = syntax.isNumericLiteral(arg) ? Number(arg.text) : NaN;
      if (!Number.isInteger(id) || id > 0xffff || seen.has(id)) report(arg, "badListId", [textOf(file, arg)]);
      seen.add(id);
    }
  }

  function checkReceiver(method: TS.MethodDeclaration | TS.MethodSignature): void {
    const name = textOf(file, method.name);
    method.parameters.forEach((param, index) => {
      if (!syntax.isIdentifier(param.name) || param.name.text !== "self") return;
      if (index > 0) return report(param, "selfNotFirst", [name]);
      if (isStatic(syntax, method)) return report(param, "staticReceiver", [name]);
      if (!param.type) return report(param, "untypedSelf", [name]);
      const type = queries.typeOfTypeNode(param.type);
      const pointer = type && facts.pointerType(type);
      if (!pointer) return report(param.type, "invalidSelfType", [textOf(file, param.type)]);
      const pointsToThis = syntax.isTypeReferenceNode(param.type) && param.type.typeArguments?.[0]?.kind === syntax.SyntaxKind.ThisType;
      if (!pointsToThis) report(param.type, "selfNotThis", [textOf(file, param.type), queries.typeToString(pointer.pointee), pointer.kind.name]);
    });
  }

  /** `ListArc.new(x, id)` and friends need a value whose class declares links for `id`. */
  function checkListArcCreation(call: TS.CallExpression): void {
    const callee = call.expression;
    if (!syntax.isPropertyAccessExpression(callee)) return;
    const constructors: Record<string, { value: "value" | "pointer"; ids: number }> = SURFACE.listArcConstructors;
    const made = constructors[callee.name.text];
    const [first, ...rest] = call.arguments;
    if (!made || !first || !facts.isRuntime(callee.expression, "ListArc")) return;
    const valueType = made.value === "value" ? queries.typeAt(first) : facts.pointerAt(first)?.pointee;
    const declared = valueType && facts.listItemIds(valueType);
    if (!declared) return;
    // pairFromUnique(u, id2) pairs id 0 with id2; every other form names its ids in order.
    const ids = callee.name.text === "pairFromUnique" && rest.length === 1 ? [undefined, rest[0]] : rest.length > 0 ? rest : [undefined];
    for (const idNode of ids) {
      const id = idNode === undefined ? 0 : syntax.isNumericLiteral(idNode) ? Number(idNode.text) : undefined;
      if (id !== undefined && !declared.has(id)) {
        report(idNode ?? first, "notListItem", [queries.typeToString(valueType), String(id), id === 0 ? "" : String(id)], addListItemFix(valueType, id));
      }
    }
  }

  /** The quick fix for TS9010: add the list id to the class's `@ListItem`, or add `@ListItem(id)`. */
  function addListItemFix(valueType: QType, id: number): Fix[] {
    const symbol = queries.symbolOf(valueType);
    const declaration = symbol && queries.declarationsOf(symbol).find((d) => syntax.isClassLike(d) && d.getSourceFile() === file);
    if (!declaration || !syntax.isClassLike(declaration)) return [];
    const existing = decoratorsOf(syntax, declaration).find((d) => syntax.isCallExpression(d.expression) && facts.isRuntime(d.expression.expression, SURFACE.decorators.listItem));
    const call = existing?.expression as TS.CallExpression | undefined;
    const edit = call
      ? { start: call.end - 1, end: call.end - 1, text: call.arguments.length === 0 ? `0, ${id}` : `, ${id}` }
      : { start: declaration.getStart(file), end: declaration.getStart(file), text: `@ListItem(${id === 0 ? "" : id})\n` };
    return [{ description: call ? `Add list id ${id} to @ListItem` : `Add @ListItem(${id === 0 ? "" : id}) to ${declaration.name?.text ?? "the class"}`, edits: [edit] }];
  }

  /** rustc E0034: a pointer's own member and a pointee receiver of the same name. */
  function checkAmbiguity(access: TS.PropertyAccessExpression): void {
    const pointer = facts.pointerAt(access.expression);
    const member = pointer && facts.memberThrough(pointer, access.name.text);
    if (member?.is === "own" && member.shadows) {
      report(access.name, "ambiguousMember", [access.name.text, pointer!.kind.name, queries.typeToString(queries.apparentTypeOf(pointer!.pointee))]);
    }
  }

  function describeNode(node: TS.Node): string {
    const kind = syntax.isMethodDeclaration(node)
      ? "a method"
      : syntax.isPropertyDeclaration(node)
        ? "a property"
        : syntax.isGetAccessorDeclaration(node) || syntax.isSetAccessorDeclaration(node)
          ? "an accessor"
          : syntax.isParameter(node)
            ? "a parameter"
            : "this declaration";
    const name = (node as { name?: TS.Node }).name;
    return name ? `${kind} \`${textOf(file, name)}\`` : kind;
  }

  visit(file);
}
