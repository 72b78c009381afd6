import { execFileSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { createServer as vite7 } from "vite";
import { createServer as vite8 } from "vite-8";
import { expect, test } from "vitest";
import vitePlugin from "../../transformer/bundler/vite.js";
import { userProject } from "../transformer/user-project.js";
import { borrowingJob, cloningJobCaller, jobCaller, movingJob, useAfterMove } from "./fixtures.js";

/**
 * The plugin in Vite's dev server (as vitest and SSR frameworks use it): modules load expanded,
 * a change to a file updates the modules whose expansion read it, and closing the server ends
 * the analysis (on TypeScript 7, its checker process).
 */

/** What `go()` of main.ts gives once the server shows a change: its result, or the error loading or running it. */
async function outcomeAfterChange(load: () => Promise<{ go(): string }>, before: string): Promise<string> {
  for (let tries = 0; ; tries++) {
    const outcome = await load().then(
      (m) => m.go(),
      (e: Error) => `error: ${e.message}`,
    ).catch((e: Error) => `thrown: ${e.name}: ${e.message}`);
    if (outcome !== before || tries === 100) return outcome;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Whether TypeScript 7's checker process for the project in `dir` runs. */
function checkerRuns(dir: string): boolean {
  try {
    execFileSync("pgrep", ["-f", "--", `--api --cwd ${dir}$`]);
    return true;
  } catch {
    return false;
  }
}

for (const [vite, createServer, version, typescript] of [
  ["7", vite7, "7", "typescript-7"],
  ["8", vite8, "5.9", "typescript"],
] as const) {
  test.concurrent(`Vite ${vite}'s dev server, TypeScript ${version}: a change to an imported receiver updates its callers, and closing ends the analysis`, async () => {
    const dir = userProject(`bundler-vite-dev-${vite}`, typescript, { "main.ts": jobCaller, "job.ts": borrowingJob });
    const server = await (createServer as typeof vite7)({ root: dir, configFile: false, logLevel: "silent", plugins: [vitePlugin()] });
    try {
      const load = () => server.ssrLoadModule("/main.ts") as Promise<{ go(): string }>;
      const first = await load();
      expect(first.go()).toBe("borrowed job");
      expect(first.go.toString()).toMatch(/\.live\(p, "run"\)\.run\(p\)/);
      if (version === "7") expect(checkerRuns(dir)).toBe(true);

      writeFileSync(join(dir, "job.ts"), movingJob); // main.ts, unchanged, now uses `p` after moving it
      const failed = await outcomeAfterChange(load, "borrowed job");
      expect(failed).toMatch(/^error: /);
      expect(failed).toMatch(useAfterMove);

      writeFileSync(join(dir, "main.ts"), cloningJobCaller);
      expect(await outcomeAfterChange(load, failed)).toBe("moved job");
    } finally {
      await server.close();
    }
    expect(checkerRuns(dir)).toBe(false);
  });
}
