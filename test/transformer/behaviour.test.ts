import { execFileSync } from "node:child_process";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import { compile, writeOut } from "./compile.js";

/** Compiles `source`, writes it out, runs it with node; returns stdout (or the error's stderr). */
function run(source: string, config: Record<string, unknown> | null, name: string, env: Record<string, string> = {}): string {
  const result = compile(ts, { "main.ts": source }, config ?? {}, config !== null);
  expect(result.typeErrors).toEqual([]);
  const path = writeOut(`${name}.mjs`, result.js["main.ts"]!);
  try {
    return execFileSync(process.execPath, [path], { encoding: "utf8", stdio: "pipe", env: { ...process.env, NODE_ENV: "development", ...env } });
  } catch (error) {
    return `threw: ${(error as { stderr: string }).stderr.match(/^\w*Error: .*$/m)?.[0]}`;
  }
}

const program = `
import { Arc, ArcBorrow, UniqueArc, ListArc, List, ListItem } from "ts-smart-pointer";
interface Shape { area(): number; scaled(self: Arc<this>, k: number): number; }
class Circle implements Shape {
  constructor(readonly r: number) {}
  area() { return 3 * this.r * this.r; }
  scaled(self: Arc<this>, k: number) { Arc.drop(self); return this.area() * k; }
}
class Square implements Shape {
  constructor(readonly s: number) {}
  area() { return this.s * this.s; }
  scaled(self: Arc<this>, k: number) { Arc.drop(self); return this.area() * k * 10; }
}
@ListItem()
class Job {
  runs = 0;
  constructor(readonly name: string) {}
  run(self: ListArc<this>, q: List<Job>, log: string[]) {
    (this as { runs: number }).runs++;
    log.push(this.name + this.runs);
    if (this.runs < 2) q.pushBack(self); else ListArc.drop(self);
  }
  peek(self: ArcBorrow<this>) { return self.name; }
}
const shapes: Arc<Shape>[] = [Arc.new(new Circle(1)), Arc.new(new Square(2))];
const log: string[] = shapes.map((s) => String(Arc.clone(s).scaled(2) + s.area()));
const q = new List<Job>();
q.pushBack(ListArc.new(new Job("a")));
q.pushBack(ListArc.new(new Job("b")));
for (let j = q.popFront(); j; j = q.popFront()) j.run(q, log);
const u = UniqueArc.new(new Job("u"));
u.runs = 5;
const shared = Arc.from(u);
log.push(Arc.asArcBorrow(shared).peek() + shared.runs);
console.log(log.join(" "));
`;

describe("compiled code behaves as it does without the plugin", () => {
  const expected = "9 84 a1 b1 a2 b2 u5\n";
  test("plain tsc (no plugin)", () => expect(run(program, null, "plain")).toBe(expected));
  test.each([
    ["inline", "release"],
    ["inline", "debug"],
    ["thunk", "release"],
    ["thunk", "debug"],
  ])("plugin: %s, %s", (strategy, mode) => expect(run(program, { strategy, mode }, `${strategy}-${mode}`)).toBe(expected));
});

describe("@ListItem slots are created by the constructor", () => {
  const source = `
import { List, ListArc, ListItem } from "ts-smart-pointer";
class Named { constructor(readonly name: string) {} }
@ListItem()
class Job extends Named {}
@ListItem(2)
class Retry extends Job {}
@ListItem()
class Guarded extends Named {
  constructor(name: string, ok: boolean) {
    if (ok) super(name); else super("?");
  }
}
const slots = (x: object) => Object.getOwnPropertySymbols(x).map((s) => s.description).join("+") || "none";
const jobs = [new Job("a"), new Retry("b"), new Guarded("c", true)];
const before = jobs.map(slots);
const q = new List<Job | Guarded>();
for (const j of jobs) q.pushBack(ListArc.new(j));
const names: string[] = [];
for (let j = q.popFront(); j; j = q.popFront()) names.push(j.name);
console.log(before.join(" "), "|", jobs.map(slots).join(" "), "|", names.join(""));
`;
  const after = "ts-smart-pointer.listArc0 ts-smart-pointer.listArc0+ts-smart-pointer.listArc2 ts-smart-pointer.listArc0 | abc\n";
  test.each(["inline", "thunk"])("plugin (%s): in every instance's shape from the start; a nested super() falls back to first use", (strategy) => {
    expect(run(source, { strategy, mode: "release" }, `slots-${strategy}`)).toBe(`ts-smart-pointer.listArc0 ts-smart-pointer.listArc0+ts-smart-pointer.listArc2 none | ${after}`);
  });
  test("a class with another decorator gets no added constructor (its metadata stays as written)", () => {
    const tagged = `
import { List, ListArc, ListItem } from "ts-smart-pointer";
const tag = <C,>(c: C, _context?: unknown) => c;
@tag
@ListItem()
class Tagged { name = "t"; }
const q = new List<Tagged>();
q.pushBack(ListArc.new(new Tagged()));
console.log(q.popFront()!.name);
`;
    const js = compile(ts, { "main.ts": tagged }, { mode: "release" }).js["main.ts"]!;
    expect(js).not.toContain("constructor(");
    expect(js).toMatch(/__sp_1\.listItem\(\w+, \[0\]\)/);
    expect(run(tagged, { mode: "release" }, "slots-tagged")).toBe("t\n");
  });
  test("plain tsc: added when the value gets its first ListArc", () => {
    expect(run(source, null, "slots-plain")).toBe(`none none none | ${after}`);
  });
});

