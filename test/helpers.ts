import { vi } from "vitest";

/** Records every refcount warning emitted while `fn` runs. */
export function warningsDuring(fn: () => void): { message: string; type: string; code: string }[] {
  const seen: { message: string; type: string; code: string }[] = [];
  const spy = vi.spyOn(process, "emitWarning").mockImplementation(((message: string, options: { type: string; code: string }) => {
    seen.push({ message, ...options });
  }) as never);
  try {
    fn();
  } finally {
    spy.mockRestore();
  }
  return seen;
}

/**
 * Puts a pointer's strong count at `n` (tests reach saturation without 2^31 increments).
 * Finds the cell by its symbol's description, so importing this file loads no runtime module
 * (the release-mode test must set NODE_ENV before the runtime loads).
 */
export function setStrongCount(pointer: object, n: number): void {
  cellOf(pointer).count = n;
}

/** The strong count of any pointer (ListArcs included), read without changing it. */
export function strongCountOf(pointer: object): number {
  return cellOf(pointer).count;
}


function cellOf(pointer: object): { count: number } {
  const cell = Object.getOwnPropertySymbols(pointer).find((s) => s.description === "ts-smart-pointer.cell")!;
  return (pointer as Record<symbol, { count: number }>)[cell]!;
}

/** A disposable resource that records how many times it was released. */
export class Resource {
  disposed = 0;
  constructor(readonly name = "resource") {}
  [Symbol.dispose](): void {
    this.disposed++;
  }
}
