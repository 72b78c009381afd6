import { execFile, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, test } from "vitest";
import { check as runCheck, parseCheckArguments } from "../../transformer/check.js";
import { root } from "./compile.js";
import { TYPESCRIPTS, userProject } from "./user-project.js";

const cli = join(root, "dist/transformer/cli.js");

/** `ts-smart-pointer check ...` in `cwd`, as the CLI runs it (in this process, for coverage). */
async function check(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  const options = parseCheckArguments(args, false, cwd);
  if (typeof options === "string") return { code: 2, stdout: "", stderr: `${options}\n` };
  let stdout = "";
  const code = await runCheck(options, (text) => (stdout += text));
  return { code, stdout, stderr: "" };
}

/** The real command in a child process, as a user runs it. */
async function checkCommand(cwd: string, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [cli, "check", ...args], { cwd, encoding: "utf8" });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

// A small program as a new user writes it from the README: an event queue, with three misuses.
const queue = `import { Arc, List, ListArc, ListItem } from "ts-smart-pointer";

interface Event {
  run(self: ListArc<this>): void;
}

@ListItem()
export class Tick implements Event {
  constructor(readonly n: number) {}
  run(self: ListArc<this>): void {
    console.log(\`tick \${this.n}\`);
    ListArc.drop(self);
  }
}

export class Untracked {
  run(self: Arc<Untracked>): void {
    Arc.drop(self);
  }
}

const queue = new List<Event>();
const tick = ListArc.new(new Tick(1));
queue.pushBack(tick);
console.log(tick.n);
ListArc.new(new Untracked());
`;
const clean = `import { Arc } from "ts-smart-pointer";\nconst job = Arc.new({ n: 1 });\nconsole.log(Arc.clone(job).n);\nArc.drop(job);\n`;

const expected = [
  "src/queue.ts(17,13): error TS9007: [rustc E0307] invalid `self` parameter type: `Arc<Untracked>` points to `Untracked`, not to `this`",
  "  help: write `self: Arc<this>` so the method receives a pointer to its own object",
  "src/queue.ts(25,13): error TS9012: [rustc E0382] use of moved value: `tick` was moved by `queue.pushBack(tick)` on line 24",
  "  help: to keep a pointer, take a plain Arc beside it with `ListArc.cloneArc(tick)` before the move",
  "src/queue.ts(26,13): error TS9010: [rustc E0277] the trait bound `Untracked: ListItem<0>` is not satisfied: `Untracked` carries no links for list id 0",
  "  help: declare the links on the class: `@ListItem() class Untracked { ... }`",
  "",
  "Found 3 errors.",
  "",
].join("\n");

describe.each(TYPESCRIPTS)("check on a project whose TypeScript is %s", (version, pkg) => {
  test("reports the plugin's errors with file:line:col and exits 1; the same output on every version", async () => {
    const dir = userProject(`check-${version}`, pkg, { "src/queue.ts": queue, "src/clean.ts": clean });
    const { code, stdout, stderr } = await check(dir, "--pretty", "false");
    expect(stderr).toBe("");
    expect(stdout).toBe(expected);
    expect(code).toBe(1);
  });

  test("a correct project passes with exit code 0", async () => {
    const dir = userProject(`check-clean-${version}`, pkg, { "main.ts": clean });
    expect(await check(dir, "-p", "tsconfig.json", "--pretty", "false")).toEqual({ code: 0, stdout: "", stderr: "" });
  });

  test("reports TypeScript's own errors as tsc --noEmit does", async () => {
    const dir = userProject(`check-types-${version}`, pkg, { "main.ts": `import { Arc } from "ts-smart-pointer";\nconst n: string = Arc.strongCount(Arc.new({}));\n` });
    const { code, stdout } = await check(dir, "--pretty", "false");
    expect(stdout).toMatch(/^main\.ts\(2,7\): error TS2322: Type 'number' is not assignable to type 'string'\.\n/);
    expect(code).toBe(1);
  });
});

