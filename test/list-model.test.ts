import { test } from "vitest";
import * as runtime from "../runtime/index.js";
import { checkListModel } from "./list-model.js";

/**
 * Model-based test (debug mode): random sequences of list and ListArc operations over two lists
 * for each of two ids, checked after every step against an array model, the ListArc uniqueness
 * invariant (at most one ListArc per value and id) and the strong counts. 10^4 sequences.
 */
test("random operation sequences keep every list equal to the model and every ListArc unique", () => {
  checkListModel(runtime);
}, 120_000);
