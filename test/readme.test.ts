import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, test, vi } from "vitest";
import { root } from "./transformer/compile.js";

/**
 * A program written from the README alone: its quick-start code, its tsconfig.json, its plugin
 * entry and its commands, in a project that installs the packed package as a user would, run
 * through each tool the README names. Only the tools' versions are this repository's own.
 */
const readme = readFileSync(join(root, "README.md"), "utf8");
// Each test runs a real compiler or test runner, and npm pack, in child processes: on a loaded
// machine one takes half a minute (tspc, 30 s at a load of 19 on 2 cores).
vi.setConfig({ testTimeout: 120_000, hookTimeout: 120_000 });

/** The text of README section `## heading`, up to the next `## `. */
function section(heading: string): string {
  const start = readme.indexOf(`\n## ${heading}\n`);
  expect(start, `README section "${heading}"`).toBeGreaterThan(-1);
  const end = readme.indexOf("\n## ", start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** The fenced `lang` code blocks of `text`, unindented (a block may sit in a list item). */
function blocks(text: string, lang: string): string[] {
  return [...text.matchAll(new RegExp(`^( *)\`\`\`${lang}\\n([\\s\\S]*?)^\\1\`\`\`$`, "gm"))].map(([, indent, body]) =>
    body!.replace(new RegExp(`^${indent}`, "gm"), ""),
  );
}

const quickStart = section("Quick start");
const program = blocks(quickStart, "ts")[0]!;
const tsconfig = JSON.parse(blocks(quickStart, "json")[0]!) as { compilerOptions: Record<string, unknown> };
const expected = /It prints:\n\n```text\n([\s\S]*?)```/.exec(quickStart)![1]!;
const setups = section("Build, run and test setups");
const commands = blocks(setups, "sh")[0]!.trim().split("\n");
const vitestConfig = blocks(setups, "ts")[0]!;
const plugin = section("The compiler plugin");
const pluginEntry = JSON.parse(blocks(plugin, "json")[0]!) as { compilerOptions: { plugins: unknown[] } };
const bundlerSection = section("Bundlers and runners: Vite, esbuild, Rollup, webpack, Rspack, Node");

/** The README's command for `tool` (the line starting `npx tool`). */
function command(lines: string[], tool: string): string {
  const line = lines.find((l) => l.startsWith(`npx ${tool} `));
  expect(line, `a README command for ${tool}`).toBeDefined();
  return line!;
}

const dir = join(root, "test/.out/readme-project");
const bin = join(root, "node_modules/.bin");
// The tools run as they would in a shell of their own, not as children of this test run.
const env = { ...Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith("VITEST") && k !== "NODE_OPTIONS" && k !== "NODE_V8_COVERAGE")), NO_COLOR: "1" };

/** Runs a README command line in the project (`npx x` is this repository's `x`); stdout, or what failed. */
function sh(line: string): { code: number; stdout: string; stderr: string } {
  rmSync(join(dir, "build"), { recursive: true, force: true }); // no output left from another tool
  try {
    const stdout = execFileSync("sh", ["-c", line.replaceAll("npx ", "")], { cwd: dir, encoding: "utf8", stdio: "pipe", env: { ...env, PATH: `${bin}:${process.env.PATH}` } });
    return { code: 0, stdout, stderr: "" };
  } catch (error) {
    const e = error as { status: number; stdout: string; stderr: string };
    return { code: e.status, stdout: e.stdout, stderr: e.stderr };
  }
}

function writeTsconfig(config: object): void {
  writeFileSync(join(dir, "tsconfig.json"), JSON.stringify(config, null, 2));
}

/** The vitest test a user adds, in `test/` as the README says: it imports the quick start and checks what it prints. */
const vitestTest = `import { expect, test } from "vitest";
test("the quick start prints what the README says", async () => {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => void lines.push(args.join(" "));
  try {
    await import("../src/main.js");
  } finally {
    console.log = log;
  }
  expect(lines.map((l) => l + "\\n").join("")).toBe(${JSON.stringify(expected)});
});
`;

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  const installed = join(dir, "node_modules/ts-smart-pointer");
  mkdirSync(installed, { recursive: true });
  // The package as npm ships it (npm test builds dist/ first).
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--ignore-scripts", "--json", "--pack-destination", dir], { cwd: root, encoding: "utf8" })) as { filename: string }[];
  execFileSync("tar", ["-xzf", join(dir, packed!.filename), "-C", installed, "--strip-components=1"]);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name: "readme-user", private: true, type: "module" }));
  mkdirSync(join(dir, "src"));
  writeFileSync(join(dir, "src/main.ts"), program);
  // Every tool runs with the whole project in place: vitest's config and test must not trouble tsc.
  writeFileSync(join(dir, "vitest.config.ts"), vitestConfig);
  mkdirSync(join(dir, "test"));
  writeFileSync(join(dir, "test/main.test.ts"), vitestTest);
  writeTsconfig(tsconfig);
});

describe.each([
  ["TypeScript 5.0", "typescript-5.0"],
  ["TypeScript 5.9", "typescript"],
  ["TypeScript 7", "typescript-7"],
])("the README's quick start and tsconfig.json under plain tsc, %s", (_name, pkg) => {
  test("compiles and prints what the README says", () => {
    const line = command(commands, "tsc").replace("npx tsc ", `node ${join(root, "node_modules", pkg, "bin/tsc")} `);
    expect(sh(line)).toEqual({ code: 0, stdout: expected, stderr: "" });
  });
});

