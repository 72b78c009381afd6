/**
 * The source maps of the Node loader: the map of a type stripper's output composed with the map
 * of the expansion's edits (so that positions in the JavaScript Node runs point into the
 * TypeScript the user wrote), and that map inlined as a data URL.
 */
import remapping from "@jridgewell/remapping";

/** A version-3 source map, as JSON. */
export interface RawSourceMap {
  readonly version: 3;
  readonly sources: readonly (string | null)[];
  readonly sourcesContent?: readonly (string | null)[];
  readonly names: readonly string[];
  readonly mappings: string;
  readonly file?: string;
}

/**
 * The map from `outer`'s generated code to `inner`'s sources, where `outer` maps that code to the
 * text `inner` generated. A position that maps to text the edits inserted maps nowhere.
 */
export function composeSourceMaps(outer: RawSourceMap, inner: RawSourceMap): RawSourceMap {
  const composed = remapping([outer as never, inner as never], () => null);
  return { version: 3, sources: composed.sources, sourcesContent: composed.sourcesContent, names: composed.names, mappings: composed.mappings as string };
}

/** `code` with `map` appended as an inline source map (what Node's --enable-source-maps reads). */
export function withInlineSourceMap(code: string, map: RawSourceMap): string {
  const base = code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, "");
  return `${base}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
}
