import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { root } from "../transformer/compile.js";
// @ts-expect-error a plain .mjs module shared with `npm start`, without type declarations
import { buildExamples, examples as all, runExampleAsync } from "../../examples/examples.mjs";

/**
 * The repository's examples as bundler inputs, and their outputs: a bundler's build of them is
 * right when every example prints what the plain-tsc build prints.
 */

export interface Example {
  readonly name: string;
  readonly env?: Record<string, string>;
}

export const examples = all as readonly Example[];

/** Test builds go here, one folder per build. */
export const outRoot = join(root, "test/.out/bundler");

/** Every example as an entry: name -> its source. */
export const exampleEntries = Object.fromEntries(examples.map((e) => [e.name, join(root, "examples", `${e.name}.ts`)]));

/** Runs every example built into `outDir` at once, each in its own environment; name -> what it printed. */
export async function runExamples(outDir: string): Promise<Record<string, string>> {
  const printed = await Promise.all(examples.map((e) => runExampleAsync(outDir, e) as Promise<string>));
  return Object.fromEntries(examples.map((e, i) => [e.name, printed[i]!]));
}

/** What each example prints when built by plain tsc, without the plugin. */
export function tscOutputs(): Promise<Record<string, string>> {
  return runExamples(buildExamples("tsc", join(outRoot, "tsc")) as string);
}

/** All the JavaScript a build wrote (entries and chunks), concatenated. */
export function writtenCode(outDir: string): string {
  return readdirSync(outDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".js"))
    .map((f) => readFileSync(join(outDir, f), "utf8"))
    .join("\n");
}
