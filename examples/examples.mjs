// The examples, how to build them, and how to run one: shared by `npm start` and the tests.
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));

export const examples = [
  { name: "event-queue", title: "a kernel-style event queue: List<Work> with self: ListArc<this> receivers" },
  { name: "shared-file", title: "deterministic release of a file descriptor shared through Arcs" },
  { name: "user-pointer", title: "a user-defined @SmartPointer Rc<T> as a receiver and behind an interface" },
  { name: "saturation", title: "refcount saturation and its warning (release mode)", env: { NODE_ENV: "production" } },
];

/** Compiles the examples with `build` ("tsc": plain TypeScript); returns the output folder. */
export function buildExamples(build) {
  const outDir = `examples/build/${build}`;
  execFileSync(process.execPath, [`${root}node_modules/typescript/bin/tsc`, "-p", "examples", "--outDir", outDir], { cwd: root, stdio: "inherit" });
  return outDir;
}

/** Runs one built example; returns what it printed. */
export function runExample(outDir, example) {
  return execFileSync(process.execPath, [`${outDir}/${example.name}.js`], {
    cwd: root,
    encoding: "utf8",
    env: { ...process.env, NODE_ENV: "development", ...example.env },
  });
}
