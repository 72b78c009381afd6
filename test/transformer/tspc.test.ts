import { execFileSync } from "node:child_process";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "./compile.js";

/** Builds a one-file project with tspc and the plugin as a user configures it. */
function tspc(source: string): { code: number; output: string } {
  const dir = join(root, "test/.out/tspc-project");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "main.ts"), source);
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, types: [], rootDir: ".", outDir: "out" };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions: { ...compilerOptions, plugins: [{ transform: "ts-smart-pointer/transformer" }] }, files: ["main.ts"] }));
  try {
    return { code: 0, output: execFileSync(process.execPath, [join(root, "node_modules/ts-patch/bin/tspc.js"), "-p", dir], { encoding: "utf8", stdio: "pipe" }) };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, output: e.stdout + e.stderr };
  }
}

describe("through tspc, as users build", () => {
  test("a misuse fails the build with its documented message and file:line", () => {
    const { code, output } = tspc(`import { Arc } from "ts-smart-pointer";\nexport class Job {\n  run(n: number, self: Arc<this>) { return n; }\n}\n`);
    expect(code).not.toBe(0);
    expect(output).toMatch(/main\.ts\(3,18\): error TS9005: \[rustc E0307\] unexpected `self` parameter in method `run`: `self` must be the first parameter\n\s+help: move `self` first/);
  });

  test("correct code builds", () => {
    const { code, output } = tspc(`import { Arc } from "ts-smart-pointer";\nexport class Job {\n  n = 1;\n  run(self: Arc<this>) { Arc.drop(self); return this.n; }\n}\nexport const n = Arc.new(new Job()).run();\n`);
    expect(output).toBe("");
    expect(code).toBe(0);
  });
});

test("the transformer never imports typescript at run time (only the expand CLI does, on demand)", () => {
  for (const dir of ["dist/transformer", "dist-cjs/transformer"]) {
    for (const file of readdirSync(join(root, dir)).filter((f) => f.endsWith(".js") && f !== "cli.js")) {
      const js = readFileSync(join(root, dir, file), "utf8");
      expect(js, `${dir}/${file}`).not.toMatch(/from ["']typescript["']|require\(["']typescript["']\)|import\(["']typescript["']\)/);
    }
  }
});
