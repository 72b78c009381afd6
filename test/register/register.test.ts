import { execFile } from "node:child_process";
import { join } from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, test } from "vitest";
// @ts-expect-error a plain .mjs module shared with `npm start`, without type declarations
import { buildExamples, examples, runExample } from "../../examples/examples.mjs";
import { root } from "../transformer/compile.js";
import { userProject } from "../transformer/user-project.js";

// `node --import ts-smart-pointer/register main.ts`, in real child processes of Node (the hooks'
// logic is also tested in this process, in hooks.test.ts, where coverage counts it).

interface Example {
  name: string;
  env?: Record<string, string>;
}

/** Runs node with `args` in `cwd`; never throws: the exit code is part of the result. */
async function node(args: string[], cwd: string, env: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await promisify(execFile)(process.execPath, args, { cwd, encoding: "utf8", env: { ...process.env, NODE_ENV: "development", ...env } });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const { code, stdout, stderr } = error as { code: number; stdout: string; stderr: string };
    return { code, stdout, stderr };
  }
}

/** `line:column` (1-based) of the first `needle` in `text`. */
function position(text: string, needle: string): string {
  const before = text.slice(0, text.indexOf(needle)).split("\n");
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

const REGISTER = join(root, "dist/transformer/register.js");
const TSX = join(root, "node_modules/tsx/dist/cli.mjs");

describe.concurrent("every example run through the register entry prints what its plain tsc build prints", () => {
  let outDir: string;
  beforeAll(() => {
    outDir = buildExamples("tsc", "examples/build/register-tsc");
  }, 120_000);

  test.each(examples as Example[])("$name", async (example) => {
    const run = await node(["--import", REGISTER, `examples/${example.name}.ts`], root, example.env);
    expect(run.stderr).toBe("");
    expect(run).toMatchObject({ code: 0, stdout: runExample(outDir, example) });
  });
});

const POINTERS = `import { Arc } from "ts-smart-pointer";

class Counter {
  n = 0;
  bump(self: Arc<this>): number {
    const v = ++this.n;
    Arc.drop(self);
    return v;
  }
}
`;

/** A main.ts whose output shows the expansion ran: a receiver call's compiled text. */
const MAIN = `${POINTERS}
export function run(): number {
  const c = Arc.new(new Counter());
  const v = Arc.clone(c).bump();
  Arc.drop(c);
  return v;
}
console.log(run(), String(run).includes("__spPointee") ? "expanded" : "not expanded");
if (process.argv[2] === "throw") throw new Error("thrown");
`;
/** Where the stack trace of MAIN's error must point in a file `text` that ends with MAIN. */
const thrown = (text: string) => position(text, `new Error("thrown")`);

describe.concurrent("a user's project", () => {
  test("runs expanded, resolves ./x.js to x.ts and ./lib to lib/index.ts, loads .cts, and its stack traces point into the TypeScript", async () => {
    const main = `import { helper } from "./helper.js";\nimport { lib } from "./lib";\nimport answer from "./answer.cjs";\nconsole.log(helper(), lib, answer);\n${MAIN}`;
    const project = userProject("register-run", "typescript", {
      "package.json": `{ "type": "module" }`,
      "main.ts": main,
      "helper.ts": `export const helper = (): string => "helper.ts";\n`,
      "lib/index.ts": `export const lib: string = "lib/index.ts";\n`,
      "answer.cts": `const answer: number = 42;\nexport = answer;\n`,
    });
    const run = await node(["--enable-source-maps", "--import", "ts-smart-pointer/register", "main.ts", "throw"], project);
    expect(run.stdout).toBe("helper.ts lib/index.ts 42\n1 expanded\n");
    expect(run.code).toBe(1);
    expect(run.stderr).toContain(`Error: thrown\n    at <anonymous> (${join(project, "main.ts")}:${thrown(main)})`);
  });

  test("with a plugin error, the program does not start: node exits non-zero with file(line,col) and the code", async () => {
    const moved = `${POINTERS}\nconst c = Arc.new(new Counter());\nArc.drop(c);\nconsole.log(c.n);\n`;
    const project = userProject("register-run-error", "typescript", { "package.json": `{ "type": "module" }`, "main.ts": `console.log("started");\nimport "./moved.js";\n`, "moved.ts": moved });
    const run = await node(["--import", "ts-smart-pointer/register", "main.ts"], project);
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe("");
    expect(run.stderr).toContain("ExpansionError");
    const [line, column] = position(moved, "c.n);").split(":");
    expect(run.stderr).toContain(`moved.ts(${line},${column}): error TS9012: [rustc E0382] use of moved value: \`c\` was moved by \`Arc.drop(c)\` on line ${Number(line) - 1}`);
  });

  test("with a warning, the program runs and the warning is on stderr once", async () => {
    const leak = `${POINTERS}\nexport function leak(): number {\n  const c = Arc.new(new Counter());\n  return c.n;\n}\n`;
    const project = userProject(
      "register-run-warning",
      "typescript",
      { "package.json": `{ "type": "module" }`, "leak.ts": leak, "a.ts": `import { leak } from "./leak.js";\nexport const a = leak();\n`, "main.ts": `import { a } from "./a.js";\nimport { leak } from "./leak.js";\nconsole.log("ran", a, leak());\n` },
      { plugins: [{ transform: "ts-smart-pointer/transformer", leaks: "warn" }] },
    );
    const run = await node(["--import", "ts-smart-pointer/register", "main.ts"], project);
    expect(run).toMatchObject({ code: 0, stdout: "ran 0 0\n" });
    const [line, column] = position(leak, "c = Arc.new").split(":");
    expect(run.stderr.match(new RegExp(`leak\\.ts\\(${line},${column}\\): warning TS9016: \`c\` leaks`, "g"))).toHaveLength(1);
  });

  test("on TypeScript 7, with esbuild stripping the types", async () => {
    const project = userProject("register-run-ts7", "typescript-7", { "package.json": `{ "type": "module" }`, "main.ts": MAIN });
    const run = await node(["--enable-source-maps", "--import", "ts-smart-pointer/register", "main.ts", "throw"], project);
    expect(run.stdout).toBe("1 expanded\n");
    expect(run.stderr).toContain(`at <anonymous> (${join(project, "main.ts")}:${thrown(MAIN)})`);
  });
});

describe.concurrent("with tsx", () => {
  // tsx resolves (the tsconfig's paths here), the register entry loads the project's files. The tsx
  // CLI puts its own --import first, as `node --import tsx --import ts-smart-pointer/register` does:
  // the register entry's load hook runs first. In the reverse order tsx compiles its output again.
  const main = `import { helper } from "@lib/helper";\nconsole.log(helper());\n${MAIN}`;
  const project = userProject("register-run-tsx", "typescript", { "package.json": `{ "type": "module" }`, "main.ts": main, "lib/helper.ts": `export const helper = (): string => "through paths";\n` }, { paths: { "@lib/*": ["./lib/*"] } });

  test.each([
    ["tsx --import ts-smart-pointer/register", [TSX, "--import", "ts-smart-pointer/register"]],
    ["node --import ts-smart-pointer/register --import tsx", ["--import", "ts-smart-pointer/register", "--import", "tsx"]],
  ])("%s main.ts", async (_, args) => {
    const run = await node([...args, "main.ts", "throw"], project);
    expect(run.stdout).toBe("through paths\n1 expanded\n");
    expect(run.stderr).toContain(`at <anonymous> (${join(project, "main.ts")}:${thrown(main)})`);
  });

  test("tsx alone runs the program unexpanded (the expansion above is the register entry's)", async () => {
    const run = await node([TSX, "main.ts"], project);
    expect(run).toMatchObject({ code: 0, stdout: "through paths\n1 not expanded\n" });
  });
});
