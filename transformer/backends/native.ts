import type TS from "typescript";
import type { QSymbol, QType, TypeQueries } from "../core/queries.js";
import type { Syntax } from "../core/syntax.js";

/**
 * The type queries answered by TypeScript 7's checker, which runs in another process and is
 * reached over a pipe (`typescript/unstable/sync` in 7.0, `typescript/sync` in 7.1). Every request
 * is a round trip, so `prefetch` asks for a file's types and symbols in two batched requests, and
 * every answer is cached for the snapshot's lifetime (types and symbols are stable handles there).
 *
 * Only the few members used here are declared: the 7.0 API is unstable, and a narrow declaration
 * says exactly what this backend depends on.
 */

export interface NativeModules {
  /** `typescript/unstable/sync` (7.0) or `typescript/sync` (7.1). */
  readonly api: { readonly SymbolFlags: Record<string, number>; readonly TypeFlags: Record<string, number> };
  /** `typescript/unstable/ast` (7.0) or `typescript/ast` (7.1). */
  readonly ast: Record<string, unknown> & { readonly NodeFlags: Record<string, number> };
}

interface NativeNodeHandle {
  resolve(): TS.Node | undefined;
}
interface NativeSymbol {
  readonly name: string;
  readonly escapedName: string;
  readonly flags: number;
  readonly declarations: readonly NativeNodeHandle[];
}
interface NativeType {
  readonly flags: number;
  getSymbol(): NativeSymbol | undefined;
  getTypes(): readonly NativeType[] | undefined;
  getTarget(): NativeType;
  isIntersectionType(): boolean;
  isClassOrInterface(): boolean;
  isTypeReference(): boolean;
}
interface NativeChecker {
  getTypeAtLocation(nodes: readonly TS.Node[]): (NativeType | undefined)[];
  getSymbolAtLocation(nodes: readonly TS.Node[]): (NativeSymbol | undefined)[];
  getTypeFromTypeNode(node: TS.Node): NativeType | undefined;
  getAliasedSymbol(symbol: NativeSymbol): NativeSymbol;
  getExportsOfModule(symbol: NativeSymbol): readonly NativeSymbol[];
  getDeclaredTypeOfSymbol(symbol: NativeSymbol): NativeType;
  getTypeOfSymbol(symbol: NativeSymbol): NativeType | undefined;
  getPropertiesOfType(type: NativeType): readonly NativeSymbol[];
  getPropertyOfType(type: NativeType, name: string): NativeSymbol | undefined;
  getApparentType(type: NativeType): NativeType | undefined;
  getBaseTypes(type: NativeType): readonly NativeType[];
  typeToString(type: NativeType): string;
}
export interface NativeProject {
  readonly program: {
    getSourceFileNames(): readonly string[];
    getSourceFile(fileName: string): TS.SourceFile | undefined;
  };
  readonly checker: NativeChecker;
}

/** TypeScript 7's AST module under the names `Syntax` uses (TypeScript 5's). */
export function nativeSyntax(ast: NativeModules["ast"]): Syntax {
  const is = (name: string) => ast[name] as (node: TS.Node) => boolean;
  const optionalChain = ast.NodeFlags.OptionalChain!;
  return {
    ...(ast as unknown as Syntax),
    forEachChild: ((node: TS.Node, cbNode: (n: TS.Node) => unknown, cbNodes?: (n: TS.NodeArray<TS.Node>) => unknown) =>
      node.forEachChild(cbNode, cbNodes)) as Syntax["forEachChild"],
    isMethodSignature: is("isMethodSignatureDeclaration") as Syntax["isMethodSignature"],
    isParameter: is("isParameterDeclaration") as Syntax["isParameter"],
    isClassLike: ((node: TS.Node) => is("isClassDeclaration")(node) || is("isClassExpression")(node)) as Syntax["isClassLike"],
    // TypeScript 5's test: a property or element access, call or non-null assertion inside a `?.` chain.
    isOptionalChain: ((node: TS.Node) =>
      (node.flags & optionalChain) !== 0 &&
      (is("isPropertyAccessExpression")(node) || is("isElementAccessExpression")(node) || is("isCallExpression")(node) || is("isNonNullExpression")(node))) as Syntax["isOptionalChain"],
  };
}

