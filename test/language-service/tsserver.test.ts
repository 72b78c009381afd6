import { mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { root } from "../transformer/compile.js";
import { applyEdits, indexOf, TsServer, type CodeFix, type ProtocolDiagnostic } from "./tsserver.js";

// The plugin in a real tsserver, driven over its protocol as an editor drives it, in a project
// set up as a user's: tsserver runs from the project's node_modules/typescript and finds the
// plugin in the project's node_modules (the layout VS Code uses with the workspace TypeScript).

const main = `import { Arc } from "ts-smart-pointer";
export class Job { name = "j"; run(self: Arc<this>) { Arc.drop(self); } }
const job = Arc.new(new Job());
job.run();
`;
const useLine = `export const name = job.name;\n`;
const useAfterMove = "[rustc E0382] use of moved value: `job` was moved by `job.run()` on line 4\n  help: to keep a pointer, clone it: `Arc.clone(job)` before the move";
const list = `import { ListArc, ListItem } from "ts-smart-pointer";\nclass Plain {}\nexport const l = ListArc.new(new Plain());\n`;

/** A project under test/.out whose node_modules links this package and TypeScript package `pkg`. */
function project(name: string, pkg: string, plugins: object[]): string {
  const dir = join(root, "test/.out/tsserver", name);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(join(dir, "node_modules"), { recursive: true });
  symlinkSync(root, join(dir, "node_modules/ts-smart-pointer"));
  symlinkSync(join(root, "node_modules", pkg), join(dir, "node_modules/typescript"));
  const compilerOptions = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, types: [], plugins };
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ compilerOptions, include: ["*.ts"] }));
  return dir;
}

/** tsserver from the project's own node_modules (symlinks kept, as for an installed package), logging to log.txt. */
const start = (dir: string) =>
  new TsServer(join(dir, "node_modules/typescript/lib/tsserver.js"), ["--logVerbosity", "verbose", "--logFile", join(dir, "log.txt")], ["--preserve-symlinks", "--preserve-symlinks-main"]);

const plugin = [{ name: "ts-smart-pointer/language-service" }];

