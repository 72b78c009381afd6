import { execFileSync } from "node:child_process";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { compile, writeOut } from "./compile.js";

// A `self: SharedArc<this>` receiver through the plugin: compiled to a direct call that moves the
// pointer in (SharedArc is an owning kind), and behaving as without the plugin.
const program = `
import { SharedArc } from "ts-smart-pointer";
class Tally {
  constructor(readonly cells: Int32Array) {}
  add(n: number): number { return Atomics.add(this.cells, 0, n) + n; }
  finish(self: SharedArc<this>, label: string): string {
    const owners = SharedArc.strongCount(self);
    SharedArc.drop(self);
    return label + ":" + owners + ":" + Atomics.load(this.cells, 0);
  }
  [Symbol.dispose](): void { console.log("released"); }
}
SharedArc.register(Tally);
const t = SharedArc.new(new Tally(new Int32Array(new SharedArrayBuffer(4))));
t.add(2);
console.log(SharedArc.clone(t).finish("clone"), t.cells.length);
console.log(t.finish("last"));
// @ts-ignore: a use after the move on purpose (the plugin reports it as TS9012), caught at run time
if (Math.random() < 2) { try { t.add(1); } catch (e) { console.log((e as Error).name); } }
`;

function run(config: Record<string, unknown> | null, name: string): string {
  const result = compile(ts, { "main.ts": program }, config ?? {}, config !== null);
  expect(result.typeErrors).toEqual([]);
  expect(result.diagnostics).toEqual([]);
  return execFileSync(process.execPath, [writeOut(`shared-arc-${name}.mjs`, result.js["main.ts"]!)], { encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } });
}

describe("self: SharedArc<this> receivers through the plugin", () => {
  const expected = "clone:2:2 1\nreleased\nlast:1:2\nUseAfterMoveError\n";
  test("plain tsc (no plugin)", () => expect(run(null, "plain")).toBe(expected));
  test.each(["inline", "thunk"])("plugin, %s, debug: same output, the moved-from pointer is caught", (strategy) => {
    expect(run({ strategy, mode: "debug" }, strategy)).toBe(expected);
  });

  test("release: the call is a direct call on the pointee, with the pointer as self", () => {
    const js = compile(ts, { "main.ts": program }, { mode: "release", strategy: "inline" }).js["main.ts"]!;
    expect(js).toMatch(/t\[__spPointee_1\]\.finish\(t, "last"\)/);
    expect(js).toMatch(/t\[__spPointee_1\]\.add\(2\)/);
    expect(js).toContain(`__sp_1.receivers(this, { "finish": "SharedArc" })`);
  });

  test("debug: the receiver moves the caller's pointer (SharedArc is an owning kind)", () => {
    const js = compile(ts, { "main.ts": program }, { mode: "debug", strategy: "inline" }).js["main.ts"]!;
    expect(js).toMatch(/__sp_1\.move\(t, "finish"\)/);
  });
});
