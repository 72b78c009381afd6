import type { Handle } from "./handle.js";

/**
 * The links one value carries for one list id (the kernel's `ListLinks` plus its
 * `AtomicTracker`), created with the value by `@ListItem`, so lists allocate nothing.
 *
 * Invariants:
 * - `next`/`prev` are null if and only if the value is in no list of this id; then `list` and
 *   `arc` are null too. In a list they form a cycle through the list's sentinel.
 * - `tracked` is true if and only if a ListArc for (value, id) exists, in a list or held by
 *   someone: at most one per (value, id), the ListArc's defining invariant.
 * - While in a list, `arc` is the ListArc the list owns (moved in on insert, handed out on removal).
 */
export class ListLinks {
  next: ListLinks | null = null;
  prev: ListLinks | null = null;
  list: object | null = null;
  arc: Handle | null = null;
  tracked = false;
  constructor(
    /** The value carrying these links; null for a list's sentinel. */
    readonly item: object | null,
    readonly id: number,
  ) {}
}

/** `value[LINKS][id]` holds the value's links for list id `id`. */
export const LINKS = Symbol("ts-smart-pointer.links");

/** The ids a list can use: small non-negative integers, as the kernel's `const ID: u64`. */
export function checkListId(id: unknown, operation: string): number {
  if (typeof id !== "number" || !Number.isInteger(id) || id < 0 || id > 0xffff) {
    throw new TypeError(`${operation}: a list id must be an integer from 0 to 65535, but got ${String(id)}.`);
  }
  return id;
}

/** The links of `value` for `id`, or a TypeError saying how to declare them. */
export function linksOf(value: unknown, id: number, operation: string): ListLinks {
  const links = typeof value === "object" && value !== null ? (value as { [LINKS]?: ListLinks[] })[LINKS]?.[id] : undefined;
  if (links === undefined) {
    const name = typeof value === "object" && value !== null ? value.constructor?.name ?? "object" : typeof value;
    throw new TypeError(`${operation}: ${name} is not a @ListItem for list id ${id}; declare it with @ListItem(${id === 0 ? "" : id}) on the class.`);
  }
  return links;
}

/**
 * `@ListItem()` / `@ListItem(0, 1)`: the class carries links for these list ids, so its values
 * can be put in a `List` of those ids through a `ListArc`. Works as a standard decorator and under
 * `experimentalDecorators`.
 */
export function ListItem(...ids: number[]): <C extends abstract new (...args: any[]) => object>(target: C, context?: ClassDecoratorContext<C>) => C {
  const listIds = ids.length === 0 ? [0] : ids.map((id) => checkListId(id, "@ListItem"));
  if (new Set(listIds).size !== listIds.length) throw new TypeError(`@ListItem(${ids.join(", ")}): each list id may be given once.`);
  return ((target: unknown, context?: { kind?: string }) => {
    if (typeof target !== "function" || (context !== undefined && context.kind !== "class")) {
      throw new TypeError(`@ListItem can only be applied to a class, not to ${context?.kind ?? typeof target}.`);
    }
    const cls = target as new (...args: unknown[]) => object;
    return {
      [cls.name]: class extends cls {
        constructor(...args: unknown[]) {
          super(...args);
          // Created once with the value: every instance gets the same shape.
          const links = ((this as { [LINKS]?: ListLinks[] })[LINKS] ??= []);
          for (const id of listIds) links[id] ??= new ListLinks(this, id);
        }
      },
    }[cls.name];
  }) as never;
}
