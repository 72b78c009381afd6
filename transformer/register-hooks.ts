/**
 * The module hooks of ts-smart-pointer/register (register.ts installs them with module.register),
 * run in Node's loader thread. The load hook takes each TypeScript file of a project (outside
 * node_modules): it finds the nearest tsconfig.json above the file, applies the expansion as source
 * edits through one long-lived analysis per tsconfig (expander.ts), strips the types (strip-types.ts)
 * and hands Node JavaScript with an inline source map into the TypeScript. A plugin error fails the
 * import with tsc's `file(line,col): error TS9xxx` message; warnings go to stderr. The resolve hook
 * finds `./x.ts` for `./x.js` (TypeScript's NodeNext convention), and `./x.ts` or `./x/index.ts`
 * for an extensionless `./x`, as tsx does.
 */
import { existsSync, readFileSync, statSync } from "node:fs";
import type { LoadHook, ResolveHook } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { isOwnTypeScriptPath, openExpander, projectConfigOf, type Expander } from "./expander.js";
import { composeSourceMaps, withInlineSourceMap, type RawSourceMap } from "./source-map.js";
import { typeStripper, type ModuleFormat, type Stripper } from "./strip-types.js";

/** What the load hook hands Node for one TypeScript file. */
export interface LoadedTypeScript {
  readonly format: ModuleFormat;
  /** JavaScript, with an inline source map into the TypeScript file. */
  readonly source: string;
}

/** TypeScript sources (not declarations) of the user's own, as file: URLs. */
export function isOwnTypeScript(url: string): boolean {
  return url.startsWith("file:") && isOwnTypeScriptPath(fileURLToPath(url), { jsx: false });
}

/** Node's load hook: the user's TypeScript through loadTypeScript, everything else to the next loader. */
export const load: LoadHook = async (url, context, nextLoad) => {
  if (!isOwnTypeScript(url)) return nextLoad(url, context);
  // The rest of the chain still sees the file, for what it does besides compiling (tsx watch
  // learns the program's files in its load hook); what it makes of the source is not used: the
  // expansion needs the TypeScript as written, which this hook reads and compiles itself.
  await Promise.resolve()
    .then(() => nextLoad(url, { ...context, format: "module" }))
    .catch(() => undefined);
  return { ...(await loadTypeScript(fileURLToPath(url))), shortCircuit: true };
};

/** Node's resolve hook: TypeScript's specifiers (typeScriptSpecifier) for the next resolver. */
export const resolve: ResolveHook = async (specifier, context, nextResolve) => nextResolve(typeScriptSpecifier(specifier, context.parentURL) ?? specifier, context);

/**
 * The file: URL of the TypeScript file that `specifier`, imported from `parentURL`, stands for,
 * or undefined to resolve it as it is. Only relative and file specifiers from a TypeScript file:
 * `./x.js` (`.mjs`, `.cjs`) is `./x.ts` (`.mts`, `.cts`) when that exists; `./x`, when it is not
 * a file, is `./x.ts` or else `./x/index.ts`.
 */
export function typeScriptSpecifier(specifier: string, parentURL: string | undefined): string | undefined {
  if (!parentURL || !isOwnTypeScript(parentURL) || !/^(\.\.?\/|\/|file:)/.test(specifier)) return undefined;
  const path = fileURLToPath(new URL(specifier, parentURL));
  const js = /\.([cm]?)js$/.exec(path);
  const candidates = js ? [`${path.slice(0, -js[0].length)}.${js[1]}ts`] : isFile(path) ? [] : [`${path}.ts`, join(path, "index.ts")];
  const found = candidates.find(isFile);
  return found && pathToFileURL(found).href;
}

const isFile = (path: string) => statSync(path, { throwIfNoEntry: false })?.isFile() === true;

/** The project a file belongs to: the analysis of its tsconfig, and how its types are stripped. */
interface Project {
  readonly expander?: Expander;
  readonly strip: Stripper;
}

/** Invariant: one project per tsconfig (and one per folder for files under none), opened once. */
const projects = new Map<string, Promise<Project>>();

function projectOf(config: string | undefined, folder: string): Promise<Project> {
  const key = config ?? `folder:${folder}`;
  let project = projects.get(key);
  if (!project) {
    project = (async () => {
      const strip = typeStripper(config, folder); // first: it may fail, and an expander on TypeScript 7 is a process
      return { strip, expander: config ? await openExpander(config) : undefined };
    })();
    projects.set(key, project);
  }
  return project;
}

/**
 * The JavaScript Node runs for the TypeScript file `file`: expanded with the analysis of the
 * nearest tsconfig.json above it, its types stripped. Throws an Error whose message lists the
 * plugin's errors in tsc's format; prints the warnings on stderr. A file under no tsconfig.json
 * runs with its types stripped and no expansion (there is no project to analyse), with a warning.
 */
export async function loadTypeScript(file: string): Promise<LoadedTypeScript> {
  const code = readFileSync(file, "utf8");
  const config = projectConfigOf(file);
  const { expander, strip } = await projectOf(config, dirname(file));
  const format = moduleFormat(file);

  if (!expander) warn(`ts-smart-pointer/register: no tsconfig.json above ${file}: it runs without the expansion.`);
  const expansion = await expander?.expand(file, code);
  if (expansion?.skipped) warn(`ts-smart-pointer/register: ${expansion.skipped}`);
  for (const d of expansion?.diagnostics ?? []) if (d.category !== "error") warn(d.message);
  const errors = expansion?.diagnostics.filter((d) => d.category === "error") ?? [];
  if (errors.length > 0) throw new ExpansionError(errors.map((d) => d.message).join("\n"));

  const edited = expansion?.expanded;
  const stripped = strip(edited?.code ?? code, file, format);
  /** A map whose one source is this file, as written (Node shows its URL in stack traces). */
  const intoFile = (map: RawSourceMap): RawSourceMap => ({ ...map, sources: [pathToFileURL(file).href], sourcesContent: [code] });
  const map = edited ? composeSourceMaps(stripped.map, intoFile(edited.map as RawSourceMap)) : intoFile(stripped.map);
  return { format, source: withInlineSourceMap(stripped.code, map) };
}

/** The plugin's errors in a file, which make its import fail. */
export class ExpansionError extends Error {
  override name = "ExpansionError";
}

const warn = (message: string) => void process.stderr.write(`${message}\n`);

/** How Node runs `file`: `.mts` as ESM, `.cts` as CommonJS, `.ts` by its package.json's "type". */
export function moduleFormat(file: string): ModuleFormat {
  if (file.endsWith(".mts")) return "module";
  if (file.endsWith(".cts")) return "commonjs";
  for (let dir = dirname(file); ; dir = dirname(dir)) {
    const packageJson = join(dir, "package.json");
    if (existsSync(packageJson)) return (JSON.parse(readFileSync(packageJson, "utf8")) as { type?: string }).type === "module" ? "module" : "commonjs";
    if (dirname(dir) === dir) return "commonjs";
  }
}
