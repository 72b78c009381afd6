/**
 * Type stripping for the Node loader (register-hooks.ts): Node 20 runs no TypeScript, so the
 * loader strips the types itself, with the first of these the project has:
 *
 * 1. its own TypeScript 5-6, `transpileModule` with the tsconfig's options: the JavaScript `tsc`
 *    would emit (decorators, `useDefineForClassFields`, enums, the target);
 * 2. esbuild, resolved from the project (TypeScript 7 has no transpileModule), with the tsconfig;
 * 3. Node's own `module.stripTypeScriptTypes` (22.13 and later), in its transform mode.
 *
 * Node's comes last although it needs nothing installed: it rejects decorators, which the runtime's
 * `@SmartPointer` and `@ListItem` are. With none, the error says what to install.
 */
import * as nodeModule from "node:module";
import { createRequire } from "node:module";
import { join } from "node:path";
import type TS from "typescript";
import { compilerOptionsOf, parsedConfig, ProjectError, projectTypeScript } from "./project.js";
import type { RawSourceMap } from "./source-map.js";

export type ModuleFormat = "module" | "commonjs";

/** Strips the types of `code` (the text of `fileName`) into JavaScript of `format`, with its map. */
export type Stripper = (code: string, fileName: string, format: ModuleFormat) => { code: string; map: RawSourceMap };

/**
 * The stripper of the project of `config` (its tsconfig.json), or of a file under no tsconfig in
 * `folder`. Throws when the project has none of the three, saying what to install.
 */
export function typeStripper(config: string | undefined, folder: string): Stripper {
  const anchor = config ?? join(folder, "tsconfig.json");
  let typescript: string;
  try {
    const { version, packageJson } = projectTypeScript(anchor);
    if (!version.startsWith("7.")) return typeScriptStripper(createRequire(packageJson)("typescript") as typeof TS, config);
    typescript = `its TypeScript is ${version}, which has no transpileModule`;
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    typescript = error.message.replace(/\.$/, "");
  }
  const esbuild = optionalRequire(anchor, "esbuild") as Esbuild | undefined;
  if (esbuild) return esbuildStripper(esbuild, config);
  const node = nodeStripper();
  if (node) return node;
  throw new ProjectError(`ts-smart-pointer/register has nothing to strip the types with in ${folder}: ${typescript}, esbuild is not installed there and this Node (${process.version}) has no module.stripTypeScriptTypes. Install esbuild in the project (npm i -D esbuild), or TypeScript 5-6.`);
}

function optionalRequire(anchor: string, name: string): unknown {
  try {
    return createRequire(anchor)(name);
  } catch {
    return undefined;
  }
}

/** TypeScript's transpileModule with the tsconfig's options, the module kind set by `format`. */
function typeScriptStripper(ts: typeof TS, config: string | undefined): Stripper {
  const parsed = config && parsedConfig(ts, config);
  const options: TS.CompilerOptions = parsed ? parsed.options : { target: ts.ScriptTarget.ES2022 };
  return (code, fileName, format) => {
    const compilerOptions: TS.CompilerOptions = {
      ...options,
      module: format === "module" ? ts.ModuleKind.ESNext : ts.ModuleKind.CommonJS,
      moduleResolution: undefined, // NodeNext's would insist on module NodeNext
      verbatimModuleSyntax: format === "module" && options.verbatimModuleSyntax,
      sourceMap: true,
      inlineSourceMap: false,
      inlineSources: false,
      declaration: false,
      declarationMap: false,
      noEmit: false,
      emitDeclarationOnly: false,
    };
    const output = ts.transpileModule(code, { fileName, compilerOptions });
    return { code: output.outputText, map: JSON.parse(output.sourceMapText!) as RawSourceMap };
  };
}

interface Esbuild {
  transformSync(code: string, options: object): { code: string; map: string };
}

/** esbuild for the running Node, with the tsconfig's options it reads (decorators, class fields). */
function esbuildStripper(esbuild: Esbuild, config: string | undefined): Stripper {
  // esbuild does not follow `extends` in a tsconfigRaw: it gets the options with the bases merged in.
  const tsconfigRaw = { compilerOptions: config ? compilerOptionsOf(config) : {} };
  return (code, fileName, format) => {
    const output = esbuild.transformSync(code, { loader: "ts", format: format === "module" ? "esm" : "cjs", target: `node${process.versions.node}`, sourcemap: "external", sourcefile: fileName, tsconfigRaw });
    return { code: output.code, map: JSON.parse(output.map) as RawSourceMap };
  };
}

type StripTypeScriptTypes = (code: string, options: { mode: "transform"; sourceMap: true; sourceUrl: string }) => string;

/**
 * Node's own stripper in transform mode (enums, namespaces, parameter properties), if this Node
 * has one (22.13 and later: not the Node 20 of the tests, so no test runs it).
 */
function nodeStripper(): Stripper | undefined {
  const strip = (nodeModule as { stripTypeScriptTypes?: StripTypeScriptTypes }).stripTypeScriptTypes;
  if (!strip) return undefined;
  return (code, fileName, format) => {
    // It keeps `import` as it is, and the expansion imports the runtime's ABI: a CommonJS file would not load.
    if (format === "commonjs") throw new ProjectError(`${fileName} is CommonJS, which Node's module.stripTypeScriptTypes cannot give the expansion's import to: make it ESM ("type": "module" in package.json, or .mts), or install esbuild or TypeScript 5-6 in the project.`);
    const output = strip(code, { mode: "transform", sourceMap: true, sourceUrl: fileName });
    const inline = /\n\/\/# sourceMappingURL=data:application\/json;base64,(\S+)\s*$/.exec(output);
    if (!inline) throw new ProjectError(`${fileName}: Node's module.stripTypeScriptTypes gave no source map.`);
    return { code: output.slice(0, inline.index), map: JSON.parse(Buffer.from(inline[1]!, "base64").toString("utf8")) as RawSourceMap };
  };
}
