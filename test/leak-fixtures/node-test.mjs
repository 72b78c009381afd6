// Run by test/leaks-node.test.ts as `node --test`: assertNoLeaks after each test.
import { afterEach, test } from "node:test";
import { Arc, trackLeaks } from "ts-smart-pointer";
import { assertNoLeaks } from "ts-smart-pointer/testing";

trackLeaks({ onLeak() {} });
afterEach(() => assertNoLeaks());

class Job {}

test("drops everything", (t) => {
  t.diagnostic(`gc exposed: ${typeof globalThis.gc === "function"}`);
  const a = Arc.new(new Job());
  Arc.drop(Arc.clone(a));
  Arc.drop(a);
});

test("leaks two pointers when LEAK=1", () => {
  if (process.env.LEAK === "1") Arc.clone(Arc.new(new Job())); // site: leak
});
