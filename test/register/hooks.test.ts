import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import type { LoadFnOutput, LoadHookContext, ResolveHookContext } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, describe, expect, test, vi } from "vitest";
import { isOwnTypeScript, load, loadTypeScript, moduleFormat, resolve, typeScriptSpecifier } from "../../transformer/register-hooks.js";
import { decodedMappings, TraceMap } from "@jridgewell/trace-mapping";
import { root } from "../transformer/compile.js";
import { TYPESCRIPTS, userCompilerOptions, userProject } from "../transformer/user-project.js";

// The hooks of ts-smart-pointer/register, called in this process (register.test.ts runs them in
// Node's loader thread, where coverage does not reach).

const POINTERS = `import { Arc } from "ts-smart-pointer";

class Counter {
  n = 0;
  bump(self: Arc<this>): number {
    return ++this.n;
  }
}
`;

/** Runs `f` with what it writes to stderr captured. */
async function stderrOf<T>(f: () => Promise<T>): Promise<{ result: T; stderr: string }> {
  let stderr = "";
  const spy = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => ((stderr += String(chunk)), true));
  try {
    return { result: await f(), stderr };
  } finally {
    spy.mockRestore();
  }
}

/** The inline source map of a loaded module, decoded. */
function inlineMap(source: string): { sources: string[]; lines: readonly (readonly number[])[][] } {
  const data = /\n\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\n$/.exec(source)![1]!;
  const map = JSON.parse(Buffer.from(data, "base64").toString("utf8")) as { sources: string[]; mappings: string };
  return { sources: map.sources, lines: decodedMappings(new TraceMap(map as never)) as never };
}

/** The 1-based original line that the start of the generated line holding `text` maps to. */
function originalLine(source: string, text: string): number {
  const line = source.split("\n").findIndex((l) => l.includes(text));
  const segment = inlineMap(source).lines[line]!.find((s) => s.length > 1)!;
  return segment[2]! + 1;
}

const temporaries: string[] = [];
/** A folder outside the repository (so nothing resolves from the repository's node_modules). */
function outside(files: Record<string, string>, links: Record<string, string> = {}): string {
  const dir = mkdtempSync(join(tmpdir(), "sp-register-"));
  temporaries.push(dir);
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(join(dir, file, ".."), { recursive: true });
    writeFileSync(join(dir, file), text);
  }
  for (const [link, target] of Object.entries(links)) {
    mkdirSync(join(dir, "node_modules"), { recursive: true });
    symlinkSync(join(root, "node_modules", target), join(dir, "node_modules", link));
  }
  return dir;
}
afterAll(() => {
  for (const dir of temporaries) rmSync(dir, { recursive: true, force: true });
});

