import { describe, expect, test } from "vitest";
import { tsc } from "./tsc.js";

// The typing needs no plugin and no particular TypeScript: the same files check on each.
describe.each([
  ["TypeScript 5.0", "typescript-5.0"],
  ["TypeScript 5.9", "typescript"],
  ["TypeScript 6.0", "typescript-6.0"],
  ["TypeScript 7", "typescript-7"],
])("type tests under %s", (_name, pkg) => {
  test("every positive case checks and every @ts-expect-error is an error", () => {
    const { code, output } = tsc(pkg, "-p", "test/types");
    expect(output).toBe("");
    expect(code).toBe(0);
  });
});
