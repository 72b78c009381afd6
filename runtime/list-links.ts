import type { Handle } from "./handle.js";

/**
 * The links one value carries for one list id (the kernel's `ListLinks` plus its
 * `AtomicTracker`), created with the value by `@ListItem`, so lists allocate nothing.
 *
 * Invariants:
 * - `list` is the list the value is in (logically), or null; while it is set, `arc` is the
 *   ListArc that list owns (moved in on insert, handed out on removal).
 * - `next`/`prev` are non-null if and only if the links are in the cycle of list `chain`
 *   (physically). `list` set implies `chain === list`. Links with a `chain` but no `list` are a
 *   *tombstone*: removed in O(1) without touching their neighbours, skipped by every traversal,
 *   and unlinked by the next pop that reaches them, a re-insert, or compaction.
 * - `tracked` is true if and only if a ListArc for (value, id) exists, in a list or held by
 *   someone: at most one per (value, id), the ListArc's defining invariant.
 */
export class ListLinks {
  next: ListLinks | null = null;
  prev: ListLinks | null = null;
  list: object | null = null;
  chain: object | null = null;
  arc: Handle | null = null;
  tracked = false;
  constructor(readonly id: number) {}
}

/** `value[LINKS_0]` holds the value's links for list id 0 (the default, and the hot case). */
export const LINKS_0 = Symbol("ts-smart-pointer.links0");

/** `value[LINKS][id]` holds its links for the other ids; a class with only id 0 has no array. */
export const LINKS = Symbol("ts-smart-pointer.links");

/** The ids a list can use: small non-negative integers, as the kernel's `const ID: u64`. */
export function checkListId(id: unknown, operation: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 0xffff) {
    throw new TypeError(`${operation}: a list id must be an integer from 0 to 65535, but got ${String(id)}.`);
  }
  return id;
}

/** `proto[LIST_IDS]` lists the ids a `@ListItem` class (and its subclasses) carries links for. */
const LIST_IDS = Symbol("ts-smart-pointer.listIds");

type Item = { [LINKS_0]?: ListLinks; [LINKS]?: ListLinks[]; [LIST_IDS]?: readonly number[] };

/** The links of `value` for `id`, if it has them. */
export function existingLinks(value: object, id: number): ListLinks | undefined {
  return id === 0 ? (value as Item)[LINKS_0] : (value as Item)[LINKS]?.[id];
}

/**
 * The links of `value` for `id`, or a TypeError saying how to declare them. A value's links
 * are created together, once, when it first gets a ListArc; list operations never allocate.
 */
export function linksOf(value: unknown, id: number, operation: string): ListLinks {
  const item = (typeof value === "object" && value !== null ? value : {}) as Item;
  const ids = item[LIST_IDS];
  if (ids?.includes(id) && !(LINKS_0 in item) && !(LINKS in item)) {
    let others: ListLinks[] | undefined;
    for (const listId of ids) {
      // Defined non-enumerable (and throwing a TypeError on a frozen value).
      if (listId === 0) Object.defineProperty(item, LINKS_0, { value: new ListLinks(0) });
      else (others ??= [])[listId] = new ListLinks(listId);
    }
    if (others) Object.defineProperty(item, LINKS, { value: others });
  }
  const own = existingLinks(item, id);
  if (own === undefined) {
    const name = typeof value === "object" && value !== null ? value.constructor?.name ?? "object" : typeof value;
    throw new TypeError(`${operation}: ${name} is not a @ListItem for list id ${id}; declare it with @ListItem(${id === 0 ? "" : id}) on the class.`);
  }
  return own;
}

/**
 * `@ListItem()` / `@ListItem(0, 1)`: the class carries links for these list ids, so its values
 * can be put in a `List` of those ids through a `ListArc`. A subclass may add ids. Works as a
 * standard decorator and under `experimentalDecorators`; the class itself is left unchanged.
 */
export function ListItem(...ids: number[]): <C extends abstract new (...args: any[]) => object>(target: C, context?: ClassDecoratorContext<C>) => void {
  const listIds = ids.length === 0 ? [0] : ids.map((id) => checkListId(id, "@ListItem"));
  if (new Set(listIds).size !== listIds.length) throw new TypeError(`@ListItem(${ids.join(", ")}): each list id may be given once.`);
  return (target: unknown, context?: { kind?: string }) => {
    if (typeof target !== "function" || (context !== undefined && context.kind !== "class")) {
      throw new TypeError(`@ListItem can only be applied to a class, not to ${context?.kind ?? typeof target}.`);
    }
    const proto = target.prototype as { [LIST_IDS]?: readonly number[] };
    const inherited = proto[LIST_IDS] ?? [];
    Object.defineProperty(proto, LIST_IDS, { value: [...new Set([...inherited, ...listIds])], configurable: true });
  };
}
