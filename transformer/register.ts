/**
 * ts-smart-pointer/register: runs a TypeScript program with the expansion applied, no build step:
 *
 *   node --import ts-smart-pointer/register main.ts
 *   node --import tsx --import ts-smart-pointer/register main.ts    (tsx resolves, we load)
 *
 * It installs the module hooks of register-hooks.ts in Node's loader thread (module.register,
 * Node 20.6 and later). Add --enable-source-maps for stack traces in the TypeScript files.
 */
import * as nodeModule from "node:module";

const register = (nodeModule as Partial<typeof nodeModule>).register;
if (!register) throw new Error(`ts-smart-pointer/register needs module.register, which Node ${process.version} lacks: use Node 20.6 or later.`);
register("./register-hooks.js", import.meta.url);
