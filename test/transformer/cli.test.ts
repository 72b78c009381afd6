import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root, writeOut } from "./compile.js";

const cli = join(root, "dist/transformer/cli.js");

function expand(...args: string[]): { code: number; stdout: string; stderr: string } {
  try {
    return { code: 0, stdout: execFileSync(process.execPath, [cli, ...args], { cwd: root, encoding: "utf8", stdio: "pipe" }), stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

describe("npx ts-smart-pointer expand", () => {
  test("prints a file's expansion", () => {
    const result = expand("expand", "test/transformer/fixtures/uses-pointers.ts", "--mode", "release");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain(`import { abi2 as __sp_1 } from "ts-smart-pointer/internal/abi";`);
    expect(result.stdout).toContain("export const current = counter[__spPointee_1].n;");
  });

  test("the strategy option changes the expansion of calls", () => {
    const file = writeOut("cli-calls.ts", `import { Arc } from "ts-smart-pointer";\nclass J { m(self: Arc<this>) { Arc.drop(self); } }\nArc.new(new J()).m();\n`);
    expect(expand("expand", file, "--strategy", "thunk", "--mode", "release").stdout).toMatch(/__sp_move_m_1\(Arc\.new\(new J\(\)\)\);\nfunction __sp_move_m_1\(p, \.\.\.a\)/);
  });

  test("reports diagnostics on stderr and exits 1", () => {
    const file = writeOut("cli-bad.ts", `import { Arc } from "ts-smart-pointer";\nclass J { m(n: number, self: Arc<this>) {} }\n`);
    const result = expand("expand", file);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/error TS9005: \[rustc E0307\] unexpected `self` parameter/);
  });

  test("--leaks reports a leak, as a warning that still exits 1", () => {
    const file = writeOut("cli-leak.ts", `import { Arc } from "ts-smart-pointer";\nexport function f(): number {\n  const a = Arc.new({ n: 1 });\n  return a.n;\n}\n`);
    expect(expand("expand", file).code).toBe(0);
    const result = expand("expand", file, "--leaks", "warn");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/cli-leak\.ts\(3,9\): warning TS9016: `a` leaks: the `Arc` it owns is not dropped, moved, returned or stored at the `return` on line 4/);
  });

  test("usage errors exit 2", () => {
    expect(expand().code).toBe(2);
    expect(expand("expand", "x.ts", "--speed", "fast").stderr).toMatch(/usage: ts-smart-pointer expand/);
    expect(expand("expand", "test/.out/does-not-exist.ts").stderr).toMatch(/cannot read/);
  });
});
