import { execFile } from "node:child_process";
import { symlinkSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { root } from "../transformer/compile.js";
import { userProject } from "../transformer/user-project.js";
import { counterClass } from "./fixtures.js";

/**
 * A user's project whose tests run under vitest with the plugin in its Vite config, from the
 * package (`ts-smart-pointer/bundler/vite`, so dist/): vitest runs in a child process, in the
 * project, as `npx vitest run` would.
 */

const config = `import smartPointer from "ts-smart-pointer/bundler/vite";

export default { plugins: [smartPointer()], test: { include: ["*.test.ts"] } };
`;

const counterTest = `import { Arc } from "ts-smart-pointer";
import { expect, test } from "vitest";

${counterClass}
const bumpOnce = (p: Arc<Counter>): number => p.bump(1);

test("a receiver call through an Arc takes the caller's pointer", () => {
  const p = Arc.new(new Counter());
  expect(bumpOnce(Arc.clone(p))).toBe(1);
  expect(Arc.strongCount(p)).toBe(1);
  Arc.drop(p);
});

test("the module vitest runs is the plugin's expansion", () => {
  expect(bumpOnce.toString()).toContain("__spPointee");
});
`;

const movedTest = `import { Arc } from "ts-smart-pointer";
import { test } from "vitest";

class Job {
  name = "job";
  run(self: Arc<this>): void {
    Arc.drop(self);
  }
}

test("uses a moved pointer", () => {
  const job = Arc.new(new Job());
  job.run();
  console.log(job.name);
});
`;

/** Runs `vitest run <file>` in `dir`; its exit code and all it printed. */
async function vitestRun(dir: string, file: string): Promise<{ code: number; output: string }> {
  // Not this run's own variables: the child is a vitest of its own, not a worker of this one.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_ENV" && k !== "TEST"));
  const run = promisify(execFile)(process.execPath, [join(root, "node_modules/vitest/vitest.mjs"), "run", file], { cwd: dir, env: { ...env, NO_COLOR: "1" } });
  try {
    const { stdout, stderr } = await run;
    return { code: 0, output: stdout + stderr };
  } catch (e) {
    const { code, stdout, stderr } = e as { code: number; stdout: string; stderr: string };
    return { code, output: stdout + stderr };
  }
}

for (const [version, typescript] of [
  ["5.9", "typescript"],
  ["7", "typescript-7"],
] as const) {
  describe(`vitest with the plugin in the project's Vite config, TypeScript ${version}`, () => {
    const dir = userProject(`bundler-vitest-${version}`, typescript, { "vitest.config.mjs": config, "counter.test.ts": counterTest, "moved.test.ts": movedTest });
    symlinkSync(join(root, "node_modules/vitest"), join(dir, "node_modules/vitest"));

    test.concurrent("runs the tests on the expanded modules", async () => {
      const { code, output } = await vitestRun(dir, "counter.test.ts");
      expect(output).toMatch(/Tests\s+2 passed \(2\)/);
      expect(code).toBe(0);
    });

    test.concurrent("fails a test file with a use after a move, naming file(line,col) and the code", async () => {
      const { code, output } = await vitestRun(dir, "moved.test.ts");
      expect(output).toMatch(/moved\.test\.ts\(14,15\): error TS9012: \[rustc E0382\] use of moved value: `job` was moved by `job\.run\(\)` on line 13/);
      expect(output).toMatch(/Test Files\s+1 failed \(1\)/);
      expect(code).toBe(1);
    });
  });
}
