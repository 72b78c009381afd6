/** Source text shared by the user projects of these tests. */

/** A class with a receiver that takes the caller's Arc (a move site) and a plain method. */
export const counterClass = `class Counter {
  n = 0;
  bump(self: Arc<this>, by: number): number {
    this.n += by;
    const n = this.n;
    Arc.drop(self);
    return n;
  }
  get(): number {
    return this.n;
  }
}`;

/**
 * A caller in main.ts of a receiver in job.ts that borrows (`borrowingJob`) or, once job.ts
 * changes to `movingJob`, moves: main.ts, unchanged, then uses \`p\` after the move at (5,30).
 * main.ts exports `go()`; run.ts prints what it returns.
 */
export const borrowingJob = `import { Arc, type ArcBorrow } from "ts-smart-pointer";
export class Job {
  name = "job";
  run(self: ArcBorrow<this>): string {
    return "borrowed";
  }
}
`;
export const movingJob = borrowingJob.replace("self: ArcBorrow<this>): string {", "self: Arc<this>): string {\n    Arc.drop(self);").replace('"borrowed"', '"moved"');
export const jobCaller = `import { Arc } from "ts-smart-pointer";
import { Job } from "./job.js";
export function go(): string {
  const p = Arc.new(new Job());
  const said = \`\${p.run()} \${p.name}\`;
  Arc.drop(p);
  return said;
}
`;
export const jobRunner = `import { go } from "./main.js";
console.log(go());
`;
/** jobCaller that clones before the move. */
export const cloningJobCaller = jobCaller.replace("${p.run()}", "${Arc.clone(p).run()}");
/** The error of jobCaller with movingJob. */
export const useAfterMove = /main\.ts\(5,30\): error TS9012: \[rustc E0382\] use of moved value: `p` was moved by `p\.run\(\)` on line 5/;
