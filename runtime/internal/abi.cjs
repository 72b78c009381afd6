"use strict";
// What plugin-compiled CommonJS code requires: the ESM build itself, not a copy (see ../require-esm.cjs).
module.exports = require("../require-esm.cjs")(require, "../../dist/runtime/internal/abi.js", "ts-smart-pointer/internal/abi");
