import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { describe, expect, test } from "vitest";
import { root } from "./transformer/compile.js";

// The leak detector as users run it: in child processes of Node, through the built package
// (`ts-smart-pointer` and `ts-smart-pointer/testing`, resolved from the fixtures by self-reference).
const fixtures = join(root, "test/leak-fixtures");

function run(args: string[], env: Record<string, string>) {
  const { status, stdout, stderr } = spawnSync(process.execPath, args, { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "", ...env } });
  return { status, stdout, stderr };
}

/** `file:///…/fixture.mjs:<line>` of the line of `fixture` ending in `// site: <name>`. */
function site(fixture: string, name: string): string {
  const line = readFileSync(join(fixtures, fixture), "utf8").split("\n").findIndex((l) => l.endsWith(`// site: ${name}`)) + 1;
  return `${pathToFileURL(join(fixtures, fixture)).href}:${line}:`;
}

const readme = readFileSync(join(root, "README.md"), "utf8");
const section = readme.slice(readme.indexOf("## Finding leaks"), readme.indexOf("## The compiler plugin"));

const warnings = (stderr: string) => stderr.split("\n").filter((line) => line.includes("SmartPointerLeakWarning"));

describe("TS_SMART_POINTER_LEAKS=1: reports as process warnings", () => {
  test("a program that leaks three pointers gets exactly three warnings, at its Arc.new and Arc.clone lines", () => {
    const { status, stderr } = run(["--expose-gc", join(fixtures, "three-leaks.mjs"), "leak"], { TS_SMART_POINTER_LEAKS: "1" });
    expect(status).toBe(0);
    const found = warnings(stderr);
    expect(found).toHaveLength(3);
    for (const name of ["new", "clone1", "clone2"]) {
      expect(found.filter((line) => line.includes(`created at ${site("three-leaks.mjs", name)}`)), name).toHaveLength(1);
    }
    for (const line of found) expect(line).toMatch(/^\(node:\d+\) \[SP_LEAK\] SmartPointerLeakWarning: Arc<Job> was garbage-collected while it still owned a strong count/);
    expect(stderr).toContain(`    at leak (${site("three-leaks.mjs", "new")}`); // the warning's detail: the creation stack
    const shown = section.split("\n").find((line) => line.startsWith("(node:"));
    expect(found[0]!.replace(/^\(node:\d+\)/, "(node:4242)").replace(/created at \S+:\d+:\d+\./, "created at file:///app/jobs.mjs:9:7.")).toBe(shown); // the README shows it as it is
  });

  test("a program that drops everything gets none", () => {
    const { status, stderr } = run(["--expose-gc", join(fixtures, "three-leaks.mjs"), "tidy"], { TS_SMART_POINTER_LEAKS: "1" });
    expect(status).toBe(0);
    expect(stderr).toBe("");
  });

  test("off (unset or 0), the same leaks say nothing", () => {
    for (const value of ["", "0"]) {
      const { status, stderr } = run(["--expose-gc", join(fixtures, "three-leaks.mjs"), "leak"], { TS_SMART_POINTER_LEAKS: value });
      expect(status).toBe(0);
      expect(stderr).toBe("");
    }
  });

  test("release mode: one warning per leaked value, at its Arc.new", () => {
    const { stderr } = run(["--expose-gc", join(fixtures, "three-leaks.mjs"), "leak"], { TS_SMART_POINTER_LEAKS: "1", NODE_ENV: "production" });
    const found = warnings(stderr);
    expect(found).toHaveLength(1);
    expect(found[0]).toContain(`SmartPointerLeakWarning: the value of Arc<Job> was garbage-collected while its pointers still owned strong counts, so it is never dropped (its [Symbol.dispose] never runs); created at ${site("three-leaks.mjs", "new")}`);
  });
});