describe("loadTypeScript", () => {
  const project = userProject("register-hooks", "typescript", {
    "package.json": `{ "type": "module" }`,
    "main.ts": `${POINTERS}
export function run(): number {
  const c = Arc.new(new Counter());
  const v = Arc.clone(c).bump();
  Arc.drop(c);
  return v;
}
enum Colour { Red }
export const marker = () => { throw new Error("marker " + Colour.Red); };
`,
    "moved.ts": `${POINTERS}
const c = Arc.new(new Counter());
Arc.drop(c);
console.log(c.n);
`,
    "plain.cts": `const answer: number = 42;\nexport = answer;\n`,
  });

  test("expands a project's file and strips its types, with a source map into the TypeScript", async () => {
    const file = join(project, "main.ts");
    const { format, source } = await loadTypeScript(file);
    expect(format).toBe("module");
    expect(source).toContain("__spPointee"); // the receiver call went through the expansion
    expect(source).not.toContain(": number"); // types stripped
    expect(source).toMatch(/Colour\[Colour\["Red"\] = 0\]/); // by TypeScript: enums compile
    expect(inlineMap(source).sources).toEqual([pathToFileURL(file).href]);
    // The expansion inserts an import line at the top: the map still lands on the line written.
    expect(originalLine(source, `throw new Error("marker "`)).toBe(17);
    expect(originalLine(source, "Arc.drop(c)")).toBe(13);
  });

  test("fails with tsc's message for a plugin error", async () => {
    await expect(loadTypeScript(join(project, "moved.ts"))).rejects.toThrow(/^moved\.ts\(12,13\): error TS9012: \[rustc E0382\] use of moved value: `c`/);
    await expect(loadTypeScript(join(project, "moved.ts"))).rejects.toHaveProperty("name", "ExpansionError");
  });

  test("a CommonJS file compiles to CommonJS", async () => {
    const { format, source } = await loadTypeScript(join(project, "plain.cts"));
    expect(format).toBe("commonjs");
    expect(source).toContain("module.exports = answer");
  });

  test("warnings go to stderr and the file loads", async () => {
    const warned = userProject(
      "register-hooks-warn",
      "typescript",
      { "package.json": `{ "type": "module" }`, "leak.ts": `${POINTERS}\nexport function f(): number {\n  const c = Arc.new(new Counter());\n  return c.n;\n}\n` },
      { plugins: [{ transform: "ts-smart-pointer/transformer", leaks: "warn" }] },
    );
    const { result, stderr } = await stderrOf(() => loadTypeScript(join(warned, "leak.ts")));
    expect(result.source).toContain("function f()");
    expect(stderr).toMatch(/^leak\.ts\(11,9\): warning TS9016: `c` leaks/m);
  });

  // TypeScript 7 has no transpileModule: esbuild, found from the project, strips its types.
  test.each(TYPESCRIPTS)("on TypeScript %s", async (version, typescript) => {
    const dir = userProject(`register-hooks-${version}`, typescript, { "package.json": `{ "type": "module" }`, "main.ts": `${POINTERS}\nexport const v = Arc.new(new Counter()).bump();\n` });
    const { source } = await loadTypeScript(join(dir, "main.ts"));
    expect(source).toContain("__spPointee");
    expect(source).not.toContain(": number");
    expect(originalLine(source, "class Counter")).toBe(3);
  });

  test("esbuild strips with the options of the configs the tsconfig extends (it does not follow extends itself)", async () => {
    const decorated = `function tag(c: unknown, _?: unknown) { return c; }\n@tag\nexport class Tagged {}\n`;
    const dir = userProject("register-hooks-extends", "typescript-7", { "package.json": `{ "type": "module" }`, "main.ts": decorated, "base.json": JSON.stringify({ compilerOptions: { experimentalDecorators: true } }) });
    writeFileSync(join(dir, "tsconfig.json"), JSON.stringify({ extends: "./base.json", compilerOptions: userCompilerOptions, include: ["*.ts"] }));
    const { source } = await loadTypeScript(join(dir, "main.ts"));
    expect(source).toContain("__decorateClass"); // the legacy decorators base.json asks for, not the standard ones
  });

  test("a file under no tsconfig.json runs stripped, unexpanded, with a warning", async () => {
    const dir = outside({ "script.ts": `const n: number = 1;\nconsole.log(n);\n` }, { typescript: "typescript" });
    const { result, stderr } = await stderrOf(() => loadTypeScript(join(dir, "script.ts")));
    expect(result).toMatchObject({ format: "commonjs" });
    expect(result.source).toMatch(/^const n = 1;\nconsole\.log\(n\);/);
    expect(stderr).toContain(`no tsconfig.json above ${join(dir, "script.ts")}: it runs without the expansion`);
  });

  test("a TypeScript 7 project with no esbuild (and a Node without type stripping) says what to install", async () => {
    const dir = outside({ "tsconfig.json": "{}", "main.ts": "export const n: number = 1;\n" }, { typescript: "typescript-7" });
    await expect(loadTypeScript(join(dir, "main.ts"))).rejects.toThrow(/its TypeScript is 7\.[\d.]+\S*, which has no transpileModule, esbuild is not installed there .* Install esbuild in the project \(npm i -D esbuild\)/);
  });

  test("a project without TypeScript says so", async () => {
    const dir = outside({ "tsconfig.json": "{}", "main.ts": "export const n: number = 1;\n" });
    await expect(loadTypeScript(join(dir, "main.ts"))).rejects.toThrow(/no TypeScript found from .*: install it in the project/);
  });
});

