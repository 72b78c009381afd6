import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Project, SyntaxKind } from "ts-morph";
import { expect, test } from "vitest";
import { root } from "./transformer/compile.js";

// The published surface, read from the built declarations as a user's editor sees them.
const project = new Project({ compilerOptions: { strict: true } });
const index = project.addSourceFileAtPath(join(root, "dist/runtime/index.d.ts"));
project.resolveSourceFileDependencies();
const exported = [...index.getExportedDeclarations().keys()].sort();

test("the runtime exports the SPEC's API, and not the expansion ABI", () => {
  for (const name of ["Arc", "UniqueArc", "ArcBorrow", "ListArc", "List", "Cursor", "CursorPeek", "ListItem", "SmartPointer", "Pointee", "Pointer", "Project", "REFCOUNT_MAX", "SharedArc", "SharedArcMessage"]) {
    expect(exported).toContain(name);
  }
  for (const name of ["SmartPointerError", "UseAfterDropError", "UseAfterMoveError", "DoubleDropError", "AlreadyOwnedError", "AsyncDropError", "ListError", "REFCOUNT_WARNING"]) {
    expect(exported).toContain(name);
  }
  expect(exported.filter((name) => /abi/i.test(name))).toEqual([]);
});

test("pointer classes expose statics only: no instance member could shadow a pointee's", () => {
  for (const core of ["ArcCore", "UniqueArcCore", "ArcBorrowCore", "ListArcCore", "SharedArcCore"]) {
    const declaration = index.getExportedDeclarations().get(core)![0]!.asKindOrThrow(SyntaxKind.ClassDeclaration);
    const instanceNames = declaration
      .getInstanceMembers()
      .map((m) => m.getName())
      .filter((name) => !name.startsWith("["));
    // Private brands are compile-time only (`declare`), so no string-named member exists at run time.
    expect(instanceNames.every((name) => /Brand$/.test(name)), `${core}: ${instanceNames}`).toBe(true);
  }
});

test("every API entry the README's table names is exported", () => {
  const readme = readFileSync(join(root, "README.md"), "utf8");
  const table = readme.slice(readme.indexOf("## API"), readme.indexOf("## Debug and release"));
  const statics = [...table.matchAll(/`(Arc|UniqueArc|ListArc|SharedArc)\.(\w+)\(/g)].map(([, owner, member]) => [owner!, member!] as const);
  expect(statics.length).toBeGreaterThan(15);
  for (const [owner, member] of statics) {
    const core = index.getExportedDeclarations().get(`${owner}Core`)![0]!;
    expect(core.getText(), `${owner}.${member}`).toMatch(new RegExp(`static ${member}[<(]`));
  }
});