describe("optional chains keep their short-circuit", () => {
  test.each(["inline", "thunk"])("%s: a?.p.m() and a?.p.field are left to the runtime, and behave", (strategy) => {
    const source = `
import { Arc } from "ts-smart-pointer";
class Job { n = 2; twice(self: Arc<this>) { Arc.drop(self); return this.n * 2; } }
type Holder = { job: Arc<Job> } | undefined;
const none: Holder = undefined as Holder;
const some: Holder = { job: Arc.new(new Job()) } as Holder;
console.log(none?.job.twice(), none?.job.n, some?.job.n, some?.job.twice());
`;
    const js = compile(ts, { "main.ts": source }, { mode: "release", strategy }).js["main.ts"]!;
    expect(js).toContain("none?.job.twice()");
    expect(run(source, { mode: "release", strategy }, `optional-${strategy}`)).toBe("undefined undefined 2 4\n");
  });
});

describe("debug builds keep the checks; release builds emit none", () => {
  // The misuse sits in a branch, out of reach of the static use-after-move check.
  const misuse = `
import { Arc } from "ts-smart-pointer";
class Job { name = "j"; run(self: Arc<this>) { Arc.drop(self); } }
const job = Arc.new(new Job());
if (Math.random() < 2) job.run();
console.log(job.name);
`;
  test.each(["inline", "thunk"])("debug %s: use after move throws UseAfterMoveError", (strategy) => {
    expect(run(misuse, { strategy, mode: "debug" }, `misuse-${strategy}`)).toMatch(/^threw: UseAfterMoveError: \.name: this Arc<Job> was moved by the receiver method \.run\(\)/);
  });

  test("release: the call site is a bare direct call", () => {
    const js = compile(ts, { "main.ts": misuse }, { mode: "release", strategy: "inline" }).js["main.ts"]!;
    expect(js).toContain("job[__spPointee_1].run(job)");
    expect(js).toContain("job[__spPointee_1].name");
    expect(js).not.toMatch(/__sp_1\.(live|move)\(/);
  });

  // A release build run without NODE_ENV=production: the runtime retires handles, which the
  // release call sites do not check. Each use must still be a library error saying what to change.
  test.each([
    ["a field read", "job.name", "name"],
    ["a receiver call", "job.run()", "run"],
  ])("release %s through a pointer the debug runtime retired names the cause and the fix", (_what, use, member) => {
    const source = misuse.replace("console.log(job.name);", `console.log(${use});`);
    for (const strategy of ["inline", "thunk"]) {
      expect(run(source, { strategy, mode: "release" }, `release-on-debug-${member}-${strategy}`)).toBe(
        `threw: SmartPointerError: .${member}: used through a pointer that was dropped or moved, by code without use-after checks (the plugin's "mode": "release", or a direct [Pointee] read), which cannot say which pointer or what retired it. Build with the plugin's default mode (debug) to see that, and run release builds with NODE_ENV=production.`,
      );
    }
  });

  test("the mode defaults from NODE_ENV at build time", () => {
    const source = `import { Arc } from "ts-smart-pointer"; class J { n = 1; } const j = Arc.new(new J()); j.n;`;
    const prev = process.env.NODE_ENV;
    try {
      process.env.NODE_ENV = "production";
      expect(compile(ts, { "main.ts": source }, {}).js["main.ts"]).toContain("j[__spPointee_1].n");
      process.env.NODE_ENV = "development";
      expect(compile(ts, { "main.ts": source }, {}).js["main.ts"]).toContain(`__sp_1.live(j, "n").n`);
    } finally {
      process.env.NODE_ENV = prev;
    }
  });

  test("bad plugin options are a clear error", () => {
    expect(() => compile(ts, { "main.ts": "" }, { mode: "fast" })).toThrow(/"mode" must be "debug" or "release", not "fast"/);
    expect(() => compile(ts, { "main.ts": "" }, { strategy: "jit" })).toThrow(/"strategy" must be "inline" or "thunk"/);
    expect(() => compile(ts, { "main.ts": "" }, { leaks: true })).toThrow(/"leaks" must be "off", "warn" or "error", not true/);
  });
});

describe("receiver tables: the runtime never reads method source", () => {
  test("a minifier renaming `self` does not break dynamic calls of compiled classes", () => {
    const source = `
import { Arc } from "ts-smart-pointer";
class Job { run(self: Arc<this>, n: number) { return Arc.strongCount(self) + n; } }
const dynamic = Arc.new(new Job()) as unknown as Record<string, (n: number) => number>;
console.log(dynamic["run"]!(10));
`;
    const js = compile(ts, { "main.ts": source }, { mode: "release" }).js["main.ts"]!;
    expect(js).toContain(`__sp_1.receivers(this, { "run": "Arc" })`);
    const minified = js.replace("run(self, n) { return Arc.strongCount(self) + n; }", "run(s, n) { return Arc.strongCount(s) + n; }");
    expect(minified).not.toBe(js);
    const path = writeOut("minified.mjs", minified);
    expect(execFileSync(process.execPath, [path], { encoding: "utf8" })).toBe("11\n");
  });

  test("a receiver of another kind called dynamically is a TypeError naming both kinds", () => {
    const source = `
import { Arc, ListArc, ListItem } from "ts-smart-pointer";
@ListItem() class Job { run(self: ListArc<this>) { ListArc.drop(self); } }
const a = Arc.new(new Job()) as unknown as { run(): void };
try { a.run(); } catch (e) { console.log((e as Error).message); }
`;
    expect(run(source, { mode: "release" }, "wrong-kind")).toBe("Job.run takes `self: ListArc<this>`, so it cannot be called on Arc<Job>; convert the pointer to a ListArc first.\n");
  });
});
