// `node bench/vite-edit.mjs <project dir> vite|vite-8 plugin|plain [edits]`: a Vite dev server
// (middleware mode) over a generated project, with the bundler plugin or without (the baseline),
// timing what a developer waits for. Prints one
// JSON line: `load`: ms to transform every module, as a first page load does (the analysis opens
// the whole program); `edits`: per edit of one file on disk, ms from Vite's handling of the
// watcher's change event (the module invalidated, the plugin's watchChange called) to the file's
// transform, as the browser's re-request after HMR asks for it; `inPlugin`: the part of that in
// the plugin's transform (the analysis and the edits); `endToEnd`: ms from the write.
// Restores the edited file at the end.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join, resolve } from "node:path";

const [dirArg, vitePackage, mode, editsArg = "9"] = process.argv.slice(2);
if (mode !== "plugin" && mode !== "plain") throw new Error(`usage: node bench/vite-edit.mjs <project dir> vite|vite-8 plugin|plain [edits]`);
const dir = resolve(dirArg); // the watcher reports absolute paths
const require = createRequire(import.meta.url);
const { createServer } = await import(require.resolve(vitePackage));
const { default: smartPointer } = await import("../dist/transformer/bundler/vite.js");

/** The plugin with its transform timed: `pluginMs` is the last transform's time in the plugin. */
let pluginMs = 0;
function timed(plugin) {
  const transform = plugin.transform;
  return {
    ...plugin,
    async transform(...args) {
      const start = now();
      try {
        return await transform.apply(this, args);
      } finally {
        pluginMs = now() - start;
      }
    },
  };
}
const now = () => performance.now();
const server = await createServer({
  root: dir,
  configFile: false,
  logLevel: "silent",
  appType: "custom",
  plugins: mode === "plugin" ? [timed(smartPointer())] : [],
  server: { middlewareMode: true, ws: false },
  optimizeDeps: { noDiscovery: true, include: [] },
});
const files = readdirSync(dir).filter((f) => /^m\d+\.ts$/.test(f));
try {
  const start = now();
  for (const f of files) await server.transformRequest(`/${f}`);
  const load = now() - start;

  const name = `m${files.length >> 1}.ts`;
  const file = join(dir, name);
  const original = readFileSync(file, "utf8");
  const edits = [];
  const endToEnd = [];
  const inPlugin = [];
  try {
    for (let i = 0; i < Number(editsArg); i++) {
      const edited = original.replace(/label = "(n\d+)";/, `label = "$1-edit${i}";`);
      // At a person's pace: the watcher drops a change that follows the last within some tens of ms.
      await new Promise((resolve) => setTimeout(resolve, 300));
      const changed = new Promise((resolve, reject) => {
        const late = setTimeout(() => reject(new Error(`Vite's watcher did not report the change of ${file} within 10 s`)), 10_000);
        server.watcher.once("change", () => resolve(clearTimeout(late)));
      });
      const written = now();
      writeFileSync(file, edited);
      await changed;
      // Vite's own change listener ran first; wait for it to invalidate the module.
      const mod = await server.moduleGraph.getModuleByUrl(`/${name}`);
      while (mod.transformResult) await new Promise((r) => setImmediate(r));
      const noticed = now();
      const result = await server.transformRequest(`/${name}`);
      const done = now();
      if (!result.code.includes(`-edit${i}`)) throw new Error(`the transform of ${name} after edit ${i} does not have the edit`);
      if (mode === "plugin" && !result.code.includes("__sp_1.receivers(")) throw new Error(`the transform of ${name} is not expanded`);
      edits.push(done - noticed);
      if (mode === "plugin") inPlugin.push(pluginMs);
      endToEnd.push(done - written);
    }
  } finally {
    writeFileSync(file, original);
  }
  console.log(JSON.stringify({ load, edits, inPlugin, endToEnd }));
} finally {
  await server.close();
}
// Vite leaves fs watchers open after close once it served a file from outside the root (the
// runtime, through the node_modules symlink), which would keep this process alive.
process.exit();
