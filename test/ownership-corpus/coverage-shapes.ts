// Less common shapes the walker must follow: compound logical assignment, typeof, `!`, instanceof,
// element access, `new` arguments, spread, computed keys, an accessor in an object literal.
import { Arc } from "ts-smart-pointer";
import { flag, Job, make } from "./_shared.js";

export function f(store: Record<string, unknown>, list: unknown[]): unknown {
  let job = make(); // error: TS9016 (when `seen` is true, job is overwritten below)
  let seen = flag();
  seen ||= job.run() > 0;
  console.log(typeof job, !job, job instanceof Object, store[job.name]); // error: TS9012
  job = make();
  const copy = new Map([["k", Arc.clone(job)]]);
  const values = [...list, { [job.name]: 1, get size() { return Arc.strongCount(job); } }];
  Arc.drop(job);
  return [seen, copy, values];
}
