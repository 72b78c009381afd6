// The catch sees what the try may have moved before throwing.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  try {
    job.run();
    JSON.parse("{");
  } catch {
    Arc.drop(job); // error: TS9012
  }
}
