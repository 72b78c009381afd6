import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { root } from "../transformer/compile.js";
import { userProject } from "../transformer/user-project.js";
import { bundlers } from "./bundlers.js";

/**
 * A dependency built by plain tsc (no plugin), installed under the app's node_modules, which the
 * plugin leaves alone: the app, bundled with the plugin, calls its receivers and passes its Arcs
 * around, and it calls the app's receivers through pointers, unexpanded (the runtime forwards).
 */

const dependency = `import { Arc, type ArcBorrow } from "ts-smart-pointer";

export class Account {
  balance = 0;
  constructor(readonly owner: string) {}
  /** Takes the caller's pointer and hands it back. */
  deposit(self: Arc<this>, amount: number): Arc<this> {
    this.balance += amount;
    return self;
  }
  describe(self: ArcBorrow<this>): string {
    return \`\${this.owner}: \${this.balance}\`;
  }
}

export const open = (owner: string): Arc<Account> => Arc.new(new Account(owner));

/** Its own receiver calls, through pointers: the runtime's forwarders, as no plugin compiled them. */
export function depositTwice(account: Arc<Account>, amount: number): Arc<Account> {
  return account.deposit(amount).deposit(amount);
}

export const copyOf = (account: Arc<Account>): Arc<Account> => Arc.clone(account);

/** What the app implements. */
export interface Task {
  readonly name: string;
  run(self: Arc<this>, log: string[]): void;
}

/** Calls the app's receivers through its pointers, and takes them. */
export function runAll(tasks: Arc<Task>[], log: string[]): void {
  for (const task of tasks) task.run(log);
}
`;

const app = `import { Arc } from "ts-smart-pointer";
import { copyOf, depositTwice, open, runAll, type Account, type Task } from "dep";

class Audit implements Task {
  constructor(readonly name: string) {}
  run(self: Arc<this>, log: string[]): void {
    log.push(\`\${this.name} ran (owners \${Arc.strongCount(self)})\`);
    Arc.drop(self);
  }
}

const log: string[] = [];
const account: Arc<Account> = depositTwice(open("ada").deposit(5), 10);
log.push(Arc.asArcBorrow(account).describe());
const copy = copyOf(account).deposit(1);
log.push(\`\${Arc.asArcBorrow(copy).describe()}, owners \${Arc.strongCount(account)}\`, \`balance read through the pointer: \${account.balance}\`);
Arc.drop(copy);
runAll([Arc.new(new Audit("audit-1")), Arc.new(new Audit("audit-2"))], log);
log.push(\`owners at the end: \${Arc.strongCount(account)}\`);
Arc.drop(account);
console.log(log.join("\\n"));
`;

const tsc = (project: string) => execFileSync(process.execPath, [join(root, "node_modules/typescript/bin/tsc"), "-p", project], { encoding: "utf8" });
const run = (file: string) => execFileSync(process.execPath, [file], { encoding: "utf8", env: { ...process.env, NODE_ENV: "development" } });

describe("a dependency compiled without the plugin, under node_modules", () => {
  const dir = userProject("bundler-interop", "typescript", {
    "main.ts": app,
    "node_modules/dep/src/index.ts": dependency,
    "node_modules/dep/package.json": JSON.stringify({ name: "dep", type: "module", exports: { types: "./dist/index.d.ts", default: "./dist/index.js" } }),
    "node_modules/dep/tsconfig.json": JSON.stringify({ extends: "../../tsconfig.json", compilerOptions: { declaration: true, rootDir: "src", outDir: "dist" }, include: ["src"], exclude: [] }),
  });
  tsc(join(dir, "node_modules/dep"));
  tsc(dir); // the app without the plugin: the reference
  const expected = run(join(dir, "main.js"));

  test("the reference prints what the program means", () => {
    expect(expected).toBe(
      ["ada: 25", "ada: 26, owners 2", "balance read through the pointer: 26", "audit-1 ran (owners 1)", "audit-2 ran (owners 1)", "owners at the end: 1", ""].join("\n"),
    );
  });

  test("bundled by esbuild with the plugin, it prints the same; the app's call sites are expanded, the dependency's are not", async () => {
    const outDir = join(dir, "bundle");
    await bundlers.esbuild({ entries: { main: join(dir, "main.ts") }, outDir });
    const code = readFileSync(join(outDir, "main.js"), "utf8");
    expect(code).toMatch(/\.move\(open\("ada"\), "deposit"\)\)\[__spPointee\w*\]\.deposit\(/);
    expect(code).toMatch(/return account\d*\.deposit\(amount\)\.deposit\(amount\);/);
    expect(code).toMatch(/for \(const task of tasks\)\s+task\.run\(log\d*\);/);
    expect(run(join(outDir, "main.js"))).toBe(expected);
  });

  test("minified, the dependency's receivers (no table: no plugin built them) fail at their first call, saying why, rather than get a wrong self", async () => {
    const outDir = join(dir, "bundle-minified");
    await bundlers["esbuild-minified"]({ entries: { main: join(dir, "main.ts") }, outDir });
    const result = (() => {
      try {
        return { status: 0, stdout: execFileSync(process.execPath, [join(outDir, "main.js")], { encoding: "utf8", stdio: "pipe" }) };
      } catch (error) {
        return error as { status: number; stderr: string };
      }
    })();
    expect(result).toMatchObject({ status: 1 });
    expect((result as { stderr: string }).stderr).toMatch(/TypeError: \w+\.deposit: cannot tell whether this is a receiver method .* the class has no receiver table from the ts-smart-pointer plugin \(it was built without the plugin/);
  });
});
