import type TS from "typescript";

/**
 * Facts about smart pointers, read from the type checker: which types are pointers, of which
 * kind, to which pointee; which methods are receivers; which decorators are the runtime's.
 * Pure queries with caches; nothing here changes code or reports anything.
 */

/** The runtime's pointer classes are named `<Kind>Core`; the kind users see is `<Kind>`. */
const RUNTIME_KINDS: Record<string, string> = { ArcCore: "Arc", UniqueArcCore: "UniqueArc", ArcBorrowCore: "ArcBorrow", ListArcCore: "ListArc", SharedArcCore: "SharedArc" };

/** Kinds whose `self` receivers take the caller's pointer (a move); others lend it. */
const MOVING_KINDS = new Set(["Arc", "UniqueArc", "ListArc", "SharedArc"]);

/** A runtime file, recognised by its path inside the package (built or source). */
const RUNTIME_FILE = /(?:^|[\\/])(?:ts-smart-pointer[\\/](?:dist[\\/])?)?runtime[\\/](\w[\w-]*)\.(?:d\.)?ts$/;

export interface PointerType {
  /** The pointer class's instance type (ArcCore<T>, RcPtr<T>). */
  readonly core: TS.Type;
  /** The kind name the runtime uses: `Arc`, `ListArc`, or a user class's name. */
  readonly kind: string;
  readonly moves: boolean;
  readonly pointee: TS.Type;
}

export interface Receiver {
  readonly kind: string;
  readonly moves: boolean;
}

/** What `p.name` reaches through a pointer. */
export type PointeeMember =
  | { readonly is: "field" }
  | { readonly is: "method" }
  | { readonly is: "receiver"; readonly receiver: Receiver }
  /** A member of the pointer itself (no deref), ambiguous with a pointee receiver if `shadows`. */
  | { readonly is: "own"; readonly shadows?: Receiver };

export type Analysis = ReturnType<typeof analyse>;

export function analyse(ts: typeof TS, program: TS.Program) {
  const checker = program.getTypeChecker();
  const runtimeSymbols = findRuntimeSymbols();
  const pointeeKey = runtimeSymbols.get("Pointee") ? `__@Pointee@` : undefined;
  const pointerCache = new Map<TS.Type, PointerType | null>();

  /** The runtime's exported declarations by name (Pointee, SmartPointer, ListItem, ArcCore...). */
  function findRuntimeSymbols(): Map<string, TS.Symbol> {
    const found = new Map<string, TS.Symbol>();
    for (const file of program.getSourceFiles()) {
      if (!RUNTIME_FILE.test(file.fileName.replace(/\\/g, "/"))) continue;
      for (const statement of file.statements) {
        const names = ts.isVariableStatement(statement)
          ? statement.declarationList.declarations.map((d) => d.name)
          : ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)
            ? [statement.name]
            : [];
        for (const name of names) {
          if (!name || !ts.isIdentifier(name)) continue;
          const symbol = checker.getSymbolAtLocation(name);
          if (symbol && !found.has(name.text)) found.set(name.text, symbol);
        }
      }
    }
    return found;
  }

  /** The symbol `node` names, with import aliases followed. */
  function resolve(node: TS.Node): TS.Symbol | undefined {
    let symbol = checker.getSymbolAtLocation(node);
    if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
    return symbol;
  }

  /** True when `node` names the runtime's export `name` (e.g. the `SmartPointer` decorator). */
  function isRuntime(node: TS.Node, name: string): boolean {
    return isRuntimeSymbol(resolve(node), name);
  }

  function isRuntimeSymbol(symbol: TS.Symbol | undefined, name: string): boolean {
    return symbol !== undefined && runtimeSymbols.get(name) === symbol;
  }

  /** The `[Pointee]` property of `type`, if it has one. */
  function pointeeProperty(type: TS.Type): TS.Symbol | undefined {
    if (!pointeeKey || !(type.flags & ts.TypeFlags.Object || type.flags & ts.TypeFlags.Intersection)) return undefined;
    const pointee = runtimeSymbols.get("Pointee")!;
    for (const prop of checker.getPropertiesOfType(type)) {
      if (!prop.escapedName.toString().startsWith(pointeeKey)) continue;
      const name = prop.valueDeclaration && ts.getNameOfDeclaration(prop.valueDeclaration);
      if (name && ts.isComputedPropertyName(name) && resolve(name.expression) === pointee) return prop;
    }
    return undefined;
  }

  /** `type` as a smart pointer, or undefined. */
  function pointerType(type: TS.Type): PointerType | undefined {
    const cached = pointerCache.get(type);
    if (cached !== undefined) return cached ?? undefined;
    let result: PointerType | null = null;
    const prop = pointeeProperty(type);
    if (prop) {
      const parts = type.isIntersection() ? type.types : [type];
      const core = parts.find((t) => t.symbol && t.symbol.flags & ts.SymbolFlags.Class && pointeeProperty(t));
      if (core) {
        const kind = RUNTIME_KINDS[core.symbol.name] ?? core.symbol.name;
        const pointee = checker.getTypeOfSymbolAtLocation(prop, prop.valueDeclaration!);
        result = { core, kind, moves: MOVING_KINDS.has(kind) && core.symbol.name in RUNTIME_KINDS, pointee };
      }
    }
    pointerCache.set(type, result);
    return result ?? undefined;
  }

  /** The pointer kind of a `self` parameter's declared type, or undefined if it is no pointer. */
  function receiverOf(declaration: TS.SignatureDeclaration): Receiver | undefined {
    const self = declaration.parameters[0];
    if (!self || !ts.isIdentifier(self.name) || self.name.text !== "self" || !self.type) return undefined;
    const pointer = pointerType(checker.getTypeFromTypeNode(self.type));
    return pointer && { kind: pointer.kind, moves: pointer.moves };
  }

  /** How `name` is reached through `pointer`. */
  function memberThrough(pointer: PointerType, name: string): PointeeMember | undefined {
    const pointeeType = checker.getApparentType(pointer.pointee);
    const member = checker.getPropertyOfType(pointeeType, name);
    const own = checker.getPropertyOfType(pointer.core, name);
    const declarations = member?.declarations ?? [];
    const methods = declarations.filter((d): d is TS.MethodDeclaration | TS.MethodSignature => ts.isMethodDeclaration(d) || ts.isMethodSignature(d));
    const receivers = methods.map(receiverOf);
    const receiver = receivers[0];
    const sameReceiver = receiver !== undefined && receivers.every((r) => r?.kind === receiver.kind);
    if (own) return { is: "own", shadows: sameReceiver ? receiver : undefined };
    if (!member || declarations.length === 0) return undefined;
    if (methods.length !== declarations.length) return methods.length === 0 ? { is: "field" } : undefined;
    if (receivers.every((r) => r === undefined)) return { is: "method" };
    return sameReceiver ? { is: "receiver", receiver } : undefined; // mixed: leave it to the runtime
  }

  /** The pointer `expression` evaluates to, if any. */
  function pointerAt(expression: TS.Expression): PointerType | undefined {
    return pointerType(checker.getTypeAtLocation(expression));
  }

  return {
    ts,
    checker,
    /** False when the program does not include the runtime: then nothing is transformed. */
    enabled: runtimeSymbols.size > 0,
    isRuntime,
    isRuntimeSymbol,
    pointerType,
    pointerAt,
    receiverOf,
    memberThrough,
    pointeeProperty,
  };
}
