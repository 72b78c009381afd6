import MagicString from "magic-string";
import ts from "typescript";
import { expect, test } from "vitest";
import { composeSourceMaps, decodeMappings, encodeMappings, withInlineSourceMap, type RawSourceMap } from "../../transformer/source-map.js";

test("decoding and encoding mappings are inverse, on known values", () => {
  // "AAAA" is [0,0,0,0]; "SAAS" is +9 column, +9 source column; "gBAAgB" is +16 both (two digits).
  expect(decodeMappings("AAAA,SAAS;;gBAAgB,CAACA")).toEqual([
    [
      [0, 0, 0, 0],
      [9, 0, 0, 9],
    ],
    [],
    [
      [16, 0, 0, 25],
      [17, 0, 0, 26, 0],
    ],
  ]);
  expect(decodeMappings("AAAA,SAAS;;gBAAgB,CAACA").map((l) => l.length)).toEqual([2, 0, 2]);
  expect(decodeMappings("A,DAAD")).toEqual([[[0], [-1, 0, 0, -1]]]);
  const map = JSON.parse(ts.transpileModule("const a: number = 1;\nfunction f(x: string): string {\n  return x + a;\n}\n", { compilerOptions: { sourceMap: true } }).sourceMapText!) as RawSourceMap;
  expect(encodeMappings(decodeMappings(map.mappings))).toBe(map.mappings);
});

test("a mapping that is not base64 is an error", () => {
  expect(() => decodeMappings("AA!A")).toThrow(/not a source map segment: "AA!A"/);
});

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
  const lines = decodeMappings(composed.mappings);
  const at = (text: string) => lines[output.outputText.split("\n").findIndex((l) => l.includes(text))]!;
  expect(at("export const b")[0]).toEqual([0, 0, 1, 0]); // line 2 of the original, not line 4 of the edited text
  expect(at("const a = 1")[0]).toEqual([0, 0, 0, 0]);
  // The inserted lines map nowhere in the original: their segments are dropped.
  expect(at("const z = x")).toEqual([]);
});

test("the inline map replaces a trailing one", () => {
  const map: RawSourceMap = { version: 3, sources: ["file:///m.ts"], names: [], mappings: "AAAA" };
  const code = withInlineSourceMap("let a = 1;\n//# sourceMappingURL=m.js.map", map);
  expect(code.match(/sourceMappingURL/g)).toHaveLength(1);
  const data = /base64,(\S+)\n$/.exec(code)![1]!;
  expect(JSON.parse(Buffer.from(data, "base64").toString("utf8"))).toEqual(map);
  expect(code.startsWith("let a = 1;\n//# sourceMappingURL=data:application/json;base64,")).toBe(true);
});
