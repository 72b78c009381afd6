// `npm run bench:ab -- <git revision> [rounds]`: the queue case, this checkout's runtime against
// the runtime as it was at <revision>, alternating in fresh processes. Full runs vary by about
// ±10% on this VM, more than most single changes; alternating runs of the two builds is how the
// README's before/after figures are measured. Prints ns per item (ours / the limit) per figure.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { compileCases, figuresOf, node, root } from "./processes.mjs";

const [rev, roundsArg = "3"] = process.argv.slice(2);
const rounds = Number(roundsArg);
if (!rev || !Number.isInteger(rounds) || rounds < 1) {
  console.error("usage: npm run bench:ab -- <git revision> [rounds, default 3]");
  process.exit(2);
}
try {
  execFileSync("git", ["rev-parse", "--verify", "--quiet", `${rev}^{commit}`], { cwd: root, stdio: "ignore" });
} catch {
  console.error(`bench:ab: ${rev} is not a commit of this repository (try a hash from git log, or HEAD~1).`);
  process.exit(2);
}

// This checkout: the runtime and the bench's cases, built as `npm run bench` builds them.
node([`${root}node_modules/typescript/bin/tsc`, "-p", "tsconfig.build.json"]);
compileCases();

// The other: the runtime's sources at `rev`, compiled by this checkout's TypeScript, and a copy
// of the same compiled cases that imports it instead.
const tmp = mkdtempSync(join(tmpdir(), "ts-smart-pointer-ab-"));
try {
  execFileSync("sh", ["-c", `git archive "$0" runtime | tar -x -C "$1"`, rev, tmp], { cwd: root, stdio: "inherit" });
  symlinkSync(join(root, "node_modules"), join(tmp, "node_modules"));
  writeFileSync(join(tmp, "package.json"), '{ "type": "module" }\n');
  writeFileSync(join(tmp, "tsconfig.json"), JSON.stringify({ extends: join(root, "tsconfig.json"), compilerOptions: { noEmit: false, declaration: false, sourceMap: false, rootDir: "runtime", outDir: "out" }, include: ["runtime"], exclude: ["**/*.test.ts"] }));
  node([`${root}node_modules/typescript/bin/tsc`, "-p", join(tmp, "tsconfig.json")]);
  const cases = join(root, "bench/build/plugin");
  for (const file of readdirSync(cases).filter((f) => f.endsWith(".js"))) {
    const source = readFileSync(join(cases, file), "utf8")
      .replaceAll('"ts-smart-pointer/internal/abi"', JSON.stringify(join(tmp, "out/internal/abi.js")))
      .replaceAll('"ts-smart-pointer"', JSON.stringify(join(tmp, "out/index.js")));
    writeFileSync(join(tmp, file), source);
  }

  const queues = (dir) => figuresOf(join(dir, "queues.js"), { NODE_ENV: "production", BENCH_SMOKE: "0" }).filter((f) => f.limit !== undefined);
  const show = (figures) => figures.map((f) => `${f.ours.toFixed(1)} (${(f.ours / f.limit).toFixed(2)})`).join("  ");
  for (let round = 1; round <= rounds; round++) {
    const before = queues(tmp);
    const after = queues(cases);
    if (round === 1) console.log(`ns/item (ours / the limit): ${before.map((f) => f.figure).join("; ")}`);
    console.log(`round ${round}  ${rev}: ${show(before)}`);
    console.log(`round ${round}  this checkout: ${show(after)}`);
  }
} finally {
  rmSync(tmp, { recursive: true, force: true });
}
