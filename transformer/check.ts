import { existsSync, readFileSync, watch } from "node:fs";
import { dirname, relative, resolve } from "node:path";
import { locate, tscMessage } from "./diagnostic-format.js";
import { transformerEntry } from "./options.js";
import { openProject, ProjectError, type LoadedProject, type Reported } from "./project.js";

/**
 * `ts-smart-pointer check [-p tsconfig.json] [--watch] [--pretty false] [--format json]`: what
 * `tsc --noEmit` reports plus every diagnostic of the plugin, for a whole project, with the
 * project's own TypeScript (5.0-7.x). Exit code 1 when there is an error, 2 for a usage error.
 */

export interface CheckOptions {
  readonly project: string;
  /** Paths are printed relative to this folder, as tsc prints them relative to where it runs. */
  readonly cwd: string;
  readonly watch: boolean;
  readonly pretty: boolean;
  readonly format: "text" | "json";
}

export const CHECK_USAGE = "usage: ts-smart-pointer check [-p tsconfig.json] [--watch] [--pretty true|false] [--format text|json]";

/** The options of `check`'s arguments, or a usage error message. */
export function parseCheckArguments(args: readonly string[], isTty: boolean, cwd = process.cwd()): CheckOptions | string {
  let project = "tsconfig.json";
  let watch = false;
  let pretty = isTty;
  let format: CheckOptions["format"] = "text";
  for (let i = 0; i < args.length; i++) {
    const flag = args[i]!;
    const value = args[i + 1];
    if (flag === "--watch" || flag === "-w") watch = true;
    else if ((flag === "-p" || flag === "--project") && value) (project = value), i++;
    else if (flag === "--pretty" && (value === "true" || value === "false")) (pretty = value === "true"), i++;
    else if (flag === "--format" && (value === "text" || value === "json")) (format = value), i++;
    else return `ts-smart-pointer check: unexpected argument ${JSON.stringify(flag)}\n${CHECK_USAGE}`;
  }
  const path = resolve(cwd, project);
  const config = existsSync(path) && !path.endsWith(".json") ? resolve(path, "tsconfig.json") : path;
  return { project: config, cwd, watch, pretty, format: watch ? "text" : format };
}

export async function check(options: CheckOptions, out: (text: string) => void): Promise<number> {
  if (!existsSync(options.project)) {
    out(`ts-smart-pointer check: cannot find ${options.project}: pass the project with -p path/to/tsconfig.json\n`);
    return 2;
  }
  let project: LoadedProject;
  try {
    project = await openProject(options.project);
  } catch (error) {
    if (!(error instanceof ProjectError)) throw error;
    out(`ts-smart-pointer check: ${error.message}\n`);
    return 2;
  }
  if (!options.watch) {
    const found = reportedOf(project, options);
    project.close();
    out(options.format === "json" ? formatJson(found) : formatAll(found, options));
    return found.some((d) => d.category === "error") ? 1 : 0;
  }
  return watchProject(project, options, out);
}

/** Everything to report for `project`, TypeScript's first, each group in file order. */
function reportedOf(project: LoadedProject, { project: config, cwd }: CheckOptions): Reported[] {
  const ours = project.files.flatMap((file) =>
    file.diagnostics.map((d): Reported => ({ fileName: file.fileName, start: d.start, length: d.length, code: d.code, category: d.category, text: d.text, source: "ts-smart-pointer", fixes: d.fixes })),
  );
  return [...pluginIgnored(project, config, cwd), ...project.typescriptDiagnostics, ...ours];
}

/**
 * TypeScript 7 has no transformer API: its `tsc` ignores a `transform` plugin entry without a
 * word, so the expansion and the compile errors are silently lost. Say so, once per check.
 */
function pluginIgnored(project: LoadedProject, config: string, cwd: string): Reported[] {
  if (project.typescript.backend !== "native" || !transformerEntry(project.plugins)) return [];
  const text =
    `${relative(cwd, config)} lists the ts-smart-pointer/transformer plugin, but this project's TypeScript is ${project.typescript.version}, whose tsc runs no transformer: ` +
    `the build ignores the entry, so the expansion does not happen (the runtime does the same work, slower) and its compile errors are only reported here. ` +
    `To keep the expansion, build with a bundler and its ts-smart-pointer/bundler plugin (which uses TypeScript 7), or with TypeScript 5.x or 6.x and ts-patch's tspc (npm i -D typescript@6 ts-patch); run \`ts-smart-pointer check\` in CI for the errors.`;
  return [{ fileName: config, start: 0, length: 0, code: 9100, category: "warning", text, source: "ts-smart-pointer" }];
}

