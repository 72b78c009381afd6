import { warnRefcount } from "./errors.js";
import { tracking, unwatch } from "./leaks.js";

/** The largest count before saturation, as the kernel's `refcount_t` (`INT_MAX`). */
const MAX = 2 ** 31 - 1;
export const REFCOUNT_MAX = MAX; // exported bindings are not folded into optimized code; MAX is

/**
 * A saturated count, stored as a small integer so the field never turns into a boxed double;
 * `strongCount` reports it as `Infinity`.
 */
const SATURATED = -1;

/**
 * The shared part of every pointer to one value: its strong count and the value itself.
 *
 * Invariants:
 * - `count` is the number of live strong pointers (Arc, UniqueArc, ListArc handles), except
 *   once saturated: then it is `SATURATED` forever and the value is never dropped (leaked on
 *   purpose, as refcount_t does), so a wrapped-around count can never free a live value.
 * - The value is dropped exactly once: when `count` goes from 1 to 0.
 * - `arc` and `borrow` are lazily made handles reused for this value (release `Arc`; `ArcBorrow`).
 */
export class RefCell<T = unknown> {
  count = 1;
  arc: object | null = null;
  borrow: object | null = null;
  constructor(readonly value: T) {}
}

/** The strong count as users see it: `Infinity` once saturated. */
export function strongCount(cell: RefCell): number {
  return cell.count === SATURATED ? Infinity : cell.count;
}

/** Adds one strong reference; saturates (with one warning) instead of overflowing. */
export function incStrong(cell: RefCell): void {
  const n = cell.count;
  // Fast path: 0 < n < MAX. Saturated, maximal and dead (0) counts take the slow path.
  if (n > 0 && n < MAX) cell.count = n + 1;
  else incSlow(cell, n);
}

function incSlow(cell: RefCell, n: number): void {
  if (n === SATURATED) return;
  saturate(cell);
  if (n === 0) warnRefcount("refcount_t: addition on 0; use-after-free. The count saturates and the value is leaked.", "SP_REFCOUNT_ADD_ON_ZERO");
  else warnRefcount(`refcount_t: saturated at ${MAX}; the value will never be dropped (leaked on purpose).`, "SP_REFCOUNT_SATURATED");
}

/** Removes one strong reference; returns true when this was the last one (the caller drops the value). */
export function decStrong(cell: RefCell): boolean {
  const n = cell.count;
  if (n > 1) {
    cell.count = n - 1;
    return false;
  }
  if (n === 1) {
    cell.count = 0;
    return true;
  }
  if (n === 0) {
    // Underflow: another pointer to this value was released twice. Saturate, as refcount_t does.
    saturate(cell);
    warnRefcount("refcount_t: underflow; use-after-free. The count saturates and the value is leaked.", "SP_REFCOUNT_UNDERFLOW");
  }
  return false; // saturated: never reaches zero
}

/**
 * Leaks the value on purpose. The leak detector stops watching it in release, where it watches
 * values: the warning that follows already reports the leak.
 */
function saturate(cell: RefCell): void {
  cell.count = SATURATED;
  if (tracking) unwatch(cell);
}
