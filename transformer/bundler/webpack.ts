/** The bundler plugin for webpack: `import smartPointer from "ts-smart-pointer/bundler/webpack"`, then `smartPointer(options)` in its plugins. */
import { unplugin } from "../bundler.js";

export default unplugin.webpack;
