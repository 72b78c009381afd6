/**
 * The little of version-3 source maps that the Node loader needs: the map of a type stripper's
 * output composed with the map of the expansion's edits, so that positions in the JavaScript Node
 * runs point into the TypeScript the user wrote, and that map inlined as a data URL.
 */

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
 * One mapping: the generated column, then (if it maps) the source index, source line and source
 * column, then (if it has one) the name index; all 0-based and absolute.
 */
type Segment = number[];

const BASE64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const DIGIT = new Map([...BASE64].map((c, i) => [c, i]));

/**
 * The `mappings` string decoded, one array of segments per generated line, with the relative
 * fields made absolute. Throws on a character that is not base64 (a map that is not version 3).
 */
export function decodeMappings(mappings: string): Segment[][] {
  const lines: Segment[][] = [];
  const state = [0, 0, 0, 0, 0]; // column (reset per line), source, line, source column, name
  for (const line of mappings.split(";")) {
    state[0] = 0;
    const segments: Segment[] = [];
    for (const text of line.split(",")) {
      if (text === "") continue;
      const fields: number[] = [];
      let value = 0;
      let shift = 0;
      for (const c of text) {
        const digit = DIGIT.get(c);
        if (digit === undefined) throw new SyntaxError(`not a source map segment: ${JSON.stringify(text)}`);
        value += (digit & 31) << shift;
        if (digit & 32) shift += 5;
        else {
          const field = fields.length;
          state[field] = state[field]! + (value & 1 ? -(value >>> 1) : value >>> 1);
          fields.push(state[field]!);
          value = shift = 0;
        }
      }
      segments.push(fields);
    }
    lines.push(segments);
  }
  return lines;
}

/** The inverse of decodeMappings. */
export function encodeMappings(lines: readonly (readonly Segment[])[]): string {
  const state = [0, 0, 0, 0, 0];
  return lines
    .map((segments) => {
      state[0] = 0;
      return segments
        .map((segment) =>
          segment
            .map((field, i) => {
              let value = field - state[i]!;
              state[i] = field;
              value = value < 0 ? (-value << 1) | 1 : value << 1;
              let text = "";
              do {
                const digit = value & 31;
                value >>>= 5;
                text += BASE64[value > 0 ? digit | 32 : digit];
              } while (value > 0);
              return text;
            })
            .join(""),
        )
        .join(",");
    })
    .join(";");
}

/**
 * The map from `outer`'s generated code to `inner`'s sources, where `outer` maps that code to the
 * text `inner` generated (`outer` has one source: that text). Each position goes through the
 * `inner` segment at or before it on its line, as source-map tools trace; a position with none
 * is left unmapped. Names are dropped (a stack trace does not use them).
 */
export function composeSourceMaps(outer: RawSourceMap, inner: RawSourceMap): RawSourceMap {
  const innerLines = decodeMappings(inner.mappings);
  const lines = decodeMappings(outer.mappings).map((segments) =>
    segments.flatMap((segment): Segment[] => {
      if (segment.length === 1) return [];
      const traced = lastAtOrBefore(innerLines[segment[2]] ?? [], segment[3]);
      return traced && traced.length > 1 ? [[segment[0], traced[1]!, traced[2]!, traced[3]!]] : [];
    }),
  );
  return { version: 3, sources: inner.sources, sourcesContent: inner.sourcesContent, names: [], mappings: encodeMappings(lines) };
}

/** The last of a line's segments (sorted by column) that starts at or before `column`. */
function lastAtOrBefore(segments: readonly Segment[], column: number): Segment | undefined {
  let found: Segment | undefined;
  for (const segment of segments) {
    if (segment[0] > column) break;
    found = segment;
  }
  return found;
}

/** `code` with `map` appended as an inline source map (what Node's --enable-source-maps reads). */
export function withInlineSourceMap(code: string, map: RawSourceMap): string {
  const base = code.replace(/\n\/\/# sourceMappingURL=\S*\s*$/, "");
  return `${base}\n//# sourceMappingURL=data:application/json;base64,${Buffer.from(JSON.stringify(map)).toString("base64")}\n`;
}
