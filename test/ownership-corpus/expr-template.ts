// A moving call inside a template literal.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): string {
  const job = make();
  const text = `ran ${job.run()}`;
  return text + job.name; // error: TS9012
}
