"use strict";
/**
 * `require("ts-smart-pointer")` loads the ESM build itself through Node's require(esm) (Node 20.19+,
 * 22.12+), so `require` and `import` share one copy of the runtime: its symbols, pointer kinds,
 * receiver tables and release mode. A CommonJS copy would be a second runtime whose pointers the
 * first rejects (the dual-package hazard).
 */
module.exports = function requireEsm(load, path, entry) {
  try {
    return load(path);
  } catch (error) {
    if (error?.code !== "ERR_REQUIRE_ESM") throw error;
    throw new Error(
      `require("${entry}") needs Node's require(esm), on by default from Node 20.19 and 22.12, but off in this Node (${process.versions.node}): ` +
        `upgrade Node (and do not pass --no-experimental-require-module), or load the package with \`import\` / \`await import("${entry}")\`.`,
      { cause: error },
    );
  }
};
