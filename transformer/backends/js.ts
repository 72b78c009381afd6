import type TS from "typescript";
import type { QSymbol, QType, TypeQueries } from "../core/queries.js";

/**
 * The type queries answered by TypeScript 5-6's own checker: the `ts` instance the build hands us
 * (ts-patch, tsserver, the `check` command's project TypeScript), never one we import. Calls are
 * in-process and cheap, so `prefetch` has nothing to do.
 */
export function jsQueries(ts: typeof TS, program: TS.Program): TypeQueries {
  const checker = program.getTypeChecker();
  const sym = (s: TS.Symbol | undefined) => s as unknown as QSymbol | undefined;
  const typ = (t: TS.Type | undefined) => t as unknown as QType | undefined;
  const tsSymbol = (s: QSymbol) => s as unknown as TS.Symbol;
  const tsType = (t: QType) => t as unknown as TS.Type;

  // The checker recomputes an expression's (narrowed) type on every request: ask it once per node.
  const types = new Map<TS.Node, QType | undefined>();
  const typeAt = (node: TS.Node) => {
    if (!types.has(node)) types.set(node, typ(checker.getTypeAtLocation(node)));
    return types.get(node);
  };

  const resolve = (symbol: TS.Symbol | undefined): TS.Symbol | undefined =>
    symbol && symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;

  return {
    syntax: ts,
    ownFiles: () => program.getSourceFiles().filter((f) => !f.isDeclarationFile && !program.isSourceFileFromExternalLibrary(f)),
    prefetch: () => undefined,
    typeAt,
    typeOfTypeNode: (node) => typ(checker.getTypeFromTypeNode(node)),
    symbolAt: (node) => sym(checker.getSymbolAtLocation(node)),
    aliasTarget: (symbol) => sym(resolve(tsSymbol(symbol)))!,
    moduleExports(specifier) {
      const module = checker.getSymbolAtLocation(specifier);
      if (!module) return undefined;
      return new Map(checker.getExportsOfModule(module).map((s) => [s.name, sym(resolve(s))!]));
    },
    keyOf: (symbol) => tsSymbol(symbol).escapedName.toString(),
    nameOf: (symbol) => tsSymbol(symbol).name,
    isClass: (symbol) => (tsSymbol(symbol).flags & ts.SymbolFlags.Class) !== 0,
    declarationsOf: (symbol) => tsSymbol(symbol).declarations ?? [],
    declaredTypeOf: (symbol) => typ(checker.getDeclaredTypeOfSymbol(tsSymbol(symbol)))!,
    typeOfProperty(symbol) {
      const s = tsSymbol(symbol);
      return typ(s.valueDeclaration ? checker.getTypeOfSymbolAtLocation(s, s.valueDeclaration) : undefined);
    },
    symbolOf: (type) => sym(tsType(type).symbol),
    intersectionOf: (type) => (tsType(type).isIntersection() ? (tsType(type) as TS.IntersectionType).types.map((t) => typ(t)!) : undefined),
    propertiesOf(type) {
      const t = tsType(type);
      return t.flags & (ts.TypeFlags.Object | ts.TypeFlags.Intersection) ? checker.getPropertiesOfType(t).map((s) => sym(s)!) : [];
    },
    propertyOf: (type, name) => sym(checker.getPropertyOfType(tsType(type), name)),
    apparentTypeOf: (type) => typ(checker.getApparentType(tsType(type)))!,
    baseTypesOf(type) {
      const t = tsType(type);
      const declared = t.isClassOrInterface() ? t : (t as TS.TypeReference).target; // Base<T> is a reference to its declaration
      return declared?.isClassOrInterface() ? checker.getBaseTypes(declared).map((b) => typ(b)!) : [];
    },
    typeToString: (type) => checker.typeToString(tsType(type)),
  };
}
