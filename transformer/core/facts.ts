import type TS from "typescript";
import { SURFACE, type Consumption, type KindEntry } from "../../runtime/internal/surface.js";
import type { QSymbol, QType, TypeQueries } from "./queries.js";
import { decoratorsOf } from "./syntax.js";

/**
 * Facts about smart pointers, from the type queries: which types are pointers, of which kind, to
 * which pointee; which methods are receivers; which names are the runtime's exports. Pure
 * queries with caches; nothing here reports or rewrites anything.
 *
 * The runtime is found by package identity: the exports of the module that the project's own
 * `import ... from "ts-smart-pointer"` resolves to (SURFACE.packageName). A project's own file
 * that happens to be called `runtime/list.ts` is never taken for it.
 */

export interface PointerKind {
  /** The kind name the runtime uses: `Arc`, `ListArc`, or a user class's name. */
  readonly name: string;
  /** True when a `self: P<this>` receiver takes the caller's pointer (owning runtime kinds). */
  readonly moves: boolean;
  /** How to keep a pointer of this kind across a move (`{0}` is the variable), or "" if none. */
  readonly keep: string;
  /** The expression that clones `{0}` into a pointer of this kind, if there is one. */
  readonly clone?: string;
  /** The statement that drops `{0}`, for kinds that own a count. */
  readonly drop?: string;
}

export interface PointerType {
  /** The pointer class's instance type (ArcCore<T>, RcPtr<T>). */
  readonly core: QType;
  readonly kind: PointerKind;
  readonly pointee: QType;
}

/** What `p.name` reaches through a pointer. */
export type PointeeMember =
  | { readonly is: "field" }
  | { readonly is: "method" }
  | { readonly is: "receiver"; readonly receiver: PointerKind }
  /** A member of the pointer itself (no deref), ambiguous with a pointee receiver if `shadows`. */
  | { readonly is: "own"; readonly shadows?: PointerKind };

export type Facts = ReturnType<typeof createFacts>;