export function nativeQueries(modules: NativeModules, project: NativeProject): TypeQueries {
  const { checker } = project;
  const { SymbolFlags, TypeFlags } = modules.api;
  const syntax = nativeSyntax(modules.ast);
  const sym = (s: NativeSymbol | undefined) => s as unknown as QSymbol | undefined;
  const typ = (t: NativeType | undefined) => t as unknown as QType | undefined;
  const native = <T>(handle: QSymbol | QType) => handle as unknown as T;

  const types = new Map<TS.Node, NativeType | undefined>();
  const symbols = new Map<TS.Node, NativeSymbol | undefined>();
  /** Memoises a one-argument query on an object handle. */
  const memo = <K extends object, V>(query: (key: K) => V) => {
    const cache = new Map<K, V>();
    return (key: K): V => {
      if (!cache.has(key)) cache.set(key, query(key));
      return cache.get(key)!;
    };
  };
  const resolveAlias = memo((s: NativeSymbol) => (s.flags & SymbolFlags.Alias! ? checker.getAliasedSymbol(s) : s));

  const fetchTypes = (nodes: readonly TS.Node[]) => {
    const wanted = [...new Set(nodes)].filter((n) => !types.has(n));
    if (wanted.length > 0) checker.getTypeAtLocation(wanted).forEach((t, i) => types.set(wanted[i]!, t));
  };
  const fetchSymbols = (nodes: readonly TS.Node[]) => {
    const wanted = [...new Set(nodes)].filter((n) => !symbols.has(n));
    if (wanted.length > 0) checker.getSymbolAtLocation(wanted).forEach((s, i) => symbols.set(wanted[i]!, s));
  };
  const declarations = memo((s: NativeSymbol) => s.declarations.map((d) => d.resolve()).filter((d): d is TS.Node => d !== undefined));
  const properties = memo((t: NativeType) => (t.flags & (TypeFlags.Object! | TypeFlags.Intersection!) ? checker.getPropertiesOfType(t) : []));
  const propertyByName = memo((_: NativeType) => new Map<string, NativeSymbol | undefined>());

  return {
    syntax,
    ownFiles: () =>
      project.program
        .getSourceFileNames()
        .filter((name) => !/\.d\.[cm]?ts$/.test(name) && !/[\\/]node_modules[\\/]/.test(name))
        .map((name) => project.program.getSourceFile(name))
        .filter((f): f is TS.SourceFile => f !== undefined),
    prefetch(expressions, names) {
      fetchTypes(expressions);
      fetchSymbols(names);
    },
    typeAt(node) {
      fetchTypes([node]);
      return typ(types.get(node));
    },
    typeOfTypeNode: memo((node: TS.TypeNode) => typ(checker.getTypeFromTypeNode(node))),
    symbolAt(node) {
      fetchSymbols([node]);
      return sym(symbols.get(node));
    },
    aliasTarget: (symbol) => sym(resolveAlias(native<NativeSymbol>(symbol)))!,
    moduleExports(specifier) {
      const [module] = checker.getSymbolAtLocation([specifier]);
      if (!module) return undefined;
      return new Map(checker.getExportsOfModule(module).map((s) => [s.name, sym(resolveAlias(s))!]));
    },
    keyOf: (symbol) => native<NativeSymbol>(symbol).escapedName,
    nameOf: (symbol) => native<NativeSymbol>(symbol).name,
    isClass: (symbol) => (native<NativeSymbol>(symbol).flags & SymbolFlags.Class!) !== 0,
    declarationsOf: (symbol) => declarations(native<NativeSymbol>(symbol)),
    declaredTypeOf: (symbol) => typ(checker.getDeclaredTypeOfSymbol(native<NativeSymbol>(symbol)))!,
    typeOfProperty: (symbol) => typ(checker.getTypeOfSymbol(native<NativeSymbol>(symbol))),
    symbolOf: (type) => sym(native<NativeType>(type).getSymbol()),
    intersectionOf(type) {
      const t = native<NativeType>(type);
      return t.isIntersectionType() ? (t.getTypes() ?? []).map((p) => typ(p)!) : undefined;
    },
    propertiesOf: (type) => properties(native<NativeType>(type)).map((s) => sym(s)!),
    propertyOf(type, name) {
      const byName = propertyByName(native<NativeType>(type));
      if (!byName.has(name)) byName.set(name, checker.getPropertyOfType(native<NativeType>(type), name));
      return sym(byName.get(name));
    },
    apparentTypeOf: (type) => typ(checker.getApparentType(native<NativeType>(type)) ?? native<NativeType>(type))!,
    baseTypesOf(type) {
      const t = native<NativeType>(type);
      const declared = t.isClassOrInterface() ? t : t.isTypeReference() ? t.getTarget() : undefined; // Base<T> is a reference to its declaration
      return declared?.isClassOrInterface() ? checker.getBaseTypes(declared).map((b) => typ(b)!) : [];
    },
    typeToString: (type) => checker.typeToString(native<NativeType>(type)),
  };
}
