/** The bundler plugin for rspack: `import smartPointer from "ts-smart-pointer/bundler/rspack"`, then `smartPointer(options)` in its plugins. */
import { unplugin } from "../bundler.js";

export default unplugin.rspack;
