import { badInputMatrix, frozenValues } from "./bad-input.js";

// Release mode is fixed when the runtime loads, so this file sets it before loading.
process.env.NODE_ENV = "production";
const load = () => import("../runtime/index.js");
badInputMatrix("release", load);
frozenValues("release", load);
