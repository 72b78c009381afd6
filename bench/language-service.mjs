// `node bench/language-service.mjs <project dir> plain|plugin`: a language service over a project,
// plain or with the editor plugin, timing what an editor asks of it. Prints one JSON line:
// `all`: CPU ms for the semantic diagnostics of every file of a fresh service;
// `edits`: CPU ms for the semantic diagnostics of the edited file, summed over EDITS edits (a new
// program each, as when typing).
import { readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import plugin from "../dist/transformer/language-service.js";
import { memoryHost } from "./language-service-host.mjs";

const EDITS = 20;
const [dir, mode] = process.argv.slice(2);
const config = ts.getParsedCommandLineOfConfigFile(join(dir, "tsconfig.json"), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => { throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n")); } });
const texts = new Map(config.fileNames.map((f) => [f, readFileSync(f, "utf8")]));
const { host, edit } = memoryHost(ts, config.options, dir, texts);
const plain = ts.createLanguageService(host);
const service = mode === "plugin" ? plugin({ typescript: ts }).create({ languageService: plain }) : plain;

/** CPU ms of `fn` in this process: less disturbed than wall time by other processes on the machine. */
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
  edit(f, texts.get(f) + `\nexport const edit${i} = ${i};\n`);
  edits += timed(() => (found += service.getSemanticDiagnostics(f).length));
}
// The project is correct code: any diagnostic means the two services did not do the same work.
if (found !== 0) throw new Error(`expected no diagnostics in the bench project, got ${found}`);
console.log(JSON.stringify({ all, edits }));
