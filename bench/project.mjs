// Generates a 200-file project that uses pointers on every line it can, and the same code written
// without pointer types, for the build-time and type-check-time figures.
import { cpSync, mkdirSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";

function source(i, pointers) {
  const prev = i === 0 ? null : `./m${i - 1}.js`;
  const P = (t) => (pointers ? `Arc<${t}>` : t);
  const lines = [];
  if (pointers) lines.push(`import { Arc, ArcBorrow, List, ListArc, ListItem } from "ts-smart-pointer";`);
  if (prev) lines.push(`import { Node${i - 1}, make${i - 1} } from "${prev}";`);
  lines.push(pointers ? `@ListItem()` : ``);
  lines.push(`export class Node${i} {`);
  lines.push(`  value = ${i};`);
  lines.push(`  label = "n${i}";`);
  lines.push(`  describe(): string { return this.label + this.value; }`);
  lines.push(pointers ? `  run(self: ${P("this")}, k: number): number { const v = this.value * k; Arc.drop(self); return v; }` : `  run(k: number): number { return this.value * k; }`);
  lines.push(pointers ? `  peek(self: ArcBorrow<this>): number { return self.value; }` : `  peek(): number { return this.value; }`);
  lines.push(pointers ? `  requeue(self: ListArc<this>, q: List<Node${i}>): void { q.pushBack(self); }` : `  requeue(q: Node${i}[]): void { q.push(this); }`);
  lines.push(`}`);
  lines.push(`export function make${i}(): ${P(`Node${i}`)} { return ${pointers ? `Arc.new(new Node${i}())` : `new Node${i}()`}; }`);
  lines.push(`export function use${i}(): number {`);
  lines.push(`  const a = make${i}();`);
  lines.push(pointers ? `  const total = Arc.clone(a).run(2) + Arc.asArcBorrow(a).peek() + a.value;` : `  const total = a.run(2) + a.peek() + a.value;`);
  if (prev) lines.push(pointers ? `  const b = make${i - 1}(); const s = b.describe().length + Arc.clone(b).run(1); Arc.drop(b);` : `  const b = make${i - 1}(); const s = b.describe().length + b.run(1);`);
  lines.push(pointers ? `  const q = new List<Node${i}>(); ListArc.new(new Node${i}()).requeue(q);` : `  const q: Node${i}[] = []; new Node${i}().requeue(q);`);
  lines.push(pointers ? `  Arc.drop(a);` : ``);
  lines.push(`  return total${prev ? " + s" : ""} + (q.${pointers ? "isEmpty()" : "length === 0"} ? 0 : 1);`);
  lines.push(`}`);
  return lines.join("\n") + "\n";
}

/** Writes both variants of `files` files (200 in the bench, fewer in its smoke run) under `dir`; returns their folders. */
export function generateProject(dir, files = 200) {
  rmSync(dir, { recursive: true, force: true });
  const configs = {};
  for (const variant of ["pointers", "plain"]) {
    const at = join(dir, variant);
    mkdirSync(at, { recursive: true });
    for (let i = 0; i < files; i++) writeFileSync(join(at, `m${i}.ts`), source(i, variant === "pointers"));
    const options = { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, skipLibCheck: true, lib: ["ES2022", "ESNext.Disposable"], types: [], rootDir: ".", outDir: "out" };
    writeFileSync(join(at, "tsconfig.json"), JSON.stringify({ compilerOptions: options, include: ["*.ts"] }));
    writeFileSync(join(at, "tsconfig.plugin.json"), JSON.stringify({ extends: "./tsconfig.json", compilerOptions: { plugins: [{ transform: "ts-smart-pointer/transformer", mode: "release" }] } }));
    configs[variant] = at;
  }
  return configs;
}

/**
 * A copy of the project at `dir` that resolves `typescript` to the installed package `pkg` (as a
 * project that depends on that version does), and this package as `ts-smart-pointer`.
 */
export function withTypeScript(dir, pkg, root) {
  const copy = `${dir}-${pkg}`;
  rmSync(copy, { recursive: true, force: true });
  cpSync(dir, copy, { recursive: true });
  mkdirSync(join(copy, "node_modules"));
  symlinkSync(join(root, "node_modules", pkg), join(copy, "node_modules/typescript"));
  symlinkSync(root, join(copy, "node_modules/ts-smart-pointer"));
  return copy;
}
