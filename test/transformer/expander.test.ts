import { readFileSync, writeFileSync } from "node:fs";
import { join, relative } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { openExpander, type Expander } from "../../transformer/expander.js";
import { constructs, header, shapes } from "./constructs.js";
import { userProject } from "./user-project.js";

// The long-lived analysis the bundler plugin and the Node loader expand files with: the same
// edits from either backend, a file's new text taken as the tool loaded it, changes on disk
// picked up when told, diagnostics located as tsc locates them.

/** Characters whose UTF-8 length differs from their UTF-16 length, before every site. */
const wide = "// é 🚀 指针: offsets in UTF-16 code units, as JavaScript strings count them\n";
const programs = { ...constructs, ...shapes };
const files = Object.fromEntries(Object.entries(programs).map(([name, body]) => [`${name}.ts`, header + wide + body]));

const open: Expander[] = [];
afterAll(() => open.forEach((e) => e.close()));
async function expanderOf(name: string, typescript: string, projectFiles: Record<string, string>, overrides?: Record<string, unknown>) {
  const dir = userProject(name, typescript, projectFiles);
  const expander = await openExpander(join(dir, "tsconfig.json"), overrides);
  open.push(expander);
  return { dir, expander };
}

describe("both backends give the same edits", async () => {
  const js = await expanderOf("expander-ts5", "typescript", files, { mode: "release" });
  const native = await expanderOf("expander-ts7", "typescript-7", files, { mode: "release" });

  test("the backends are the ones the projects' TypeScript calls for", () => {
    expect(js.expander.typescript.backend).toBe("js");
    expect(native.expander.typescript).toMatchObject({ backend: "native", version: expect.stringMatching(/^7\./) });
  });

  test.each(Object.keys(files))("%s", async (name) => {
    const code = files[name]!;
    const viaJs = await js.expander.expand(join(js.dir, name), code);
    const viaNative = await native.expander.expand(join(native.dir, name), code);
    expect(viaJs.diagnostics).toEqual([]);
    expect(viaNative.diagnostics).toEqual([]);
    if (name === "no-pointers.ts") return expect(viaJs.expanded).toBeUndefined();
    expect(viaJs.expanded!.code).toContain("__spPointee_1].");
    expect(viaNative.expanded!.code).toBe(viaJs.expanded!.code);
  });
});

const moved = `${header}class Job { run(self: Arc<this>): void { Arc.drop(self); } }
const job = Arc.new(new Job());
job.run();
job.run();
`;

describe.each([
  ["TypeScript 5.9", "typescript"],
  ["TypeScript 7", "typescript-7"],
])("an expander on %s", async (label, typescript) => {
  const { dir, expander } = await expanderOf(`expander-changes-${typescript}`, typescript, { "main.ts": `${header}export const job = Arc.new({ n: 1 });\n`, "moved.ts": moved }, { mode: "release" });
  const main = join(dir, "main.ts");

  test("locates a diagnostic as tsc does: file(line,col), category and code", async () => {
    const { diagnostics } = await expander.expand(join(dir, "moved.ts"), moved);
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ line: 5, column: 1, code: 9012, category: "error" });
    expect(diagnostics[0]!.message).toMatch(/^moved\.ts\(5,1\): error TS9012: .*`job`/);
  });

  test("reads a file again once told it changed on disk", async () => {
    expect((await expander.expand(main, readFileSync(main, "utf8"))).diagnostics).toEqual([]);
    writeFileSync(main, moved);
    expander.invalidate([main]);
    expect((await expander.expand(main, moved)).diagnostics.map((d) => d.code)).toEqual([9012]);
  });

  test("a file created after the start is analysed, once the watcher says so", async () => {
    const created = join(dir, "created.ts");
    const code = `${header}export const made = Arc.new({ n: 3 });\nexport const n = made.n;\n`;
    writeFileSync(created, code);
    expander.invalidate([created]);
    const expansion = await expander.expand(created, code);
    expect(expansion.skipped).toBeUndefined();
    expect(expansion.expanded!.code).toContain("made[__spPointee_1].n");
  });

  test("a file that starts with a byte order mark is the file on disk", async () => {
    const bom = join(dir, "bom.ts");
    const code = `${header}export const b = Arc.new({ n: 4 });\nexport const n = b.n;\n`;
    writeFileSync(bom, `\uFEFF${code}`);
    expander.invalidate([bom]);
    const expansion = await expander.expand(bom, `\uFEFF${code}`);
    expect(expansion.skipped).toBeUndefined();
    expect(expansion.expanded!.code).toBe((await expander.expand(bom, code)).expanded!.code);
    expect(expansion.expanded!.code).toContain("b[__spPointee_1].n");
  });

  test(`${label}: a text that is not the disk's`, async () => {
    const edited = `${header}export const job = Arc.new({ n: 2 });\njob.n;\n`;
    const expansion = await expander.expand(main, edited);
    if (typescript === "typescript") {
      // TypeScript 5-6 analyse the text they are handed.
      expect(expansion.skipped).toBeUndefined();
      expect(expansion.expanded!.code).toContain("job[__spPointee_1].n");
    } else {
      // TypeScript 7 reads files only from disk: the file is left as it is, and the tool is told why.
      expect(expansion.expanded).toBeUndefined();
      expect(expansion.skipped).toMatch(/main\.ts: its text is not the file's on disk .* put ts-smart-pointer before that plugin/);
    }
  });
});

test("a file the tsconfig leaves out is analysed with the project's options", async () => {
  const { dir, expander } = await expanderOf("expander-outside", "typescript", { "src/main.ts": `${header}export const a = Arc.new({ n: 1 });\n` }, { mode: "release" });
  const test = join(dir, "outside.test.ts");
  const expansion = await expander.expand(test, `${header}import { a } from "./src/main.js";\nexport const n = a.n;\n`);
  expect(expansion.expanded!.code).toContain("a[__spPointee_1].n");
});

test("a file named relative to the working folder is the project's file", async () => {
  const { dir, expander } = await expanderOf("expander-relative", "typescript", { "main.ts": `${header}export const a = Arc.new({ n: 1 });\nexport const n = a.n;\n` }, { mode: "release" });
  const code = readFileSync(join(dir, "main.ts"), "utf8");
  const absolute = await expander.expand(join(dir, "main.ts"), code);
  expect(absolute.expanded!.code).toContain("a[__spPointee_1].n");
  expect(await expander.expand(relative(process.cwd(), join(dir, "main.ts")), code)).toEqual(absolute);
});

test("a project that does not use the runtime gets no edits", async () => {
  const { dir, expander } = await expanderOf("expander-unused", "typescript", { "main.ts": "export class Plain { n = 1; get(): number { return this.n; } }\nnew Plain().get();\n" });
  const main = join(dir, "main.ts");
  expect(await expander.expand(main, readFileSync(main, "utf8"))).toEqual({ expanded: undefined, diagnostics: [], dependencies: [] });
});

test("bad options fail when the expander opens, naming the option", async () => {
  const dir = userProject("expander-bad-options", "typescript", { "main.ts": header });
  await expect(openExpander(join(dir, "tsconfig.json"), { strategy: "inlined" })).rejects.toThrow(/"strategy" must be "inline" or "thunk", not "inlined"/);
});
