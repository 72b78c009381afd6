/** The bundler plugin for vite: `import smartPointer from "ts-smart-pointer/bundler/vite"`, then `smartPointer(options)` in its plugins. */
import { unplugin } from "../bundler.js";

export default unplugin.vite;
