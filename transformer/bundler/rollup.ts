/** The bundler plugin for rollup: `import smartPointer from "ts-smart-pointer/bundler/rollup"`, then `smartPointer(options)` in its plugins. */
import { unplugin } from "../bundler.js";

export default unplugin.rollup;