describe("assertNoLeaks under node:test (node --test)", () => {
  for (const exposed of [false, true]) {
    const flags = exposed ? ["--expose-gc"] : [];
    const how = exposed ? "with --expose-gc" : "without --expose-gc (the v8 flag fallback)";

    test(`passes when the tests drop everything, ${how}`, () => {
      const { status, stdout } = run([...flags, "--test", "--test-reporter=tap", join(fixtures, "node-test.mjs")], { LEAK: "0" });
      expect(stdout).toContain(`# gc exposed: ${exposed}`);
      expect(stdout).toMatch(/^# pass 2$/m);
      expect(status).toBe(0);
    });

    test(`fails the leaking test with the leaks and their creation sites, ${how}`, () => {
      const { status, stdout } = run([...flags, "--test", "--test-reporter=tap", join(fixtures, "node-test.mjs")], { LEAK: "1" });
      expect(status).toBe(1);
      expect(stdout).toMatch(/^ok 1 - drops everything$/m);
      expect(stdout).toMatch(/^not ok 2 - leaks two pointers when LEAK=1$/m);
      expect(stdout).toContain("name: 'LeakError'");
      expect(stdout).toContain("assertNoLeaks: 2 smart pointers were garbage-collected while still owning a strong count:");
      expect(stdout.split(`created at ${site("node-test.mjs", "leak")}`)).toHaveLength(3);
    });
  }
});

describe("assertNoLeaks under vitest, set up as the README says", () => {
  const dir = join(root, "test/.out/leaks-vitest");
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, "setup.mjs"), /```ts\n([\s\S]*?)```/.exec(section)![1]!);
  writeFileSync(join(dir, "vitest.config.mjs"), `export default { test: { include: ["*.test.mjs"], setupFiles: ["./setup.mjs"] } };\n`);
  writeFileSync(
    join(dir, "jobs.test.mjs"),
    `import { test } from "vitest";
import { Arc } from "ts-smart-pointer";
test("drops everything", () => Arc.drop(Arc.new(1)));
test("leaks when LEAK=1", () => {
  if (process.env.LEAK === "1") Arc.new(2); // site: leak
});
`,
  );
  const vitest = (leak: string) => {
    const { status, stdout, stderr } = run([join(root, "node_modules/vitest/vitest.mjs"), "run", "--root", dir, "--reporter=verbose", "--no-color"], { LEAK: leak });
    return { status, stdout: stdout + stderr }; // vitest prints a failure's details on stderr
  };

  test("passes when every test drops its pointers", () => {
    const { status, stdout } = vitest("0");
    expect(stdout).toMatch(/Tests\s+2 passed/);
    expect(status).toBe(0);
  });

  test("fails the leaking test, naming the pointer and its line", () => {
    const { status, stdout } = vitest("1");
    expect(status).toBe(1);
    expect(stdout).toMatch(/✓ jobs\.test\.mjs > drops everything/);
    expect(stdout).toMatch(/× jobs\.test\.mjs > leaks when LEAK=1/);
    expect(stdout).toContain("LeakError: assertNoLeaks: 1 smart pointer was garbage-collected while still owning a strong count:");
    expect(stdout).toContain(`Arc<number> was garbage-collected while it still owned a strong count, so its value is never dropped (its [Symbol.dispose] never runs); created at ${join(dir, "jobs.test.mjs")}:5:`);
  });
});

describe("the entries", () => {
  /** Every module the built `file` imports, transitively (relative imports), and its other imports. */
  function graph(file: string, seen = new Set<string>(), external = new Set<string>()) {
    if (seen.has(file)) return { seen, external };
    seen.add(file);
    for (const [, spec] of readFileSync(file, "utf8").matchAll(/^(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"/gm)) {
      if (spec!.startsWith(".")) graph(join(file, "..", spec!), seen, external);
      else external.add(spec!);
    }
    return { seen, external };
  }

  test("the main entry imports no node: module (it runs in browsers), and not the testing entry", () => {
    const { seen, external } = graph(join(root, "dist/runtime/index.js"));
    expect(seen.size).toBeGreaterThan(10);
    expect([...external]).toEqual([]);
    expect([...seen].some((f) => f.endsWith("testing.js"))).toBe(false);
    expect(graph(join(root, "dist/runtime/testing.js")).external).toEqual(new Set(["node:v8", "node:vm"]));
  });

  test("package.json exports ts-smart-pointer/testing with its types", () => {
    const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
    expect(pkg.exports["./testing"]).toEqual({ types: "./dist/runtime/testing.d.ts", import: "./dist/runtime/testing.js" });
  });
});
