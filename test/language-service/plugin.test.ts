import ts59 from "typescript";
import type TS from "typescript";
import { describe, expect, test } from "vitest";
import { FIX_NAME } from "../../transformer/language-service.js";
import { typescripts } from "../transformer/typescripts.js";
import { languageService } from "./service.js";

// The plugin decorating a real language service in this process, under each TypeScript it
// supports (tsserver.test.ts drives it through tsserver itself).
const header = `import { Arc, ListArc, ListItem } from "ts-smart-pointer";\n`;
const jobFile = header + `export class Job { name = "j"; run(self: Arc<this>) { Arc.drop(self); } }\n`;
const moved = `import { Arc } from "ts-smart-pointer";\nimport { Job } from "./job.js";\nconst job = Arc.new(new Job());\njob.run();\nexport const name = job.name;\n`;
const useAfterMove = "[rustc E0382] use of moved value: `job` was moved by `job.run()` on line 4\n  help: to keep a pointer, clone it: `Arc.clone(job)` before the move";

const ours = (diagnostics: readonly TS.Diagnostic[]) => diagnostics.filter((d) => d.source === "ts-smart-pointer");
const codes = (diagnostics: readonly TS.Diagnostic[]) => diagnostics.map((d) => d.code);

/** `text` with the edits of `fix` applied. */
function apply(text: string, fix: TS.CodeFixAction): string {
  const edits = fix.changes.flatMap((c) => c.textChanges).sort((a, b) => b.span.start - a.span.start);
  return edits.reduce((t, e) => t.slice(0, e.span.start) + e.newText + t.slice(e.span.start + e.span.length), text);
}

