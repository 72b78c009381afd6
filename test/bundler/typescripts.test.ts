import { execFileSync } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { rollup } from "rollup";
import stripTypes from "rollup-plugin-esbuild";
import { describe, expect, test } from "vitest";
import rollupPlugin from "../../transformer/bundler/rollup.js";
import { openExpander } from "../../transformer/expander.js";
import { userProject } from "../transformer/user-project.js";
import { bundlers } from "./bundlers.js";
import { counterClass } from "./fixtures.js";

/**
 * The plugin on the project's own TypeScript: 5.9 through its JavaScript API, 7 through its
 * checker process (the native backend). Every site of `main.ts` comes after characters of 2, 3 and
 * 4 UTF-8 bytes (1 or 2 UTF-16 units), on earlier lines and on its own line: an edit placed by a
 * byte offset instead of a UTF-16 one would land in the wrong place.
 */

const main = `// Café, 🚀, 日本語: non-ASCII before every site.
import { Arc, List, ListArc, ListItem } from "ts-smart-pointer";

const label = "é🚀中文";

@ListItem()
class Task {
  constructor(readonly name: string) {}
  run(self: ListArc<this>, log: string[]): void {
    log.push(\`\${this.name} ✓\`);
    ListArc.drop(self);
  }
}

${counterClass}

const p = Arc.new(new Counter());
const log: string[] = [\`🚀 \${label}\${p.get()}\`, \`ünï \${Arc.clone(p).bump(2)}\`, /* 日本 */ label + p.get()];
const queue = new List<Task>();
queue.pushBack(ListArc.new(new Task("タスク")));
for (let t = queue.popFront(); t !== null; t = queue.popFront()) /* 🚀 */ t.run(log);
Arc.drop(p);
console.log(log.join("\\n"));
`;
const printed = "🚀 é🚀中文0\nünï 2\né🚀中文2\nタスク ✓\n";

/** A use after a move past 2-4 byte characters on its line: at column 32 in UTF-16 units, as tsc counts (41 in UTF-8 bytes). */
const moved = `import { Arc } from "ts-smart-pointer";
class Job {
  name = "ジョブ";
  run(self: Arc<this>): void {
    Arc.drop(self);
  }
}
const job = Arc.new(new Job());
job.run();
/* 🚀é中 */ console.log("🚀🚀", job.name);
`;

const run = (file: string) => execFileSync(process.execPath, [file], { encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } });

for (const [version, typescript, backend] of [
  ["5.9", "typescript", "js"],
  ["7", "typescript-7", "native"],
] as const) {
  describe(`TypeScript ${version}`, () => {
    const dir = userProject(`bundler-typescript-${version}`, typescript, { "main.ts": main, "moved.ts": moved });

    test(`the plugin analyses with the ${backend} backend`, async () => {
      const expander = await openExpander(join(dir, "tsconfig.json"));
      try {
        expect(expander.typescript.version.split(".")[0]).toBe(version.split(".")[0]);
        expect(expander.typescript.backend).toBe(backend);
      } finally {
        expander.close();
      }
    });

    test("esbuild with the plugin: every edit in its place past non-ASCII text, and the output runs", async () => {
      const outDir = join(dir, "esbuild");
      await bundlers.esbuild({ entries: { main: join(dir, "main.ts") }, outDir });
      const code = readFileSync(join(outDir, "main.js"), "utf8");
      expect(code).toMatch(/\.move\(Arc\.clone\(p\), "bump"\)\)\[__spPointee\w*\]\.bump\(_\w+, 2\)/);
      expect(code).toMatch(/\.listItem\(this, \[0\]\)/);
      expect(run(join(outDir, "main.js"))).toBe(printed);
    });

    test("a misuse after non-ASCII text is reported at tsc's line and UTF-16 column", async () => {
      await expect(bundlers.esbuild({ entries: { moved: join(dir, "moved.ts") }, outDir: join(dir, "moved") })).rejects.toThrow(
        /moved\.ts\(10,32\): error TS9012: \[rustc E0382\] use of moved value: `job` was moved by `job\.run\(\)` on line 9/,
      );
    });

    test("a file the tsconfig leaves out is " + (backend === "native" ? "bundled unexpanded, with a warning to add it" : "expanded with the project's options"), async () => {
      const project = userProject(`bundler-outside-${version}`, typescript, { "src/lib.ts": "export const n = 1;\n", "scripts/main.ts": main });
      const config = JSON.parse(readFileSync(join(project, "tsconfig.json"), "utf8")) as object;
      writeFileSync(join(project, "tsconfig.json"), JSON.stringify({ ...config, include: ["src"] }));
      const { warnings } = await bundlers.esbuild({ entries: { main: join(project, "scripts/main.ts") }, outDir: join(project, "out") });
      const code = readFileSync(join(project, "out/main.js"), "utf8");
      if (backend === "native") {
        expect(warnings).toHaveLength(1);
        expect(warnings[0]).toMatch(
          /^scripts\/main\.ts: it is not in the program of tsconfig\.json \(its "include" or "files" leave it out\), and TypeScript 7\.\d+\.\d+ analyses only the program's files: add it there\. The file runs unexpanded\.$/,
        );
        expect(code).not.toContain("__spPointee");
      } else {
        expect(warnings).toEqual([]);
        expect(code).toContain("__spPointee");
      }
      expect(run(join(project, "out/main.js"))).toBe(printed);
    });

    // TypeScript 7's checker reads files from disk: a text another plugin changed is not what it
    // analysed, so the file is left to the runtime with a warning; TypeScript 5-6 analyse the new text.
    test("after a plugin that changed the file, Rollup builds it " + (backend === "native" ? "unexpanded, with a warning to reorder" : "expanded"), async () => {
      const warnings: string[] = [];
      const banner = { name: "banner", transform: (code: string, id: string) => (id.endsWith(".ts") ? `// banner\n${code}` : null) };
      const bundle = await rollup({
        input: join(dir, "main.ts"),
        plugins: [banner, rollupPlugin(), stripTypes({ target: "node20" })],
        external: [/^ts-smart-pointer(\/|$)/],
        onwarn: (w) => void warnings.push(w.message),
      });
      await bundle.write({ dir: join(dir, "rollup"), format: "es" });
      await bundle.close();
      const code = readFileSync(join(dir, "rollup/main.js"), "utf8");
      if (backend === "native") {
        expect(warnings.join("\n")).toMatch(/main\.ts: its text is not the file's on disk \(another plugin changed it first\), which TypeScript 7\.\d+\.\d+ cannot analyse: put ts-smart-pointer before that plugin\. The file runs unexpanded\./);
        expect(code).not.toContain("__spPointee");
      } else {
        expect(warnings).toEqual([]);
        expect(code).toContain("__spPointee");
      }
      expect(run(join(dir, "rollup/main.js"))).toBe(printed);
    });
  });
}
