// `@ts-expect-error` on the line before silences our diagnostic with TypeScript's own (an argument too many).
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const job = make();
  job.run();
  // @ts-expect-error: the next line uses a moved pointer, with an argument too many, on purpose
  job.describe(1);
}
