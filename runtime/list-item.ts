import type { ListArcHandle } from "./list-arc.js";

/**
 * The `@ListItem` side of lists: which list ids a class declares, and, per value and id, the
 * value's current ListArc (the kernel's `AtomicTracker`).
 *
 * Invariant: `value[SLOT_0]` (id 0) and `value[SLOTS][id]` (other ids) hold the ListArc of
 * (value, id) while one exists, else null: at most one per (value, id), the ListArc's defining
 * invariant. While the ListArc is in a list, it is the list's node (see list-arc.ts), so
 * `list.remove(value)` finds it in O(1) from the value.
 */

/** `value[SLOT_0]`: the value's ListArc for list id 0 (the default, and the hot case). */
export const SLOT_0 = Symbol("ts-smart-pointer.listArc0");

/** `value[SLOTS][id]`: its ListArcs for the other ids; a class with only id 0 has no array. */
export const SLOTS = Symbol("ts-smart-pointer.listArcs");

/** `proto[LIST_IDS]`: the ids a `@ListItem` class (and its subclasses) declares. */
const LIST_IDS = Symbol("ts-smart-pointer.listIds");

type Item = { [SLOT_0]?: ListArcHandle | null; [SLOTS]?: (ListArcHandle | null)[]; [LIST_IDS]?: readonly number[] };

/** The ids a list can use: small non-negative integers, as the kernel's `const ID: u64`. */
export function checkListId(id: unknown, operation: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 0xffff) {
    throw new TypeError(`${operation}: a list id must be an integer from 0 to 65535, but got ${String(id)}.`);
  }
  return id;
}

/**
 * The ListArc `value` has for `id` (null if none), or a TypeError saying how to declare the id.
 * The slots are created together, once, when the value first gets a ListArc.
 */
export function listArcOf(value: unknown, id: number, operation: string): ListArcHandle | null {
  const item = (typeof value === "object" && value !== null ? value : {}) as Item;
  const ids = item[LIST_IDS];
  if (ids?.includes(id) && !(SLOT_0 in item) && !(SLOTS in item)) {
    let others: null[] | undefined;
    for (const listId of ids) {
      // Non-enumerable, and a TypeError on a frozen value.
      if (listId === 0) Object.defineProperty(item, SLOT_0, { value: null, writable: true });
      else (others ??= [])[listId] = null;
    }
    if (others) Object.defineProperty(item, SLOTS, { value: others });
  }
  const current = id === 0 ? item[SLOT_0] : item[SLOTS]?.[id];
  if (current === undefined) {
    const name = typeof value === "object" && value !== null ? value.constructor?.name ?? "object" : typeof value;
    throw new TypeError(`${operation}: ${name} is not a @ListItem for list id ${id}; declare it with @ListItem(${id === 0 ? "" : id}) on the class.`);
  }
  return current;
}

/** Records `listArc` (or null) as the ListArc of (value, id); its slot exists (see listArcOf). */
export function setListArcOf(value: object, id: number, listArc: ListArcHandle | null): void {
  if (id === 0) (value as Item)[SLOT_0] = listArc;
  else (value as Item)[SLOTS]![id] = listArc;
}

/**
 * `@ListItem()` / `@ListItem(0, 1)`: the class's values can be put in a `List` of these ids
 * through a `ListArc`. A subclass may add ids. Works as a standard decorator and under
 * `experimentalDecorators`; the class itself is left unchanged.
 */
export function ListItem(...ids: number[]): <C extends abstract new (...args: any[]) => object>(target: C, context?: ClassDecoratorContext<C>) => void {
  const listIds = ids.length === 0 ? [0] : ids.map((id) => checkListId(id, "@ListItem"));
  if (new Set(listIds).size !== listIds.length) throw new TypeError(`@ListItem(${ids.join(", ")}): each list id may be given once.`);
  return (target: unknown, context?: { kind?: string }) => {
    if (typeof target !== "function" || (context !== undefined && context.kind !== "class")) {
      throw new TypeError(`@ListItem can only be applied to a class, not to ${context?.kind ?? typeof target}.`);
    }
    const proto = target.prototype as Item;
    const inherited = proto[LIST_IDS] ?? [];
    Object.defineProperty(proto, LIST_IDS, { value: [...new Set([...inherited, ...listIds])], configurable: true });
  };
}
