import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type TS from "typescript";
import { memoryHost } from "../../bench/language-service-host.mjs";
import init from "../../transformer/language-service.js";
import { compilerOptions, root } from "../transformer/compile.js";

/** Where the in-memory files live: under the repository, so `ts-smart-pointer` resolves to this package. */
export const dir = join(root, "test/.out/language-service-memory");

/**
 * A real language service over in-memory files, as an editor's host keeps them, plain and with the
 * plugin; `options` adds to the compiler options (e.g. the transformer's plugin entry).
 */
export function languageService(ts: typeof TS, files: Record<string, string>, options: TS.CompilerOptions = {}) {
  mkdirSync(dir, { recursive: true }); // module resolution looks only in directories that exist
  const texts = new Map(Object.entries(files).map(([name, text]) => [join(dir, name), text]));
  const { host, edit } = memoryHost(ts, { ...compilerOptions(ts), types: [], ...options }, dir, texts);
  const plain = ts.createLanguageService(host);
  const withPlugin = init({ typescript: ts }).create({ languageService: plain } as TS.server.PluginCreateInfo);
  return {
    plain,
    service: withPlugin,
    path: (name: string) => join(dir, name),
    text: (name: string) => texts.get(join(dir, name))!,
    /** Replaces `name`'s text, as the editor does on a keystroke. */
    edit: (name: string, text: string) => edit(join(dir, name), text),
  };
}