describe.each(typescripts)("TypeScript %s", (version, ts) => {
  test("adds the core's diagnostic, at the use and with its text, after TypeScript's own", () => {
    expect(ts.version.startsWith(version)).toBe(true);
    const ls = languageService(ts, { "job.ts": jobFile, "main.ts": moved + `export const n: number = "x";\n` });
    const diagnostics = ls.service.getSemanticDiagnostics(ls.path("main.ts"));
    expect(codes(diagnostics)).toEqual([2322, 9012]);
    const [d] = ours(diagnostics);
    expect(d!.file!.fileName).toBe(ls.path("main.ts"));
    expect(d!.start).toBe(ls.text("main.ts").lastIndexOf("job.name"));
    expect(d!.length).toBe("job".length);
    expect(d!.messageText).toBe(useAfterMove);
    expect(d!.category).toBe(ts.DiagnosticCategory.Error);
    expect(codes(ls.plain.getSemanticDiagnostics(ls.path("main.ts")))).toEqual([2322]);
  });

  test("each edit is a new program: an edit to another file changes this file's diagnostics", () => {
    const item = header + `@ListItem() export class Item {}\n`;
    const user = `import { ListArc } from "ts-smart-pointer";\nimport { Item } from "./item.js";\nexport const l = ListArc.new(new Item());\n`;
    const ls = languageService(ts, { "item.ts": item, "main.ts": user });
    const main = ls.path("main.ts");
    expect(codes(ls.service.getSemanticDiagnostics(main))).toEqual([]);
    ls.edit("item.ts", item.replace("@ListItem() ", ""));
    expect(codes(ls.service.getSemanticDiagnostics(main))).toEqual([9010]);
    ls.edit("item.ts", item);
    expect(codes(ls.service.getSemanticDiagnostics(main))).toEqual([]);
  });

  test.each([
    ["TS9012, moving a clone", moved, 9012, "Move a clone of `job` (Arc.clone(job)) instead", "Arc.clone(job).run();"],
    ["TS9010, adding @ListItem", header + `class Plain {}\nexport const l = ListArc.new(new Plain());\n`, 9010, "Add @ListItem() to Plain", "@ListItem()\nclass Plain {}"],
    ["TS9010, adding the id", header + `@ListItem() class Two {}\nexport const l = ListArc.new(new Two(), 1);\n`, 9010, "Add list id 1 to @ListItem", "@ListItem(0, 1) class Two {}"],
  ])("the quick fix for %s removes the diagnostic", (_name, main, code, description, fixed) => {
    const ls = languageService(ts, { "job.ts": jobFile, "main.ts": main });
    const [d] = ours(ls.service.getSemanticDiagnostics(ls.path("main.ts")));
    expect(d!.code).toBe(code);
    const fixes = ls.service.getCodeFixesAtPosition(ls.path("main.ts"), d!.start!, d!.start! + d!.length!, [code], {}, {});
    const fix = fixes.find((f) => f.fixName === FIX_NAME)!;
    expect(fix.description).toBe(description);
    expect(fix.changes.map((c) => c.fileName)).toEqual([ls.path("main.ts")]);
    ls.edit("main.ts", apply(main, fix));
    expect(ls.text("main.ts")).toContain(fixed);
    expect(ls.service.getSemanticDiagnostics(ls.path("main.ts"))).toEqual([]);
  });

  test("offers no fix of ours for another code, or away from our diagnostic", () => {
    const ls = languageService(ts, { "job.ts": jobFile, "main.ts": moved });
    const file = ls.path("main.ts");
    const [d] = ours(ls.service.getSemanticDiagnostics(file));
    const fixNames = (start: number, end: number, errorCodes: number[]) => ls.service.getCodeFixesAtPosition(file, start, end, errorCodes, {}, {}).map((f) => f.fixName);
    expect(fixNames(d!.start!, d!.start! + 3, [9012])).toContain(FIX_NAME);
    expect(fixNames(d!.start!, d!.start! + 3, [2322])).not.toContain(FIX_NAME);
    expect(fixNames(0, 5, [9012])).not.toContain(FIX_NAME);
  });

  test("lists our codes among the supported code fixes, once", () => {
    const ls = languageService(ts, { "main.ts": moved });
    const supported = ls.service.getSupportedCodeFixes(ls.path("main.ts"));
    expect(supported).toEqual(expect.arrayContaining(["9010", "9012"]));
    expect(supported.filter((c) => c === "9012")).toHaveLength(1);
    expect(ts.getSupportedCodeFixes()).toEqual(expect.arrayContaining(["9010", "9012"])); // what VS Code asks, without a file
  });

  test("a project that does not use the runtime gets TypeScript's diagnostics and fixes unchanged", () => {
    const source = `class Job { run(n: number, self: Job) { return n; } }\nexport const n: number = "x";\n`;
    const ls = languageService(ts, { "main.ts": source });
    const file = ls.path("main.ts");
    expect(codes(ls.service.getSemanticDiagnostics(file))).toEqual([2322]);
    const at = source.indexOf("n: number =");
    expect(ls.service.getCodeFixesAtPosition(file, at, at + 1, [2322], {}, {})).toEqual(ls.plain.getCodeFixesAtPosition(file, at, at + 1, [2322], {}, {}));
  });
});

test("typing a file keystroke by keystroke never breaks the service", () => {
  const sample = `import { Arc, ArcBorrow, ListArc, ListItem, SmartPointer, Pointee } from "ts-smart-pointer";
@SmartPointer class Rc<T> { readonly [Pointee]: T; constructor(v: T) { this[Pointee] = v; } }
@ListItem(0, 1) class Job {
  name = "j";
  run(self: ListArc<this>) { ListArc.drop(self); }
  move(self: Arc<this>) { Arc.drop(self); }
  peek(self: ArcBorrow<this>) { return Arc.from(self); }
  bad(n: number, self: Rc<this>) {}
}
const job = Arc.new(new Job());
job.move();
job.name;
`;
  const ls = languageService(ts59, { "main.ts": "" });
  for (let i = 0; i <= sample.length; i += 7) {
    ls.edit("main.ts", sample.slice(0, i));
    expect(() => ls.service.getSemanticDiagnostics(ls.path("main.ts")), `after ${JSON.stringify(sample.slice(0, i))}`).not.toThrow();
  }
  ls.edit("main.ts", sample);
  expect(codes(ours(ls.service.getSemanticDiagnostics(ls.path("main.ts"))))).toEqual([9005, 9012]);
});