export function createFacts(queries: TypeQueries) {
  const { syntax } = queries;
  const runtime = findRuntime();
  const pointeeSymbol = runtime.get(SURFACE.pointee);
  const pointeeKey = pointeeSymbol && findPointeeKey();
  const runtimeKinds = new Map<QSymbol, PointerKind>();
  for (const [className, entry] of Object.entries(SURFACE.kinds) as [string, KindEntry][]) {
    const symbol = runtime.get(className);
    if (symbol) runtimeKinds.set(symbol, { name: entry.name, moves: entry.self === "move", keep: entry.keep, clone: entry.clone, drop: entry.drop });
  }
  const pointerCache = new Map<QType, PointerType | null>();
  const memberCache = new Map<QType, Map<string, PointeeMember | undefined>>();
  const receiverCache = new Map<TS.Node, PointerKind | undefined>();

  /** The runtime's exports by name, from the first own file that imports the package. */
  function findRuntime(): ReadonlyMap<string, QSymbol> {
    for (const file of queries.ownFiles()) {
      for (const statement of file.statements) {
        const specifier = (syntax.isImportDeclaration(statement) || syntax.isExportDeclaration(statement)) && statement.moduleSpecifier;
        if (!specifier || !syntax.isStringLiteral(specifier) || specifier.text !== SURFACE.packageName) continue;
        const exports = queries.moduleExports(specifier);
        if (exports?.has(SURFACE.pointee)) return exports;
      }
    }
    return new Map();
  }

  /** The checker's key of `[Pointee]` properties (`__@Pointee@17`): it names that one symbol. */
  function findPointeeKey(): string | undefined {
    const arcCore = runtime.get(Object.keys(SURFACE.kinds)[0]!);
    const key = arcCore && queries.propertiesOf(queries.declaredTypeOf(arcCore)).map(queries.keyOf).find((k) => k.startsWith(`__@${SURFACE.pointee}@`));
    return key;
  }

  /** The declaration `node` names, through imports and re-exports. */
  function targetAt(node: TS.Node): QSymbol | undefined {
    const symbol = queries.symbolAt(node);
    return symbol && queries.aliasTarget(symbol);
  }

  /** True when `node` names the runtime's export `name` (e.g. the `SmartPointer` decorator). */
  function isRuntime(node: TS.Node, name: string): boolean {
    const symbol = runtime.get(name);
    return symbol !== undefined && targetAt(node) === symbol;
  }

  /** Which runtime export `node` names, among `names`. */
  function runtimeExportAt<N extends string>(node: TS.Node, names: readonly N[]): N | undefined {
    const symbol = targetAt(node);
    return symbol && names.find((name) => runtime.get(name) === symbol);
  }

  /** The `[Pointee]` property of `type`, if it has one. */
  function pointeeProperty(type: QType): QSymbol | undefined {
    return pointeeKey === undefined ? undefined : queries.propertiesOf(type).find((p) => queries.keyOf(p) === pointeeKey);
  }

  /** `type` as a smart pointer, or undefined. */
  function pointerType(type: QType): PointerType | undefined {
    const cached = pointerCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    let result: PointerType | null = null;
    // A pointer is its class (ArcCore<T>, RcPtr<T>), alone or in an intersection (Arc<T>).
    const core = (queries.intersectionOf(type) ?? [type]).find((t) => {
      const symbol = queries.symbolOf(t);
      return symbol !== undefined && isPointerClass(symbol);
    });
    const prop = core && pointeeProperty(core);
    const pointee = prop && queries.typeOfProperty(prop);
    if (core && pointee) result = { core, kind: kindOfClass(queries.symbolOf(core)!), pointee };
    pointerCache.set(type, result);
    return result ?? undefined;
  }

  const pointerClasses = new Map<QSymbol, boolean>();
  /** True for a class that declares `[Pointee]` (asked once per class, not per instantiation). */
  function isPointerClass(symbol: QSymbol): boolean {
    let is = pointerClasses.get(symbol);
    if (is === undefined) {
      is = runtimeKinds.has(symbol) || (queries.isClass(symbol) && pointeeProperty(queries.declaredTypeOf(symbol)) !== undefined);
      pointerClasses.set(symbol, is);
    }
    return is;
  }

  function kindOfClass(symbol: QSymbol): PointerKind {
    return runtimeKinds.get(symbol) ?? { name: queries.nameOf(symbol), moves: false, keep: "" };
  }

  /** The pointer `expression` evaluates to, if any. */
  function pointerAt(expression: TS.Node): PointerType | undefined {
    const type = queries.typeAt(expression);
    return type && pointerType(type);
  }

  /** The pointer kind of a method's `self` parameter, or undefined if it is no receiver. */
  function receiverOf(declaration: TS.Node): PointerKind | undefined {
    if (receiverCache.has(declaration)) return receiverCache.get(declaration);
    const self = (declaration as TS.SignatureDeclaration).parameters?.[0];
    let kind: PointerKind | undefined;
    if (self && syntax.isIdentifier(self.name) && self.name.text === "self" && self.type) {
      const type = queries.typeOfTypeNode(self.type);
      kind = type && pointerType(type)?.kind;
    }
    receiverCache.set(declaration, kind);
    return kind;
  }

  /** How `name` is reached through `pointer`. */
  function memberThrough(pointer: PointerType, name: string): PointeeMember | undefined {
    let byName = memberCache.get(pointer.core);
    if (!byName) memberCache.set(pointer.core, (byName = new Map()));
    if (!byName.has(name)) byName.set(name, findMember(pointer, name));
    return byName.get(name);
  }

  function findMember(pointer: PointerType, name: string): PointeeMember | undefined {
    const member = queries.propertyOf(queries.apparentTypeOf(pointer.pointee), name);
    const own = queries.propertyOf(pointer.core, name);
    const declarations = member ? queries.declarationsOf(member) : [];
    const methods = declarations.filter((d) => syntax.isMethodDeclaration(d) || syntax.isMethodSignature(d));
    const receivers = methods.map(receiverOf);
    const receiver = receivers[0];
    const sameReceiver = receiver !== undefined && receivers.every((r) => r?.name === receiver.name);
    if (own) return { is: "own", shadows: sameReceiver ? receiver : undefined };
    if (!member || declarations.length === 0) return undefined;
    if (methods.length !== declarations.length) return methods.length === 0 ? { is: "field" } : undefined;
    if (receivers.every((r) => r === undefined)) return { is: "method" };
    return sameReceiver ? { is: "receiver", receiver } : undefined; // mixed: left to the runtime
  }

  /**
   * How a call `callee(args)` treats its first argument, if it is one of the runtime's consuming
   * statics (`Arc.drop`) or methods (`list.pushBack`).
   */
  function consumptionOf(callee: TS.PropertyAccessExpression): Consumption | undefined {
    const method = callee.name.text;
    const statics: Record<string, Record<string, Consumption>> = SURFACE.consumingStatics;
    // The name first: a symbol question only for calls that can be consuming statics.
    const owners = Object.keys(statics).filter((owner) => Object.hasOwn(statics[owner]!, method));
    const owner = owners.length > 0 ? runtimeExportAt(callee.expression, owners) : undefined;
    if (owner) return statics[owner]![method];
    const methods: Record<string, Record<string, Consumption>> = SURFACE.consumingMethods;
    const byClass = Object.entries(methods).find(([, byMethod]) => Object.hasOwn(byMethod, method));
    if (!byClass) return undefined;
    const type = queries.typeAt(callee.expression);
    const symbol = type && queries.symbolOf(type);
    return symbol && runtime.get(byClass[0]) === symbol ? byClass[1][method] : undefined;
  }

  /** True when `callee` is a runtime static that only looks at its pointer arguments (`Arc.strongCount`). */
  function lendsArguments(callee: TS.PropertyAccessExpression): boolean {
    const statics: Record<string, readonly string[]> = SURFACE.lendingStatics;
    const names = Object.keys(statics).filter((owner) => statics[owner]!.includes(callee.name.text));
    return names.length > 0 && runtimeExportAt(callee.expression, names) !== undefined;
  }

  /** The list ids a class type declares with `@ListItem` (its bases' included), or undefined if unknown. */
  function listItemIds(type: QType): Set<number> | undefined {
    const ids = new Set<number>();
    for (let t: QType | undefined = type; t; t = queries.baseTypesOf(t)[0]) {
      const symbol = queries.symbolOf(t);
      if (!symbol || !queries.isClass(symbol)) return t === type ? undefined : ids;
      for (const declaration of queries.declarationsOf(symbol)) {
        if (!syntax.isClassLike(declaration)) continue;
        if (declaration.getSourceFile().isDeclarationFile) return undefined; // decorators are not in .d.ts
        for (const decorator of decoratorsOf(syntax, declaration)) {
          const e = decorator.expression;
          if (!syntax.isCallExpression(e) || !isRuntime(e.expression, SURFACE.decorators.listItem)) continue;
          if (e.arguments.length === 0) ids.add(0);
          for (const arg of e.arguments) if (syntax.isNumericLiteral(arg)) ids.add(Number(arg.text));
        }
      }
    }
    return ids;
  }

  return {
    queries,
    syntax,
    /** False when no own file imports the runtime: then there is nothing to analyse. */
    enabled: pointeeKey !== undefined,
    isRuntime,
    runtimeExportAt,
    pointeeProperty,
    pointerType,
    pointerAt,
    receiverOf,
    memberThrough,
    consumptionOf,
    lendsArguments,
    listItemIds,
  };
}
