// Builds the examples and runs each one, printing what it shows: `npm start`.
// Usage: node examples/run.mjs [inline|thunk|tsc]   (default: the plugin's inline expansion, through tspc)
import { buildExamples, examples, runExample } from "./examples.mjs";

const build = process.argv[2] ?? "inline";
const outDir = buildExamples(build);
for (const example of examples) {
  console.log(`\n=== ${example.name}: ${example.title}`);
  process.stdout.write(runExample(outDir, example));
}
