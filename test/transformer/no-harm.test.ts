import { readdirSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, test } from "vitest";
import smartPointerTransformer from "../../transformer/index.js";
import { compilerOptions, root } from "./compile.js";

/**
 * No harm: code with no smart pointer compiles to byte-identical JavaScript with and without the
 * plugin. Checked on real third-party sources shipped in npm tarballs (tiny-invariant's and
 * RxJS's `src/*.ts`), compiled in one program with a file that does use pointers, so the plugin
 * is active and analyses every file.
 */
function tsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts") && !e.name.endsWith(".d.ts"))
    .map((e) => join(e.parentPath ?? (e as unknown as { path: string }).path, e.name));
}

const thirdParty = [join(root, "node_modules/tiny-invariant/src/tiny-invariant.ts"), ...tsFiles(join(root, "node_modules/rxjs/src"))];
const usesPointers = join(root, "test/transformer/fixtures/uses-pointers.ts");

function emitAll(plugin: boolean): Map<string, string> {
  const program = ts.createProgram([...thirdParty, usesPointers], { ...compilerOptions(ts), lib: ["lib.es2022.d.ts", "lib.dom.d.ts", "lib.esnext.disposable.d.ts"], noEmitOnError: false });
  const out = new Map<string, string>();
  const before = plugin ? [smartPointerTransformer(program, { mode: "release" }, { ts, addDiagnostic: () => 0 })] : [];
  program.emit(undefined, (name, text, _bom, _onError, sources) => {
    if (name.endsWith(".js")) out.set(sources![0]!.fileName, text);
  }, undefined, false, { before });
  return out;
}

describe("no harm to code without smart pointers", () => {
  test("tiny-invariant and RxJS sources compile byte-for-byte as without the plugin", () => {
    expect(thirdParty.length).toBeGreaterThan(200);
    const without = emitAll(false);
    const withPlugin = emitAll(true);
    for (const file of thirdParty) {
      expect(withPlugin.get(file), file).toBe(without.get(file));
    }
    // ...while the plugin was active and did expand the file that uses pointers.
    expect(withPlugin.get(usesPointers)).toContain("__spPointee");
    expect(without.get(usesPointers)).not.toContain("__spPointee");
  }, 180_000); // two emits of 200+ files
});