describe("check's output formats", () => {
  const dir = userProject("check-formats", "typescript", { "src/queue.ts": queue });

  test("pretty output has tsc's code frame", async () => {
    const { stdout } = await check(dir, "--pretty", "true");
    expect(stdout).toContain("src/queue.ts:25:13 - error TS9012: [rustc E0382] use of moved value");
    expect(stdout).toContain("25 console.log(tick.n);\n               ~~~~\n");
  });

  test("JSON output for tools: positions, codes, and the quick fixes", async () => {
    const { code, stdout } = await check(dir, "--format", "json");
    const found = JSON.parse(stdout) as { file: string; line: number; column: number; code: number; source: string; fixes: { description: string }[] }[];
    expect(found.map((d) => [d.file.slice(dir.length + 1), d.line, d.column, d.code, d.source])).toEqual([
      ["src/queue.ts", 17, 13, 9007, "ts-smart-pointer"],
      ["src/queue.ts", 25, 13, 9012, "ts-smart-pointer"],
      ["src/queue.ts", 26, 13, 9010, "ts-smart-pointer"],
    ]);
    expect(found[2]!.fixes.map((f) => f.description)).toEqual(["Add @ListItem() to Untracked"]);
    expect(code).toBe(1);
  });

  test("the command: exit code 1 with the errors on stdout; bad arguments and a missing project are usage errors (exit 2)", async () => {
    expect(await checkCommand(dir, "--pretty", "false")).toEqual({ ...(await check(dir, "--pretty", "false")), code: 1 });
    expect(await checkCommand(dir, "--bogus")).toMatchObject({ code: 2, stderr: expect.stringMatching(/unexpected argument "--bogus"\nusage: ts-smart-pointer check/) });
    expect(await checkCommand(dir, "-p", "missing.json")).toMatchObject({ code: 2, stdout: expect.stringMatching(/cannot find .*missing\.json: pass the project with -p/) });
  });
});

describe("no silent loss under TypeScript 7", () => {
  const plugin = { plugins: [{ transform: "ts-smart-pointer/transformer" }] };

  test("a tsconfig that lists the transformer gets a warning saying the build ignores it and what to do", async () => {
    const dir = userProject("check-ts7-plugin", "typescript-7", { "main.ts": clean }, plugin);
    const { code, stdout } = await check(dir, "--pretty", "false");
    expect(stdout).toMatch(/^tsconfig\.json\(1,1\): warning TS9100: tsconfig\.json lists the ts-smart-pointer\/transformer plugin, but this project's TypeScript is 7\.0\.\d+, whose tsc runs no transformer: the build ignores the entry[^\n]*build with a bundler and its ts-smart-pointer\/bundler plugin \(which uses TypeScript 7\), or with TypeScript 5\.x or 6\.x and ts-patch's tspc/);
    expect(code).toBe(0); // a warning, not an error: the program still runs, through the runtime
  });

  test("the same tsconfig under TypeScript 6 gets no warning (tspc runs the plugin there)", async () => {
    const dir = userProject("check-ts6-plugin", "typescript-6.0", { "main.ts": clean }, plugin);
    expect(await check(dir, "--pretty", "false")).toEqual({ code: 0, stdout: "", stderr: "" });
  });
});

describe.each([
  ["5.9", "typescript"],
  ["7.0", "typescript-7"],
])("check --watch on TypeScript %s", (version, pkg) => {
  test("reports again after each edit", async () => {
    const dir = userProject(`check-watch-${version}`, pkg, { "main.ts": clean });
    const child = spawn(process.execPath, [cli, "check", "--watch", "--pretty", "false"], { cwd: dir });
    let output = "";
    child.stdout.on("data", (chunk: Buffer) => (output += chunk.toString())); // before any waitFor's listener
    const waitFor = (pattern: RegExp, from: number) =>
      new Promise<void>((done, fail) => {
        const timer = setTimeout(() => fail(new Error(`no ${pattern} in:\n${output}`)), 50_000);
        const look = () => pattern.test(output.slice(from)) && (clearTimeout(timer), child.stdout.off("data", look), done());
        child.stdout.on("data", look);
        look();
      });
    try {
      await waitFor(/Found 0 errors\. Watching for file changes\./, 0);
      let from = output.length;
      writeFileSync(join(dir, "main.ts"), `${clean}console.log(job.n);\n`);
      await waitFor(/main\.ts\(5,13\): error TS9012[\s\S]*Found 1 error\. Watching/, from);
      from = output.length;
      writeFileSync(join(dir, "main.ts"), clean);
      await waitFor(/Found 0 errors\. Watching/, from);
    } finally {
      child.kill("SIGTERM");
    }
  }, 180_000);
});
