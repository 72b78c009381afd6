import MagicString from "magic-string";
import ts from "typescript";
import { expect, test } from "vitest";
import { originalPositionFor, TraceMap } from "@jridgewell/trace-mapping";
import { composeSourceMaps, withInlineSourceMap, type RawSourceMap } from "../../transformer/source-map.js";

test("composing: the stripper's positions go through the edits to the text written", () => {
  const original = "const a: number = 1;\nexport const b: number = a + 1;\n";
  const edits = new MagicString(original);
  edits.prepend("import x from 'y';\nconst z = x;\n"); // two lines above everything
  const edited = edits.toString();
  const editMap = edits.generateMap({ source: "file:///m.ts", includeContent: true, hires: "boundary" }) as unknown as RawSourceMap;
  const output = ts.transpileModule(edited, { compilerOptions: { sourceMap: true, module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 }, fileName: "m.ts" });
  const composed = composeSourceMaps(JSON.parse(output.sourceMapText!) as RawSourceMap, editMap);
  expect(composed.sources).toEqual(["file:///m.ts"]);
  expect(composed.sourcesContent).toEqual([original]);
  const traced = new TraceMap(composed as never);
  const at = (text: string) => originalPositionFor(traced, { line: output.outputText.split("\n").findIndex((l) => l.includes(text)) + 1, column: 0 });
  expect(at("export const b")).toMatchObject({ source: "file:///m.ts", line: 2, column: 0 }); // line 2 of the original, not line 4 of the edited text
  expect(at("const a = 1")).toMatchObject({ line: 1, column: 0 });
  // The inserted lines map nowhere in the original.
  expect(at("const z = x")).toMatchObject({ source: null, line: null });
});

test("the inline map replaces a trailing one", () => {
  const map: RawSourceMap = { version: 3, sources: ["file:///m.ts"], names: [], mappings: "AAAA" };
  const code = withInlineSourceMap("let a = 1;\n//# sourceMappingURL=m.js.map", map);
  expect(code.match(/sourceMappingURL/g)).toHaveLength(1);
  const data = /base64,(\S+)\n$/.exec(code)![1]!;
  expect(JSON.parse(Buffer.from(data, "base64").toString("utf8"))).toEqual(map);
  expect(code.startsWith("let a = 1;\n//# sourceMappingURL=data:application/json;base64,")).toBe(true);
});
