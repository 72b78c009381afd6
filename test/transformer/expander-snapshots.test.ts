import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type TS from "typescript";
import { expect, test } from "vitest";
import { openExpander } from "../../transformer/expander.js";
import { userProject } from "./user-project.js";

// The language-service backend keeps each file's snapshot until that file changes: after an edit,
// the rebuild reads from disk no source but the edited one, and a dependency changed on disk and reported
// by the watcher is read again (a stale snapshot would expand with the old types).
const pointerMaker = `import { Arc } from "ts-smart-pointer";\nexport class Counter { n = 1; }\nexport function make(): Arc<Counter> { return Arc.new(new Counter()); }\n`;
const plainMaker = `export class Counter { n = 1; }\nexport function make(): Counter { return new Counter(); }\n`;
const user = (k: number) => `import { make } from "./maker.js";\nexport const read = (): number => make().n + ${k};\n`;

test("an edit is analysed reading only the edited file; a dependency the watcher reports is read again", async () => {
  const dir = userProject("expander-snapshots", "typescript", { "maker.ts": pointerMaker, "user.ts": user(0) });
  const [maker, userFile] = [join(dir, "maker.ts"), join(dir, "user.ts")];
  const ts = createRequire(join(dir, "tsconfig.json"))("typescript") as typeof TS;
  const expander = await openExpander(join(dir, "tsconfig.json"), { mode: "release" });
  expect(expander.typescript).toEqual({ version: ts.version, backend: "js" });
  const readFile = ts.sys.readFile;
  const reads: string[] = [];
  ts.sys.readFile = (f, encoding) => (reads.push(f), readFile(f, encoding));
  try {
    const first = await expander.expand(userFile, user(0));
    expect(first.expanded!.code).toContain("[__spPointee_1].n");
    expect(reads).toContain(maker); // the program's first build reads every file

    reads.length = 0;
    writeFileSync(userFile, user(1));
    expander.invalidate([userFile]);
    const edited = await expander.expand(userFile, readFileSync(userFile, "utf8"));
    expect(edited.expanded!.code).toContain("make()[__spPointee_1].n + 1");
    // No other source or declaration file, lib files included (package.json files are module resolution's).
    expect(reads.filter((f) => /\.ts$/.test(f) && f !== userFile)).toEqual([]);

    // A text the tool loaded that is not the disk's (another plugin's) is a new version too.
    expect((await expander.expand(userFile, user(2))).expanded!.code).toContain("make()[__spPointee_1].n + 2");

    reads.length = 0;
    writeFileSync(maker, plainMaker);
    expander.invalidate([maker]);
    const after = await expander.expand(userFile, user(2));
    expect(reads).toContain(maker);
    expect(after.expanded?.code ?? user(2)).not.toContain("__spPointee");
    expect(after.diagnostics).toEqual([]);
  } finally {
    ts.sys.readFile = readFile;
    expander.close();
  }
});
