"use strict";
// The CommonJS entry: the ESM build itself, not a copy (see require-esm.cjs).
module.exports = require("./require-esm.cjs")(require, "../dist/runtime/index.js", "ts-smart-pointer");
