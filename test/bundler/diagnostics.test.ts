import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { userProject } from "../transformer/user-project.js";
import { bundlers, type BundlerName } from "./bundlers.js";
import { outRoot } from "./examples.js";

/** Two uses after a move in one file: the build reports both (most tools stop at a plugin's first error). */
const moved = `import { Arc } from "ts-smart-pointer";
class Job {
  name = "job";
  run(self: Arc<this>): void {
    Arc.drop(self);
  }
}
export function once(): string {
  const job = Arc.new(new Job());
  job.run();
  return job.name;
}
export function twice(): void {
  const job = Arc.new(new Job());
  job.run();
  job.run();
}
`;

/** A pointer never dropped: a leak, which `leaks: "warn"` reports without failing the build. */
const leaky = `import { Arc } from "ts-smart-pointer";
class Job {
  name = "job";
}
export function f(): string {
  const job = Arc.new(new Job());
  return job.name;
}
console.log(f());
`;

/** `file(line,col)` of the first `needle` in `text`, as tsc prints it. */
function at(file: string, text: string, needle: string, nth = 0): string {
  let index = -1;
  for (let i = 0; i <= nth; i++) index = text.indexOf(needle, index + 1);
  const before = text.slice(0, index).split("\n");
  return `${file}(${before.length},${before.at(-1)!.length + 1})`;
}
const escape = (s: string) => s.replace(/[()]/g, "\\$&");

describe("the plugin's diagnostics as each bundler's errors and warnings", () => {
  const dir = userProject("bundler-diagnostics", "typescript", { "moved.ts": moved, "leaky.ts": leaky });
  const plugin = { leaks: "warn" } as const;

  // Minifying changes nothing here: its build reports as esbuild's does.
  for (const name of (Object.keys(bundlers) as BundlerName[]).filter((n) => n !== "esbuild-minified")) {
    test.concurrent(name, async () => {
      const outDir = join(outRoot, "diagnostics", name);
      const failed = bundlers[name]({ entries: { moved: join(dir, "moved.ts") }, outDir: join(outDir, "moved"), plugin });
      await expect(failed).rejects.toThrow(new RegExp(`${escape(at("moved.ts", moved, "job.name"))}: error TS9012: \\[rustc E0382\\] use of moved value: \`job\``));
      await expect(failed).rejects.toThrow(new RegExp(`${escape(at("moved.ts", moved, "job.run()", 2))}: error TS9012: `));
      expect(existsSync(join(outDir, "moved/moved.js"))).toBe(false);

      const { warnings } = await bundlers[name]({ entries: { leaky: join(dir, "leaky.ts") }, outDir: join(outDir, "leaky"), plugin });
      expect(warnings.join("\n")).toMatch(new RegExp(`${escape(at("leaky.ts", leaky, "job = "))}: warning TS9016: \`job\` leaks`));
      expect(existsSync(join(outDir, "leaky/leaky.js"))).toBe(true);
    });
  }
});
