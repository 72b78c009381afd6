/**
 * The runtime's surface as the compiler plugin sees it: plain data, owned here so the plugin
 * learns the pointer kinds and what moves from the runtime itself instead of keeping a copy.
 *
 * Invariant: every entry names an export of the package's main entry (`ts-smart-pointer`); the
 * plugin finds those exports through the module the user's code imports (package identity), never
 * through file paths. test/surface.test.ts checks the table against the runtime's exports.
 */

/** How a receiver `m(self: P<this>)` gets its pointer: moved in (the caller's is gone) or lent. */
export type SelfPassing = "move" | "borrow";

export interface KindEntry {
  /** The kind as users write it (`Arc`); the table's key is the pointer class (`ArcCore`). */
  readonly name: string;
  readonly self: SelfPassing;
  /** How to keep a pointer of this kind across a move, for the help line of a use-after-move. */
  readonly keep: string;
  /** The expression that clones `{0}` into a pointer of the same kind, if the kind has one. */
  readonly clone?: string;
  /** The statement that drops `{0}`, for kinds that own a count. */
  readonly drop?: string;
}

/**
 * What consumes a pointer argument. `"always"`: the call takes ownership of its argument;
 * `"if-owning"`: only when the argument is of an owning kind (`Arc.from(unique)` consumes,
 * `Arc.from(borrow)` borrows).
 */
export type Consumption = "always" | "if-owning";

export const SURFACE = {
  version: 1,
  /** The package whose main entry exports everything below. */
  packageName: "ts-smart-pointer",
  /** The runtime's pointer classes (`@SmartPointer` classes exported from the main entry). */
  kinds: {
    ArcCore: { name: "Arc", self: "move", keep: "clone it: `Arc.clone({0})`", clone: "Arc.clone({0})", drop: "Arc.drop({0})" },
    UniqueArcCore: { name: "UniqueArc", self: "move", keep: "share it with `Arc.from({0})` and clone that Arc", drop: "UniqueArc.drop({0})" },
    ArcBorrowCore: { name: "ArcBorrow", self: "borrow", keep: "" },
    ListArcCore: { name: "ListArc", self: "move", keep: "take a plain Arc beside it with `ListArc.cloneArc({0})`", drop: "ListArc.drop({0})" },
    SharedArcCore: { name: "SharedArc", self: "move", keep: "clone it: `SharedArc.clone({0})`", clone: "SharedArc.clone({0})", drop: "SharedArc.drop({0})" },
  } satisfies Record<string, KindEntry>,
  /** Statics (`Arc.drop(a)`) that consume their first argument, by the exported value's name. */
  consumingStatics: {
    Arc: { drop: "always", intoUniqueOrDrop: "always", from: "if-owning" },
    UniqueArc: { drop: "always" },
    SharedArc: { drop: "always" },
    ListArc: { drop: "always", intoArc: "always", from: "always", pairFromUnique: "always", tryFromArcOrDrop: "always" },
  } satisfies Record<string, Record<string, Consumption>>,
  /** Statics that only look at their pointer arguments: the caller keeps ownership (the leak rule's borrows). */
  lendingStatics: {
    Arc: ["clone", "strongCount", "ptrEq", "deref", "asArcBorrow"],
    UniqueArc: [],
    ListArc: ["cloneArc"],
    SharedArc: ["clone", "strongCount", "send"],
  } satisfies Record<string, readonly string[]>,
  /** Methods of the runtime's classes (`list.pushBack(la)`) that consume their first argument. */
  consumingMethods: {
    List: { pushBack: "always", pushFront: "always" },
    Cursor: { insertNext: "always", insertPrev: "always" },
  } satisfies Record<string, Record<string, Consumption>>,
  /** Statics that make a ListArc for a list id (the value's class must be a `@ListItem` for it). */
  listArcConstructors: {
    /** The static's name: which argument holds the value (`"value"`) or a pointer to it, and where ids start. */
    new: { value: "value", ids: 1 },
    from: { value: "pointer", ids: 1 },
    tryFromArc: { value: "pointer", ids: 1 },
    tryFromArcOrDrop: { value: "pointer", ids: 1 },
    pairFromUnique: { value: "pointer", ids: 1 },
  },
  /** The decorators the plugin replaces with static glue. */
  decorators: { pointer: "SmartPointer", listItem: "ListItem" },
  /** The symbol a pointer class declares its pointee with: `readonly [Pointee]: T`. */
  pointee: "Pointee",
} as const;

export type Surface = typeof SURFACE;
