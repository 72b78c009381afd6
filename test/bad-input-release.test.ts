import { badInputMatrix, frozenItems } from "./bad-input.js";

// Release mode is fixed when the runtime loads, so this file sets it before loading.
process.env.NODE_ENV = "production";
const load = () => import("../runtime/index.js");
badInputMatrix("release", load);
frozenItems("release", load);