describe("the README's quick start and tsconfig.json under each tool the README sets up", () => {
  test("tsx", () => {
    expect(sh(command(commands, "tsx"))).toEqual({ code: 0, stdout: expected, stderr: "" });
  });

  test("esbuild, with the README's --target", () => {
    const result = sh(command(commands, "esbuild"));
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(expected);
  });

  test("vitest, with the README's vitest.config.ts: a test file importing the quick start sees its output", () => {
    const result = sh(command(commands, "vitest"));
    expect(result.stdout + result.stderr).toMatch(/Test Files\s+1 passed \(1\)\n\s+Tests\s+1 passed \(1\)/);
    expect(result.code).toBe(0);
  });

  test("tspc, with the README's plugin entry added: the plugin expands the program, which prints the same", () => {
    writeTsconfig({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, ...pluginEntry.compilerOptions } });
    try {
      const line = command(blocks(plugin, "sh")[0]!.trim().split("\n"), "tspc");
      const result = sh(line.replace(" && node build/main.js", ""));
      expect(result).toEqual({ code: 0, stdout: "", stderr: "" });
      expect(readFileSync(join(dir, "build/main.js"), "utf8")).toContain(`from "ts-smart-pointer/internal/abi"`);
      expect(execFileSync(process.execPath, [join(dir, "build/main.js")], { encoding: "utf8" })).toBe(expected);
    } finally {
      writeTsconfig(tsconfig);
    }
  });
});

describe("the README's bundler and runner setups, with the plugin", () => {
  test("the esbuild script builds the quick start expanded, and it prints the same", () => {
    const script = blocks(bundlerSection, "js")[0]!;
    writeFileSync(join(dir, "build.mjs"), script);
    const line = /^\/\/ build\.mjs: (.*)$/m.exec(script)![1]!;
    expect(sh(line)).toEqual({ code: 0, stdout: expected, stderr: "" });
    expect(readFileSync(join(dir, "build/main.js"), "utf8")).toMatch(/\[__spPointee\w*\]/);
  });

  test("vitest with the plugin as its config runs the quick start's test", () => {
    writeFileSync(join(dir, "vitest.config.ts"), blocks(bundlerSection, "ts")[0]!);
    try {
      const result = sh(command(commands, "vitest"));
      expect(result.stdout + result.stderr).toMatch(/Test Files\s+1 passed \(1\)\n\s+Tests\s+1 passed \(1\)/);
      expect(result.code).toBe(0);
    } finally {
      writeFileSync(join(dir, "vitest.config.ts"), vitestConfig);
    }
  });

  test("node --import ts-smart-pointer/register runs the quick start, and a misuse stops it with file(line,col)", () => {
    const line = blocks(bundlerSection, "sh")[0]!.trim().split("\n")[0]!;
    expect(line).toBe("node --import ts-smart-pointer/register src/main.ts");
    expect(sh(line)).toEqual({ code: 0, stdout: expected, stderr: "" });
    writeFileSync(join(dir, "src/moved.ts"), `import { Arc } from "ts-smart-pointer";\nconst a = Arc.new({ n: 1 });\nArc.drop(a);\nconsole.log(a.n);\n`);
    try {
      const moved = sh(line.replace("src/main.ts", "src/moved.ts"));
      expect(moved.code).not.toBe(0);
      expect(moved.stderr).toMatch(/src\/moved\.ts\(4,13\): error TS9012/);
    } finally {
      rmSync(join(dir, "src/moved.ts"));
    }
  });
});

describe("the failures the README warns of are real", () => {
  test("tsc --init's esnext target leaves @ListItem() in the output, and Node 20 cannot load it", () => {
    writeTsconfig({ ...tsconfig, compilerOptions: { ...tsconfig.compilerOptions, target: "esnext" } });
    try {
      const result = sh(command(commands, "tsc"));
      expect(readFileSync(join(dir, "build/main.js"), "utf8")).toContain("@ListItem()");
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain("SyntaxError: Invalid or unexpected token");
    } finally {
      writeTsconfig(tsconfig);
    }
  });

  test("esbuild without --target leaves @ListItem() in the bundle", () => {
    const result = sh(command(commands, "esbuild").replace(" --target=node20", ""));
    expect(result.code).not.toBe(0);
    expect(result.stderr).toContain("SyntaxError: Invalid or unexpected token");
  });
});

test("every file of this repository the README names ships in the package", () => {
  const [packed] = JSON.parse(execFileSync("npm", ["pack", "--dry-run", "--ignore-scripts", "--json"], { cwd: root, encoding: "utf8" })) as { files: { path: string }[] }[];
  const shipped = new Set(packed!.files.map((f) => f.path));
  const inRepository = new Set(execFileSync("git", ["ls-files"], { cwd: root, encoding: "utf8" }).split("\n"));
  // Paths in code spans and links; the user's own (src/main.ts, build/main.js) are not the repository's.
  const named = [...readme.matchAll(/(?:`|\]\()((?:[\w.-]+\/)+[\w.-]+\.\w+|[\w-]+\.md)(?:`|\))/g)].map(([, path]) => path!).filter((path) => inRepository.has(path));
  expect(named).toContain("docs/design.md");
  expect(named.filter((path) => !shipped.has(path))).toEqual([]);
});
