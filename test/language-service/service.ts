import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type TS from "typescript";
import init from "../../transformer/language-service.js";
import { compilerOptions, root } from "../transformer/compile.js";

/** Where the in-memory files live: under the repository, so `ts-smart-pointer` resolves to this package. */
export const dir = join(root, "test/.out/language-service-memory");

/** A real language service over in-memory files, as an editor's host keeps them, plain and with the plugin. */
export function languageService(ts: typeof TS, files: Record<string, string>) {
  mkdirSync(dir, { recursive: true }); // module resolution looks only in directories that exist
  const texts = new Map(Object.entries(files).map(([name, text]) => [join(dir, name), text]));
  const versions = new Map<string, number>();
  const host: TS.LanguageServiceHost = {
    getCompilationSettings: () => ({ ...compilerOptions(ts), types: [] }),
    getScriptFileNames: () => [...texts.keys()],
    getScriptVersion: (f) => String(versions.get(f) ?? 0),
    getScriptSnapshot: (f) => {
      const text = texts.get(f) ?? ts.sys.readFile(f);
      return text === undefined ? undefined : ts.ScriptSnapshot.fromString(text);
    },
    getCurrentDirectory: () => dir,
    getDefaultLibFileName: (options) => ts.getDefaultLibFilePath(options),
    fileExists: (f) => texts.has(f) || ts.sys.fileExists(f),
    readFile: (f) => texts.get(f) ?? ts.sys.readFile(f),
    readDirectory: ts.sys.readDirectory,
    directoryExists: ts.sys.directoryExists,
    getDirectories: ts.sys.getDirectories,
    realpath: ts.sys.realpath,
  };
  const plain = ts.createLanguageService(host);
  const withPlugin = init({ typescript: ts }).create({ languageService: plain } as TS.server.PluginCreateInfo);
  return {
    plain,
    service: withPlugin,
    path: (name: string) => join(dir, name),
    text: (name: string) => texts.get(join(dir, name))!,
    /** Replaces `name`'s text, as the editor does on a keystroke. */
    edit(name: string, text: string) {
      const path = join(dir, name);
      texts.set(path, text);
      versions.set(path, (versions.get(path) ?? 0) + 1);
    },
  };
}
