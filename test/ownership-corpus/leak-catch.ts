// Dropped at the end of the try only: when JSON.parse throws, the catch path leaks.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make(); // error: TS9016
  try {
    JSON.parse("{}");
    Arc.drop(job);
  } catch {
    console.log("bad json");
  }
}
