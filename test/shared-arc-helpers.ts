/**
 * Test access to a SharedArc's count cell (tests reach saturation without 2^31 increments).
 * Finds the cell by its symbol's description, so importing this file loads no runtime module.
 */
export function sharedCounts(pointer: object): Int32Array {
  const key = Object.getOwnPropertySymbols(pointer).find((s) => s.description === "ts-smart-pointer.cell")!;
  return (pointer as Record<symbol, { counts: Int32Array }>)[key]!.counts;
}

/** Puts a SharedArc's count (in every thread) at `n`. */
export function setSharedCount(pointer: object, n: number): void {
  Atomics.store(sharedCounts(pointer), 0, n);
}
