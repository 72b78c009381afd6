import MagicString, { type SourceMap } from "magic-string";
import type { FileAnalysis } from "./core/analyse.js";
import type { CallSite, ClassSite, ReadSite, Site, TempScope } from "./core/sites.js";
import { ABI_EXPORT, ABI_MODULE } from "./emit.js";
import type { Options } from "./options.js";

/**
 * The expansion as text edits on the TypeScript source, for tools that strip types without running
 * a transformer (esbuild, oxc, Rollup and webpack loaders, Node's loaders, TypeScript 7's emit).
 * It renders the analysis's sites as expand.ts and emit.ts do, to the same code: stripping the
 * types of the edited source gives the tspc output, token for token, and the tests check it.
 * A file with no site is left alone (undefined: the source as it was).
 */

export interface ExpandedSource {
  readonly code: string;
  /** Maps the edited source back to the original (version 3). */
  readonly map: SourceMap;
}

/**
 * One insertion. At one offset, what closes a construct comes before what opens one; among
 * closers the innermost (shortest `extent`) comes first, among openers the outermost.
 */
interface Insertion {
  readonly at: number;
  readonly text: string;
  readonly extent: number;
  readonly closes: boolean;
}

export function expandSource(text: string, fileName: string, analysis: FileAnalysis, options: Options): ExpandedSource | undefined {
  if (analysis.sites.length === 0) return undefined;
  const debug = options.mode === "debug";
  const names = uniqueNames(text);
  const abi = names.unique("__sp");
  const pointee = names.unique("__spPointee");
  const insertions: Insertion[] = [];
  const removals: [start: number, end: number, text: string][] = [];
  const temps = new Map<string, { scope: TempScope; names: string[] }>();
  const thunks = new Map<string, { name: string; declaration: string }>();
  /** Outermost of all: the module's and the functions' own declarations. */
  const OUTERMOST = text.length + 1;

  const open = (at: number, text: string, site: Site): void => void insertions.push({ at, text, extent: site.end - site.start, closes: false });
  const close = (at: number, text: string, site: Site): void => void insertions.push({ at, text, extent: site.end - site.start, closes: true });
  const quote = JSON.stringify;

  /** A temporary hoisted to the call's scope, as TypeScript's `hoistVariableDeclaration` does. */
  function temp(scope: TempScope): string {
    const key = "at" in scope ? `at:${scope.at}` : `arrow:${scope.arrowBody.start}`;
    const name = names.temp(key);
    const entry = temps.get(key) ?? temps.set(key, { scope, names: [] }).get(key)!;
    entry.names.push(name);
    return name;
  }

  function call(site: CallSite): void {
    const { pointer, member, shape } = site;
    if (options.strategy === "thunk") {
      open(pointer.start, `${thunk(member, shape)}(`, site);
      removals.push([pointer.end, site.argsAt, site.hasArgs ? ", " : ""]);
      return;
    }
    const rest = site.hasArgs ? ", " : "";
    if (shape === "method") return deref(site, pointer);
    if (shape === "move" && debug) {
      const t = temp(site.scope);
      open(pointer.start, `(${t} = ${abi}.move(`, site);
      close(pointer.end, `, ${quote(member)}))[${pointee}]`, site);
      return open(site.argsAt, t + rest, site);
    }
    if (site.reusable) {
      deref(site, pointer);
      return open(site.argsAt, text.slice(pointer.start, pointer.end) + rest, site);
    }
    const t = temp(site.scope);
    if (debug) {
      open(pointer.start, `${abi}.live((${t} = `, site);
      close(pointer.end, `), ${quote(member)})`, site);
    } else {
      open(pointer.start, `(${t} = `, site);
      close(pointer.end, `)[${pointee}]`, site);
    }
    open(site.argsAt, t + rest, site);
  }

  /** The pointee of `pointer`, read for the site's member (as emit.ts's `deref`). */
  function deref(site: CallSite | ReadSite, pointer: { start: number; end: number }): void {
    if (!debug) return close(pointer.end, `[${pointee}]`, site);
    open(pointer.start, `${abi}.live(`, site);
    close(pointer.end, `, ${quote(site.member)})`, site);
  }

  /** One function per (member, shape) for the file, declared at its end (emit.ts's thunks). */
  function thunk(member: string, shape: CallSite["shape"]): string {
    const key = `${shape}:${member}`;
    const found = thunks.get(key);
    if (found) return found.name;
    const name = names.unique(`__sp_${shape}_${member}`);
    const self = shape === "method" ? "" : "p, ";
    const body =
      shape === "move" && debug
        ? `const s = ${abi}.move(p, ${quote(member)}); return s[${pointee}].${member}(s, ...a);`
        : `return ${debug ? `${abi}.live(p, ${quote(member)})` : `p[${pointee}]`}.${member}(${self}...a);`;
    thunks.set(key, { name, declaration: `function ${name}(p, ...a) { ${body} }` });
    return name;
  }

  function cls(site: ClassSite): void {
    const glue: string[] = [];
    for (const g of site.glue) {
      glue.push(g.is === "pointer" ? `${abi}.pointer(this);` : `${abi}.listItem(this, [${g.ids.join(", ")}]);`);
      removals.push([g.start, g.end + /^\s*/.exec(text.slice(g.end))![0].length, ""]);
    }
    if (site.table) {
      const table = site.receivers.map(([name, kind]) => `${quote(name)}: ${quote(kind)}`).join(", ");
      glue.push(`${abi}.receivers(this, { ${table} });`);
    }
    const createSlots = `${abi}.listSlots(this);`;
    const slots = site.slots;
    if (slots?.is === "constructor" && slots.derived) {
      const args = names.unique("args");
      open(site.bodyOpen, `constructor(...${args}) { super(...${args}); ${createSlots} }`, site);
    } else if (slots?.is === "constructor") {
      open(site.bodyOpen, `constructor() { ${createSlots} }`, site);
    } else if (slots) {
      const ended = slots.index === 0 || text[slots.at - 1] === ";" || text[slots.at - 1] === "}";
      open(slots.at, ` ${ended ? "" : ";"}${createSlots}`, site);
    }
    // After the constructor added at `{` of an empty body. On a line of its own: after a member
    // with no `;`, ASI ends it before `static`.
    open(site.bodyClose, `\nstatic { ${glue.join(" ")} }\n`, site);
  }

  // Post-order, as the AST renderer meets them: a temporary or a thunk is made after the sites
  // inside its call's pointer and arguments, so both renderers number them alike.
  const postOrder = [...analysis.sites].sort((a, b) => a.end - b.end || b.start - a.start);
  for (const site of postOrder) {
    if (site.is === "call") call(site);
    else if (site.is === "read") deref(site, site.pointer);
    else cls(site);
  }

  const s = new MagicString(text);
  const { layout } = analysis;
  insertions.push({ at: layout.importsEnd, text: `${layout.importsEnd > 0 ? "\n" : ""}import { ${ABI_EXPORT} as ${abi} } from "${ABI_MODULE}";\nconst ${pointee} = ${abi}.Pointee;\n`, extent: OUTERMOST + 1, closes: false });
  for (const { scope, names: declared } of temps.values()) {
    const declaration = `var ${declared.join(", ")};`;
    if ("at" in scope) {
      insertions.push({ at: scope.at, text: scope.at === layout.bodyStart ? `${declaration}\n` : ` ${declaration}`, extent: OUTERMOST, closes: false });
    } else {
      // A concise arrow body becomes a block for its temporaries: `=> { var _a; return body; }`.
      const extent = scope.arrowBody.end - scope.arrowBody.start + 0.5;
      insertions.push({ at: scope.arrowBody.start, text: `{ ${declaration} return `, extent, closes: false }, { at: scope.arrowBody.end, text: "; }", extent, closes: true });
    }
  }
  insertions.sort((a, b) => a.at - b.at || Number(b.closes) - Number(a.closes) || (a.closes ? a.extent - b.extent : b.extent - a.extent));
  // A statement the edits open with `(` must not continue the previous one, which has no `;`.
  const hazards = new Set(analysis.sites.filter((site) => site.is === "call" && site.afterUnterminated).map((site) => site.start));
  for (const [n, i] of insertions.entries()) {
    const first = !i.closes && hazards.delete(i.at);
    if (first && i.text.startsWith("(")) insertions[n] = { ...i, text: `;${i.text}` };
  }
  for (const i of insertions) {
    if (i.closes) s.appendLeft(i.at, i.text);
    else s.appendRight(i.at, i.text);
  }
  for (const [start, end, replacement] of removals) {
    if (replacement) s.overwrite(start, end, replacement, { contentOnly: true });
    else s.remove(start, end);
  }
  if (thunks.size > 0) s.append(`\n${[...thunks.values()].map((t) => t.declaration).join("\n")}\n`);
  return { code: s.toString(), map: s.generateMap({ source: fileName, includeContent: true, hires: "boundary" }) };
}

/**
 * Names the expansion adds, unique in the file as TypeScript makes them: `base_1` (the first
 * free number), and per scope the temporaries `_a` ... `_z`, `_0` ... (skipping `_i` and `_n`,
 * which it keeps for loops; a nested scope may reuse an outer one's, which it never reads).
 * A name is taken when it appears anywhere in the text, which is stricter than needed.
 */
function uniqueNames(text: string) {
  const taken = new Set(text.match(/[\w$]+/g));
  const temps = new Map<string, number>();
  const claim = (name: string) => (taken.has(name) ? undefined : (taken.add(name), name));
  return {
    unique(base: string): string {
      for (let n = 1; ; n++) {
        const name = claim(`${base}_${n}`);
        if (name) return name;
      }
    },
    temp(scope: string): string {
      for (;;) {
        const count = temps.get(scope) ?? 0;
        temps.set(scope, count + 1);
        if (count === 8 || count === 13) continue;
        const name = count < 26 ? `_${String.fromCharCode(97 + count)}` : `_${count - 26}`;
        if (!taken.has(name)) return name;
      }
    },
  };
}
