import { badInputMatrix, frozenItems } from "./bad-input.js";

const load = () => import("../runtime/index.js");
badInputMatrix("debug", load);
frozenItems("debug", load);
