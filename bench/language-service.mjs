// `node bench/language-service.mjs <project dir> plain|plugin`: a language service over a project,
// plain or with the editor plugin, timing what an editor asks of it. Prints one JSON line:
// `all`: CPU ms for the semantic diagnostics of every file of a fresh service;
// `edits`: CPU ms for the semantic diagnostics of the edited file, summed over EDITS edits (a new
// program each, as when typing).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import plugin from "../dist/transformer/language-service.js";

const EDITS = 20;
const [dir, mode] = process.argv.slice(2);
const config = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
const texts = new Map(config.fileNames.map((f) => [f, readFileSync(f, "utf8")]));
const versions = new Map();
const host = {
  getCompilationSettings: () => config.options,
  getScriptFileNames: () => config.fileNames,
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
const service = mode === "plugin" ? plugin({ typescript: ts }).create({ languageService: plain }) : plain;

/** CPU ms of `fn` in this process: the figure holds on a loaded machine, where wall time does not. */
const timed = (fn) => {
  const start = process.cpuUsage();
  fn();
  const { user, system } = process.cpuUsage(start);
  return (user + system) / 1e3;
};
let found = 0;
const all = timed(() => {
  for (const f of config.fileNames) found += service.getSemanticDiagnostics(f).length;
});
let edits = 0;
for (let i = 0; i < EDITS; i++) {
  const f = config.fileNames[(i * 37) % config.fileNames.length];
  texts.set(f, texts.get(f) + `\nexport const edit${i} = ${i};\n`);
  versions.set(f, (versions.get(f) ?? 0) + 1);
  edits += timed(() => (found += service.getSemanticDiagnostics(f).length));
}
// The project is correct code: any diagnostic means the two services did not do the same work.
if (found !== 0) throw new Error(`expected no diagnostics in the bench project, got ${found}`);
console.log(JSON.stringify({ all, edits }));
