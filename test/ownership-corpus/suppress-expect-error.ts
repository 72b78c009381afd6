// `@ts-expect-error` on the line before silences our diagnostic.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  job.run();
  // @ts-expect-error: the next line uses a moved pointer on purpose
  job.describe();
}