async function watchProject(first: LoadedProject, options: CheckOptions, out: (text: string) => void): Promise<number> {
  let project = first;
  const print = () => {
    const found = reportedOf(project, options);
    const errors = found.filter((d) => d.category === "error").length;
    out(`${formatAll(found, options, false)}[${new Date().toLocaleTimeString()}] Found ${errors} error${errors === 1 ? "" : "s"}. Watching for file changes.\n`);
  };
  let timer: NodeJS.Timeout | undefined;
  let running = Promise.resolve();
  const changed = new Set<string>();
  const folder = dirname(options.project);
  const watcher = watch(folder, { recursive: true }, (_, name) => {
    if (!name || /(^|[\\/])node_modules[\\/]/.test(name) || !/\.([cm]?tsx?|json)$/.test(name)) return;
    changed.add(resolve(folder, name));
    clearTimeout(timer);
    timer = setTimeout(() => {
      const files = [...changed];
      changed.clear();
      running = running.then(async () => {
        project = await project.reload(files);
        print();
      });
    }, 50); // an editor's save writes several times: one check per burst
  });
  print(); // once watching: an edit made as soon as this is printed is seen
  return new Promise<number>((done) => {
    const stop = () => {
      watcher.close();
      void running.then(() => {
        project.close();
        done(0);
      });
    };
    process.once("SIGINT", stop);
    process.once("SIGTERM", stop);
  });
}

/** The texts of the files diagnostics point into, read once per report. */
function fileTexts(): (fileName: string) => string {
  const texts = new Map<string, string>();
  return (fileName) => {
    if (!texts.has(fileName)) texts.set(fileName, existsSync(fileName) ? readFileSync(fileName, "utf8") : "");
    return texts.get(fileName)!;
  };
}

/** The diagnostics as `tsc` prints them: `file(line,col): error TSxxxx: text`, or pretty with a code frame. */
function formatAll(found: readonly Reported[], { pretty, cwd }: CheckOptions, summary = true): string {
  const textOf = fileTexts();
  let output = "";
  for (const d of found) {
    const where = d.fileName ? locate(textOf(d.fileName), d.start) : undefined;
    const file = d.fileName && relative(cwd, d.fileName);
    if (!pretty) {
      output += `${file ? tscMessage(file, where!, d.category, d.code, d.text) : `${d.category} TS${d.code}: ${d.text}`}\n`;
      continue;
    }
    output += `${file ? `${file}:${where!.line}:${where!.column} - ` : ""}${d.category} TS${d.code}: ${d.text}\n`;
    if (d.fileName) output += `\n${codeFrame(textOf(d.fileName), d.start, d.length)}\n`;
  }
  const errors = found.filter((d) => d.category === "error");
  if (summary && errors.length > 0) {
    const files = new Set(errors.map((d) => d.fileName));
    output += `\nFound ${errors.length} error${errors.length === 1 ? "" : "s"}${files.size > 1 ? ` in ${files.size} files` : ""}.\n`;
  }
  return output;
}

/** The diagnostics as JSON for tools: absolute file, 1-based line and column, and the quick fixes. */
function formatJson(found: readonly Reported[]): string {
  const textOf = fileTexts();
  const json = found.map((d) => ({
    file: d.fileName,
    ...(d.fileName ? locate(textOf(d.fileName), d.start) : {}),
    start: d.start,
    length: d.length,
    code: d.code,
    category: d.category,
    source: d.source,
    message: d.text,
    fixes: d.fixes ?? [],
  }));
  return `${JSON.stringify(json, null, 2)}\n`;
}

/** The diagnostic's first line with `~` under the span, as tsc's pretty output. */
function codeFrame(text: string, start: number, length: number): string {
  const { line, column } = locate(text, start);
  const source = text.split("\n")[line - 1] ?? "";
  const width = Math.max(1, Math.min(length, source.length - column + 1));
  const gutter = String(line);
  return `${gutter} ${source}\n${" ".repeat(gutter.length)} ${" ".repeat(column - 1)}${"~".repeat(width)}\n`;
}
