import type TS from "typescript";

/**
 * The syntax the analysis reads: node tests, child walking and a few token kinds, with TypeScript
 * 5's names. TypeScript 5-6 pass their `ts` instance as it is; TypeScript 7's AST module has the
 * same node shapes under a few other names, which backends/native.ts maps. Nothing here depends on
 * the numbers of `SyntaxKind`, which differ between the two.
 */
export type Syntax = Pick<
  typeof TS,
  | "SyntaxKind"
  | "forEachChild"
  | "isArrowFunction"
  | "isAsExpression"
  | "isAwaitExpression"
  | "isBinaryExpression"
  | "isBindingElement"
  | "isBlock"
  | "isCallExpression"
  | "isCaseClause"
  | "isClassDeclaration"
  | "isClassExpression"
  | "isClassLike"
  | "isClassStaticBlockDeclaration"
  | "isComputedPropertyName"
  | "isConstructorDeclaration"
  | "isDecorator"
  | "isDefaultClause"
  | "isElementAccessExpression"
  | "isExportDeclaration"
  | "isExpressionStatement"
  | "isFunctionDeclaration"
  | "isFunctionExpression"
  | "isGetAccessorDeclaration"
  | "isIdentifier"
  | "isImportDeclaration"
  | "isMethodDeclaration"
  | "isMethodSignature"
  | "isModuleBlock"
  | "isNewExpression"
  | "isNonNullExpression"
  | "isNumericLiteral"
  | "isOptionalChain"
  | "isParameter"
  | "isParenthesizedExpression"
  | "isPropertyAccessExpression"
  | "isPropertyDeclaration"
  | "isSetAccessorDeclaration"
  | "isSourceFile"
  | "isStringLiteral"
  | "isTypeReferenceNode"
  | "isVariableDeclaration"
  | "isVariableStatement"
>;

/** The decorators of `node` (decorators are modifiers in TypeScript 5 and 7 alike). */
export function decoratorsOf(syntax: Syntax, node: TS.Node): readonly TS.Decorator[] {
  const modifiers = (node as { modifiers?: readonly TS.Node[] }).modifiers ?? [];
  return modifiers.filter((m): m is TS.Decorator => syntax.isDecorator(m));
}

/** True when `node` has the `static` modifier. */
export function isStatic(syntax: Syntax, node: TS.Node): boolean {
  const modifiers = (node as { modifiers?: readonly TS.Node[] }).modifiers ?? [];
  return modifiers.some((m) => m.kind === syntax.SyntaxKind.StaticKeyword);
}

/** `node`'s source text, whitespace runs folded to one space (for messages). */
export function textOf(file: TS.SourceFile, node: TS.Node): string {
  return file.text.slice(node.getStart(file), node.end).replace(/\s+/g, " ");
}

/** The 1-based line of `position` in `file`. */
export function lineOf(file: TS.SourceFile, position: number): number {
  return file.getLineAndCharacterOfPosition(position).line + 1;
}
