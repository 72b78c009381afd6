import type TS from "typescript";
import type { Syntax } from "./syntax.js";

/**
 * The type questions the analysis asks, and nothing more: the one seam between the analysis and a
 * TypeScript version. backends/js.ts answers them with TypeScript 5-6's checker (the `ts` a
 * build hands us), backends/native.ts with TypeScript 7's checker over its pipe.
 *
 * Symbols and types are opaque handles: the analysis only compares them (`===`, which both
 * backends keep stable for one program) and hands them back. Nodes are the backend's own AST
 * nodes, typed with TypeScript 5's shapes (TypeScript 7's have the same fields).
 */
export interface TypeQueries {
  readonly syntax: Syntax;
  /** The program's source files that are the project's own code (not libraries or .d.ts of packages). */
  ownFiles(): readonly TS.SourceFile[];
  /**
   * Asks for the types of `expressions` and the symbols of `names` at once. A backend that pays
   * per request (TypeScript 7) answers the later `typeAt`/`symbolAt` calls from this batch.
   */
  prefetch(expressions: readonly TS.Node[], names: readonly TS.Node[]): void;
  /** The type of an expression or declaration name. */
  typeAt(node: TS.Node): QType | undefined;
  /** The type a type annotation denotes. */
  typeOfTypeNode(node: TS.TypeNode): QType | undefined;
  /** The symbol `node` names: for an imported name, the import's own (alias) symbol. */
  symbolAt(node: TS.Node): QSymbol | undefined;
  /** What an alias symbol (an import, a re-export) stands for, all the way; any other symbol itself. */
  aliasTarget(symbol: QSymbol): QSymbol;
  /** The exports (aliases followed) of the module a module specifier string names. */
  moduleExports(specifier: TS.Node): ReadonlyMap<string, QSymbol> | undefined;
  /** A symbol's name as the checker keys it (`__@Pointee@17` for a unique-symbol key). */
  keyOf(symbol: QSymbol): string;
  /** A symbol's display name. */
  nameOf(symbol: QSymbol): string;
  isClass(symbol: QSymbol): boolean;
  declarationsOf(symbol: QSymbol): readonly TS.Node[];
  /** The instance type a class symbol declares. */
  declaredTypeOf(symbol: QSymbol): QType;
  /** The type of a property symbol, as instantiated in the type it was read from. */
  typeOfProperty(symbol: QSymbol): QType | undefined;
  symbolOf(type: QType): QSymbol | undefined;
  /** The members of an intersection, or undefined for any other type. */
  intersectionOf(type: QType): readonly QType[] | undefined;
  propertiesOf(type: QType): readonly QSymbol[];
  propertyOf(type: QType, name: string): QSymbol | undefined;
  /** The type whose members `type` has (a type parameter's constraint, a primitive's wrapper). */
  apparentTypeOf(type: QType): QType;
  baseTypesOf(type: QType): readonly QType[];
  typeToString(type: QType): string;
}

/** A checker's symbol, opaque to the analysis. */
export type QSymbol = { readonly __symbol: unique symbol };
/** A checker's type, opaque to the analysis. */
export type QType = { readonly __type: unique symbol };
