import type TS from "typescript";
import type { Analysis } from "./analyse.js";
import type { Report } from "./diagnostics.js";

/**
 * Checks the stable surface: `@SmartPointer` and `@ListItem` declarations, `self` receivers,
 * and pointer member accesses that are ambiguous. Reports; never rewrites.
 */
export function checkDeclarations(analysis: Analysis, file: TS.SourceFile, report: Report): void {
  const { ts, checker } = analysis;

  const visit = (node: TS.Node): void => {
    if (ts.canHaveDecorators(node)) for (const decorator of ts.getDecorators(node) ?? []) checkDecorator(node, decorator);
    if (ts.isMethodDeclaration(node) || ts.isMethodSignature(node)) checkReceiver(node);
    else if (ts.isCallExpression(node)) checkListArcCreation(node);
    if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) checkAmbiguity(node);
    ts.forEachChild(node, visit);
  };

  function checkDecorator(target: TS.Node, decorator: TS.Decorator): void {
    const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
    if (analysis.isRuntime(expression, "SmartPointer")) {
      if (ts.isClassDeclaration(target) || ts.isClassExpression(target)) checkPointerClass(target);
      else report(decorator, "notAClass", describeNode(target));
    } else if (analysis.isRuntime(expression, "ListItem") && ts.isCallExpression(decorator.expression)) {
      checkListIds(decorator.expression.arguments);
    }
  }

  function checkPointerClass(cls: TS.ClassLikeDeclaration): void {
    const name = cls.name?.text ?? "(anonymous class)";
    const at = cls.name ?? cls;
    if (!cls.typeParameters?.length) return report(at, "noTypeParameter", name);
    const type = checker.getTypeAtLocation(at);
    const prop = analysis.pointeeProperty(checker.getDeclaredTypeOfSymbol(type.symbol));
    if (!prop) return report(at, "noPointee", name);
    const declaration = prop.valueDeclaration;
    const typeNode = declaration && (ts.isPropertyDeclaration(declaration) || ts.isGetAccessor(declaration)) ? declaration.type : undefined;
    const isTypeParameter = typeNode && ts.isTypeReferenceNode(typeNode) && !typeNode.typeArguments && cls.typeParameters.some((p) => ts.isIdentifier(typeNode.typeName) && p.name.text === typeNode.typeName.text);
    if (!isTypeParameter) report(typeNode ?? at, "ambiguousPointee", name, typeNode?.getText(file) ?? "unknown");
  }

  function checkListIds(args: TS.NodeArray<TS.Expression>): void {
    const seen = new Set<number>();
    for (const arg of args) {
      const id = ts.isNumericLiteral(arg) ? Number(arg.text) : NaN;
      if (!Number.isInteger(id) || id > 0xffff || seen.has(id)) report(arg, "badListId", arg.getText(file));
      seen.add(id);
    }
  }

  function checkReceiver(method: TS.MethodDeclaration | TS.MethodSignature): void {
    const name = method.name.getText(file);
    method.parameters.forEach((param, index) => {
      if (!ts.isIdentifier(param.name) || param.name.text !== "self") return;
      if (index > 0) return report(param, "selfNotFirst", name);
      if (ts.getCombinedModifierFlags(method) & ts.ModifierFlags.Static) return report(param, "staticReceiver", name);
      if (!param.type) return report(param, "untypedSelf", name);
      const pointer = analysis.pointerType(checker.getTypeFromTypeNode(param.type));
      if (!pointer) return report(param.type, "invalidSelfType", param.type.getText(file));
      const pointsToThis = ts.isTypeReferenceNode(param.type) && param.type.typeArguments?.[0]?.kind === ts.SyntaxKind.ThisType;
      if (!pointsToThis) {
        report(param.type, "selfNotThis", param.type.getText(file), checker.typeToString(pointer.pointee), pointer.kind);
      }
    });
  }

  /** `ListArc.new(x, id)` and friends need a value whose class declares links for `id`. */
  function checkListArcCreation(call: TS.CallExpression): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !analysis.isRuntime(callee.expression, "ListArc")) return;
    const method = callee.name.text;
    const [first, ...rest] = call.arguments;
    if (!first || !["new", "from", "tryFromArc", "tryFromArcOrDrop", "pairFromUnique"].includes(method)) return;
    const valueType = method === "new" ? checker.getTypeAtLocation(first) : analysis.pointerAt(first)?.pointee;
    const ids = method === "pairFromUnique" ? (rest.length === 1 ? [undefined, rest[0]] : rest) : [rest[0]];
    const declared = valueType && listItemIds(valueType);
    if (!declared) return;
    for (const idNode of ids) {
      const id = idNode === undefined ? 0 : ts.isNumericLiteral(idNode) ? Number(idNode.text) : undefined;
      if (id !== undefined && !declared.has(id)) {
        report(idNode ?? first, "notListItem", checker.typeToString(valueType), String(id), id === 0 ? "" : String(id));
      }
    }
  }

  /** The list ids a class type declares with `@ListItem` (its bases' included), or undefined if unknown. */
  function listItemIds(type: TS.Type): Set<number> | undefined {
    if (!type.symbol || !(type.symbol.flags & ts.SymbolFlags.Class)) return undefined;
    const ids = new Set<number>();
    for (let t: TS.Type | undefined = type; t; t = checker.getBaseTypes(t as TS.InterfaceType)[0]) {
      for (const declaration of t.symbol?.declarations ?? []) {
        if (!ts.isClassLike(declaration)) continue;
        if (declaration.getSourceFile().isDeclarationFile) return undefined; // decorators are not in .d.ts
        for (const decorator of ts.getDecorators(declaration) ?? []) {
          const e = decorator.expression;
          if (!ts.isCallExpression(e) || !analysis.isRuntime(e.expression, "ListItem")) continue;
          if (e.arguments.length === 0) ids.add(0);
          for (const arg of e.arguments) if (ts.isNumericLiteral(arg)) ids.add(Number(arg.text));
        }
      }
      if (!(t.symbol?.flags & ts.SymbolFlags.Class)) break;
    }
    return ids;
  }

  /** rustc E0034: a pointer's own member and a pointee receiver of the same name. */
  function checkAmbiguity(access: TS.PropertyAccessExpression): void {
    const pointer = analysis.pointerAt(access.expression);
    const member = pointer && analysis.memberThrough(pointer, access.name.text);
    if (member?.is === "own" && member.shadows) {
      report(access.name, "ambiguousMember", access.name.text, pointer!.kind, checker.typeToString(checker.getApparentType(pointer!.pointee)));
    }
  }

  function describeNode(node: TS.Node): string {
    const kind = ts.isMethodDeclaration(node) ? "a method" : ts.isPropertyDeclaration(node) ? "a property" : ts.isGetAccessorDeclaration(node) || ts.isSetAccessorDeclaration(node) ? "an accessor" : ts.isParameter(node) ? "a parameter" : "this declaration";
    const name = (node as { name?: TS.Node }).name;
    return name ? `${kind} \`${name.getText(file)}\`` : kind;
  }

  visit(file);
}