describe("the load hook", () => {
  const calls: string[] = [];
  const nextLoad = async (url: string): Promise<LoadFnOutput> => (calls.push(url), { format: "module", source: "export default 'next';" });
  const context: LoadHookContext = { conditions: ["node", "import"], format: undefined, importAttributes: {}, importAssertions: {} };

  test("leaves what is not the user's TypeScript to the next loader", async () => {
    for (const url of [pathToFileURL(join(root, "node_modules/pkg/index.ts")).href, pathToFileURL(join(root, "examples/examples.mjs")).href, "node:fs", pathToFileURL(join(root, "x.d.ts")).href]) {
      calls.length = 0;
      expect(await load(url, context, nextLoad)).toEqual({ format: "module", source: "export default 'next';" });
      expect(calls).toEqual([url]);
      expect(isOwnTypeScript(url)).toBe(false);
    }
  });

  test("loads the user's TypeScript itself, after the chain has seen the file", async () => {
    calls.length = 0;
    const url = pathToFileURL(join(root, "examples/rc.ts")).href;
    const loaded = await load(url, context, nextLoad);
    expect(calls).toEqual([url]); // tsx watch learns the file there
    expect(loaded).toMatchObject({ format: "module", shortCircuit: true });
    expect(loaded.source).not.toContain("next");
  });

  test("a next loader that fails on the file does not fail it", async () => {
    const loaded = await load(pathToFileURL(join(root, "examples/rc.ts")).href, context, () => Promise.reject(new Error("Unknown file extension")));
    expect(loaded.format).toBe("module");
  });
});

describe("resolving TypeScript's way", () => {
  const dir = outside({
    "main.ts": "",
    "a.ts": "",
    "b.js": "",
    "c.mts": "",
    "d.cts": "",
    "lib/index.ts": "",
    "x/y.ts": "",
    "real.ts.js": "",
  });
  const parent = pathToFileURL(join(dir, "main.ts")).href;
  const url = (file: string) => pathToFileURL(join(dir, file)).href;

  test.each([
    ["./a.js", "a.ts"],
    ["./c.mjs", "c.mts"],
    ["./d.cjs", "d.cts"],
    ["./a", "a.ts"],
    ["./lib", "lib/index.ts"],
    ["./x/y.js", "x/y.ts"],
  ])("%s is %s", (specifier, file) => expect(typeScriptSpecifier(specifier, parent)).toBe(url(file)));

  test.each([["./b.js"], ["./a.ts"], ["./missing.js"], ["./missing"], ["ts-smart-pointer"], ["node:fs"], ["./real.ts.js"]])("%s stays as it is", (specifier) => expect(typeScriptSpecifier(specifier, parent)).toBeUndefined());

  test("only from a TypeScript file", () => {
    expect(typeScriptSpecifier("./a.js", url("b.js"))).toBeUndefined();
    expect(typeScriptSpecifier("./a.js", undefined)).toBeUndefined();
    expect(typeScriptSpecifier("./a.js", pathToFileURL(join(root, "node_modules/pkg/main.ts")).href)).toBeUndefined();
  });

  test("the hook hands the next resolver the TypeScript file", async () => {
    const seen: string[] = [];
    const next = async (specifier: string) => (seen.push(specifier), { url: specifier });
    const context: ResolveHookContext = { conditions: ["node", "import"], importAttributes: {}, importAssertions: {}, parentURL: parent };
    await resolve("./a.js", context, next);
    await resolve("./b.js", context, next);
    expect(seen).toEqual([url("a.ts"), "./b.js"]);
  });
});

test("module formats: .mts, .cts, and .ts by the nearest package.json", () => {
  const dir = outside({ "package.json": `{ "type": "module" }`, "cjs/package.json": `{}`, "a.ts": "", "cjs/b.ts": "" });
  expect(moduleFormat(join(dir, "a.ts"))).toBe("module");
  expect(moduleFormat(join(dir, "cjs/b.ts"))).toBe("commonjs");
  expect(moduleFormat(join(dir, "cjs/c.mts"))).toBe("module");
  expect(moduleFormat(join(dir, "c.cts"))).toBe("commonjs");
});
