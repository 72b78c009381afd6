import { test } from "vitest";
import * as runtime from "../runtime/index.js";
import { checkListModel } from "./list-model.js";

/**
 * Model-based test (debug mode): long random sequences of list, cursor and ListArc operations,
 * checked after every step against an array model (see list-model.ts for the invariant).
 */
test("random operation sequences keep every list equal to the model, every ListArc unique and every value dropped once", () => {
  checkListModel(runtime, { runs: 1_000, maxCommands: 200 });
}, 300_000);
