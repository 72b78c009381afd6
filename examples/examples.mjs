// The examples, how to build them, and how to run one: shared by `npm start` and the tests.
import { execFile, execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const root = fileURLToPath(new URL("..", import.meta.url));

export const examples = [
  { name: "event-queue", title: "a kernel-style event queue: List<Work> with self: ListArc<this> receivers" },
  { name: "shared-file", title: "deterministic release of a file descriptor shared through Arcs" },
  { name: "user-pointer", title: "a user-defined @SmartPointer Rc<T> as a receiver and behind an interface" },
  { name: "worker-pool", title: "a worker pool sharing one large buffer and one open file through SharedArc" },
  { name: "saturation", title: "refcount saturation and its warning (release mode)", env: { NODE_ENV: "production" } },
];

/** The builds: plain `tsc` (no plugin), and `tspc` with the plugin under each expansion strategy. */
export const builds = ["inline", "thunk", "tsc"];

/**
 * Compiles the examples with `build` into `outDir` (a test that runs beside another gives its own);
 * returns the output folder. Throws if the build fails.
 */
export function buildExamples(build, outDir = `examples/build/${build}`) {
  const compiler = build === "tsc" ? "typescript/bin/tsc" : "ts-patch/bin/tspc.js";
  const project = build === "tsc" ? "examples/tsconfig.json" : `examples/tsconfig.${build}.json`;
  execFileSync(process.execPath, [`${root}node_modules/${compiler}`, "-p", project, "--outDir", outDir], { cwd: root, stdio: "inherit" });
  return outDir;
}

/** The node command that runs one built example (`<outDir>/<name>.js`), in the example's environment. */
const exampleCommand = (outDir, example) => [
  process.execPath,
  [`${outDir}/${example.name}.js`],
  { cwd: root, encoding: "utf8", env: { ...process.env, NODE_ENV: "development", ...example.env } },
];

/** Runs one built example; returns what it printed. */
export function runExample(outDir, example) {
  return execFileSync(...exampleCommand(outDir, example));
}

/** runExample without blocking, so several examples run at once; rejects if the example fails. */
export async function runExampleAsync(outDir, example) {
  return (await promisify(execFile)(...exampleCommand(outDir, example))).stdout;
}
