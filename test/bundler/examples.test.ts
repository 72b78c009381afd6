import { join } from "node:path";
import { beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error a plain .mjs module shared with `npm start`, without type declarations
import { runExampleAsync } from "../../examples/examples.mjs";
import { bundlers, type BundlerName } from "./bundlers.js";
import { exampleEntries, examples, outRoot, runExamples, tscOutputs, writtenCode } from "./examples.js";

describe("the examples, bundled with the plugin, print what their plain-tsc build prints", () => {
  let reference: Promise<Record<string, string>>;
  // Not awaited here: the examples of plain tsc's build run while the bundlers build.
  beforeAll(() => void (reference = tscOutputs()).catch(() => {}));

  for (const name of Object.keys(bundlers) as BundlerName[]) {
    test.concurrent(name, async () => {
      const outDir = join(outRoot, name);
      const { warnings } = await bundlers[name]({ entries: exampleEntries, outDir });
      // No diagnostic, and no file left unexpanded. (Rolldown may also warn that the plugin's first
      // transform, which loads the project, took most of the build: PLUGIN_TIMINGS, not checked.)
      expect(warnings.filter((w) => /\bTS9\d{3}\b|unexpanded/.test(w))).toEqual([]);
      // The expansion ran: the decorators became static glue (on `this` in a static block, or on
      // the class where the tool lowers static blocks), with a receiver table per class.
      const code = writtenCode(outDir);
      expect(code).toMatch(/\.listItem\(\w+,\s*\[\s*0\s*\]\)/);
      expect(code).toMatch(/\.pointer\(\w+\)/);
      expect(code).toMatch(/\.receivers\(\w+,\s*\{\s*"?run"?:\s*"ListArc"/); // the minifier drops the quotes
      expect(await runExamples(outDir)).toEqual(await reference);
    }, 120_000);
  }
});

test("Vite 8 without the plugin: oxc leaves the TC39 decorators in, and Node cannot run the decorated examples", async () => {
  const decorated = examples.filter((e) => e.name === "event-queue" || e.name === "user-pointer");
  const outDir = join(outRoot, "vite-8-without-plugin");
  await bundlers["vite-8"]({ entries: Object.fromEntries(decorated.map((e) => [e.name, exampleEntries[e.name]!])), outDir, plugin: false });
  const code = writtenCode(outDir);
  expect(code).toMatch(/@ListItem\(\)\s*class/);
  expect(code).toMatch(/@SmartPointer\s*class/);
  for (const example of decorated) await expect(runExampleAsync(outDir, example)).rejects.toThrow(/SyntaxError: Invalid or unexpected token/);
});
