import { describe, expect, test } from "vitest";
// @ts-expect-error a plain .mjs module shared with `npm start`, without type declarations
import { buildExamples, builds, examples, runExample } from "../examples/examples.mjs";

interface Example {
  name: string;
  title: string;
  env?: Record<string, string>;
}

/** What each example must show, whichever way it was built. */
const shows: Record<string, RegExp[]> = {
  "event-queue": [/cancelled: timeout-1\ntimeout-1: released/, /spawner\.child: 0 left/, /drained in 6 steps; queue empty: true/],
  "shared-file": [/owners while metrics writes: 3/, /fd open: true/, /fd open after the block: false; closed 1 time\(s\)/, /\| audit: user logged in/],
  "user-pointer": [/logger: logger \(shared by 2\)/, /cache: cache with 128 entries \(shared by 1\)/],
  "worker-pool": [/owners: 5\nmain dropped its pointer; file open: true/, /released 1 time\(s\), in a worker: true, when 4 of 4 workers were done/, /file open after the pool: false/, /worker 3: sum of bytes 50331648\.\.67108864 = 507041/],
  saturation: [/warning: RefcountSaturationWarning: refcount_t: saturated at 2147483647/, /count after 2147483647 leaked clones: Infinity/, /buffer freed: false/],
};

describe("the examples, built with the plugin (both strategies) and with plain tsc", () => {
  const outputs = new Map<string, Map<string, string>>();
  for (const build of builds as string[]) {
    test(`build and run: ${build}`, () => {
      const outDir = buildExamples(build);
      outputs.set(build, new Map((examples as Example[]).map((e) => [e.name, runExample(outDir, e)])));
      for (const e of examples as Example[]) for (const pattern of shows[e.name]!) expect(outputs.get(build)!.get(e.name)).toMatch(pattern);
    }, 120_000);
  }

  test("every build prints identical output", () => {
    expect([...outputs.keys()].sort()).toEqual([...(builds as string[])].sort());
    const [first, ...rest] = [...outputs.values()];
    for (const other of rest) expect(other).toEqual(first);
  });
});
