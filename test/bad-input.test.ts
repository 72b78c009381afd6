import { badInputMatrix, frozenValues } from "./bad-input.js";

const load = () => import("../runtime/index.js");
badInputMatrix("debug", load);
frozenValues("debug", load);
