import ts from "typescript";
import { describe, expect, test } from "vitest";
import { compile } from "./compile.js";
import { constructs, header } from "./constructs.js";

// Golden files of the emitted JavaScript for each construct: internal, and updated deliberately
// (`npx vitest run test/transformer/golden.test.ts -u`) when the expansion changes on purpose.

describe.each(["inline", "thunk"])("golden expansion, strategy %s", (strategy) => {
  describe.each(["release", "debug"])("mode %s", (mode) => {
    test.each(Object.keys(constructs))("%s", async (name) => {
      const result = compile(ts, { "main.ts": header + constructs[name] }, { mode, strategy });
      expect(result.typeErrors).toEqual([]);
      expect(result.diagnostics).toEqual([]);
      await expect(result.js["main.ts"]).toMatchFileSnapshot(`golden/${name}.${strategy}.${mode}.js`);
    });
  });
});