describe.each([
  ["5.9", "typescript"],
  ["6.0", "typescript-6.0"],
])("tsserver %s", (version, pkg) => {
  let dir: string;
  let server: TsServer;
  let file: string;
  /** The text tsserver holds for `file`, kept in step with every change sent. */
  let text: string;
  const diagnostics = () => server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file });
  const ours = async () => (await diagnostics()).filter((d) => d.source === "ts-smart-pointer");
  /** Replaces `[start, end)` of the file (by index), as an editor sends a keystroke. */
  const change = (start: number, end: number, newText: string) => {
    const at = (i: number) => ({ line: text.slice(0, i).split("\n").length, offset: i - text.lastIndexOf("\n", i - 1) });
    const edit = { start: at(start), end: at(end), newText };
    text = applyEdits(text, [edit]);
    return server.request("updateOpen", { changedFiles: [{ fileName: file, textChanges: [edit] }] });
  };
  const open = (source: string) => {
    text = source;
    server.notify("open", { file, fileContent: source, projectRootPath: dir });
  };

  beforeAll(() => {
    dir = project(pkg, pkg, plugin);
    file = join(dir, "main.ts");
    writeFileSync(file, main + useLine);
    writeFileSync(join(dir, "list.ts"), list);
    server = start(dir);
  });
  afterAll(() => server.close());

  test("loads the plugin from the project's node_modules", async () => {
    open(main + useLine);
    expect(await server.request<{ version: string }>("status")).toMatchObject({ version: expect.stringMatching(new RegExp(`^${version.replace(".", "\\.")}`)) });
    await diagnostics();
    const log = readFileSync(join(dir, "log.txt"), "utf8");
    expect(log).toContain(`Loading ts-smart-pointer/language-service from ${join(dir, "node_modules")}`);
    expect(log).toContain("Plugin validation succeeded");
  });

  test("shows TS9012 at the use after the move, with the core's text", async () => {
    expect(await ours()).toEqual([{ start: { line: 5, offset: 21 }, end: { line: 5, offset: 24 }, text: useAfterMove, code: 9012, category: "error", source: "ts-smart-pointer" }]);
  });

  test("edits make the diagnostic disappear and appear as you type", async () => {
    const use = text.indexOf(useLine);
    await change(use, use + useLine.length, "");
    expect(await ours()).toEqual([]);
    await change(use, use, "export const again = job");
    expect((await ours()).map((d) => [d.code, d.start])).toEqual([[9012, { line: 5, offset: 22 }]]);
    await change(use + "export const again = job".length, use + "export const again = job".length, ".name;\n");
    expect((await ours()).map((d) => d.code)).toEqual([9012]);
  });

  test("the quick fix for TS9012 moves a clone, and the diagnostic goes", async () => {
    const [d] = await ours();
    const fixes = await server.request<CodeFix[]>("getCodeFixes", { file, startLine: d!.start.line, startOffset: d!.start.offset, endLine: d!.end.line, endOffset: d!.end.offset, errorCodes: [9012] });
    const fix = fixes.find((f) => f.fixName === "ts-smart-pointer")!;
    expect(fix.description).toBe("Move a clone of `job` (Arc.clone(job)) instead");
    const [{ fileName, textChanges }] = fix.changes as [CodeFix["changes"][0]];
    expect(fileName).toBe(file);
    text = applyEdits(text, textChanges);
    await server.request("updateOpen", { changedFiles: [{ fileName, textChanges }] });
    expect(text).toContain("Arc.clone(job).run();\n");
    expect(await diagnostics()).toEqual([]);
  });

  test("the quick fix for TS9010 adds @ListItem(), and the diagnostic goes", async () => {
    const listFile = join(dir, "list.ts");
    server.notify("open", { file: listFile, projectRootPath: dir });
    const [d] = (await server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file: listFile })).filter((x) => x.source === "ts-smart-pointer");
    expect(d).toMatchObject({ code: 9010, start: { line: 3, offset: 30 } });
    const fixes = await server.request<CodeFix[]>("getCodeFixes", { file: listFile, startLine: d!.start.line, startOffset: d!.start.offset, endLine: d!.end.line, endOffset: d!.end.offset, errorCodes: [9010] });
    const { textChanges } = fixes.find((f) => f.fixName === "ts-smart-pointer")!.changes[0]!;
    expect(applyEdits(list, textChanges)).toBe(list.replace("class Plain", "@ListItem()\nclass Plain"));
    await server.request("updateOpen", { changedFiles: [{ fileName: listFile, textChanges }] });
    expect(await server.request("semanticDiagnosticsSync", { file: listFile })).toEqual([]);
  });

  test("lists our codes as fixable, with a file and without one (as VS Code asks)", async () => {
    for (const args of [{ file }, undefined]) expect(await server.request<string[]>("getSupportedCodeFixes", args)).toEqual(expect.arrayContaining(["9010", "9012"]));
  });

  test("a code fix request for our code where we report nothing returns no fix of ours", async () => {
    const fixes = await server.request<CodeFix[]>("getCodeFixes", { file, startLine: 1, startOffset: 1, endLine: 1, endOffset: 7, errorCodes: [9012] });
    expect(fixes.filter((f) => f.fixName === "ts-smart-pointer")).toEqual([]);
  });
});

test("without the plugin entry tsserver shows TypeScript's errors only", async () => {
  const dir = project("no-plugin", "typescript", []);
  const file = join(dir, "main.ts");
  writeFileSync(file, main + useLine + `export const n: number = "x";\n`);
  const server = start(dir);
  try {
    server.notify("open", { file, projectRootPath: dir });
    expect((await server.request<ProtocolDiagnostic[]>("semanticDiagnosticsSync", { file })).map((d) => d.code)).toEqual([2322]);
  } finally {
    await server.close();
  }
});

test("tsserver 5.0-5.4 skips a plugin named by a package subpath, and says so in its log", async () => {
  const dir = project("typescript-5.0", "typescript-5.0", plugin);
  const file = join(dir, "main.ts");
  writeFileSync(file, main + useLine);
  const server = start(dir);
  try {
    server.notify("open", { file, projectRootPath: dir });
    expect(await server.request("semanticDiagnosticsSync", { file })).toEqual([]);
  } finally {
    await server.close();
  }
  expect(readFileSync(join(dir, "log.txt"), "utf8")).toContain("Skipped loading plugin ts-smart-pointer/language-service because only package name is allowed plugin name");
});

test("protocol positions map to text indexes", () => {
  expect(indexOf("ab\ncd", { line: 2, offset: 2 })).toBe(4);
  expect(applyEdits("ab\ncd", [{ start: { line: 1, offset: 1 }, end: { line: 1, offset: 2 }, newText: "X" }, { start: { line: 2, offset: 1 }, end: { line: 2, offset: 1 }, newText: "Y" }])).toBe("Xb\nYcd");
});
