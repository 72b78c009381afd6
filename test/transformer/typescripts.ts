import ts50 from "typescript-5.0";
import ts59 from "typescript";
import ts60 from "typescript-6.0";

/**
 * The TypeScript versions the plugins run under through the JavaScript API, as `[version, ts]`
 * for `describe.each`. The others' APIs are used through 5.9's types, by the same calls.
 */
export const typescripts = [
  ["5.0", ts50],
  ["5.9", ts59],
  ["6.0", ts60],
] as unknown as [string, typeof ts59][];
