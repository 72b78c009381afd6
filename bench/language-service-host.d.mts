import type TS from "typescript";

export declare function memoryHost(
  ts: typeof TS,
  options: TS.CompilerOptions,
  currentDirectory: string,
  texts: Map<string, string>,
): { host: TS.LanguageServiceHost; edit(fileName: string, text: string): void };
