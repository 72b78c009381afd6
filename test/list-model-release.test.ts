import { test } from "vitest";
import { checkListModel } from "./list-model.js";

// The same model-based test in release mode, where the list trusts the types for liveness but
// must still never be corrupted. Release mode is fixed when the runtime loads.
process.env.NODE_ENV = "production";

test("release mode: random sequences keep every list equal to the model and every value dropped once", async () => {
  checkListModel(await import("../runtime/index.js"), { runs: 1_000, maxCommands: 200 });
}, 300_000);
