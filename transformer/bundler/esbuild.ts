/** The bundler plugin for esbuild: `import smartPointer from "ts-smart-pointer/bundler/esbuild"`, then `smartPointer(options)` in its plugins. */
import { unplugin } from "../bundler.js";

export default unplugin.esbuild;
