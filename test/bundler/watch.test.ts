import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { context } from "esbuild";
import { watch } from "rollup";
import stripTypes from "rollup-plugin-esbuild";
import { expect, test } from "vitest";
import esbuildPlugin from "../../transformer/bundler/esbuild.js";
import rollupPlugin from "../../transformer/bundler/rollup.js";
import { userProject } from "../transformer/user-project.js";
import { borrowingJob, cloningJobCaller, jobCaller, jobRunner, movingJob, useAfterMove } from "./fixtures.js";

/**
 * Watch mode: a change to job.ts changes how main.ts, unchanged, must be expanded and checked.
 * Rollup says which files changed (watchChange); esbuild does not, so each of its rebuilds looks.
 */

/** A watch-mode build of `<dir>/run.ts` into `<dir>/out`: the errors of each build it completes, in order. */
interface Watching {
  next(): Promise<string[]>;
  close(): Promise<void>;
}

function queue<T>(): { push(item: T): void; next(): Promise<T> } {
  const items: T[] = [];
  let wake = () => {};
  return {
    push: (item) => (items.push(item), wake()),
    async next() {
      while (items.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      return items.shift()!;
    },
  };
}

const watchers = {
  async rollup(dir: string): Promise<Watching> {
    const builds = queue<string[]>();
    const watcher = watch({
      input: join(dir, "run.ts"),
      plugins: [rollupPlugin(), stripTypes({ target: "node20" })],
      external: [/^ts-smart-pointer(\/|$)/],
      output: { dir: join(dir, "out"), format: "es" },
      watch: { buildDelay: 100 },
    });
    watcher.on("event", (event) => {
      if ("result" in event && event.result) void event.result.close();
      if (event.code === "BUNDLE_END") builds.push([]);
      if (event.code === "ERROR") builds.push([event.error.message]);
    });
    return { next: builds.next, close: () => watcher.close() };
  },
  async esbuild(dir: string): Promise<Watching> {
    const builds = queue<string[]>();
    const built = { name: "built", setup: (build: { onEnd(f: (r: { errors: { text: string }[] }) => void): void }) => build.onEnd((r) => builds.push(r.errors.map((e) => e.text))) };
    const ctx = await context({ entryPoints: [join(dir, "run.ts")], outdir: join(dir, "out"), bundle: true, format: "esm", platform: "node", target: "node20", logLevel: "silent", plugins: [esbuildPlugin(), built] });
    await ctx.watch();
    return { next: builds.next, close: () => ctx.dispose() };
  },
};

const run = (file: string) => execFileSync(process.execPath, [file], { encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } });

for (const [version, typescript] of [
  ["5.9", "typescript"],
  ["7", "typescript-7"],
] as const) {
  for (const tool of ["rollup", "esbuild"] as const) {
    test.concurrent(`${tool}, TypeScript ${version}: a rebuild expands and checks a file again when a file it imports changes`, async () => {
      const dir = userProject(`bundler-watch-${tool}-${version}`, typescript, { "run.ts": jobRunner, "main.ts": jobCaller, "job.ts": borrowingJob });
      const out = join(dir, "out/run.js");
      const watching = await watchers[tool](dir);
      try {
        expect(await watching.next()).toEqual([]);
        expect(run(out)).toBe("borrowed job\n");
        writeFileSync(join(dir, "job.ts"), movingJob);
        expect((await watching.next()).join("\n")).toMatch(useAfterMove);
        writeFileSync(join(dir, "main.ts"), cloningJobCaller);
        expect(await watching.next()).toEqual([]);
        expect(run(out)).toBe("moved job\n");
      } finally {
        await watching.close();
      }
    });
  }
}
