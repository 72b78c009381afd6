// Declarations the walker passes over: a namespace, an enum, a type, a class expression, a nested
// label, and a for-of loop over an existing variable that each iteration reassigns (losing the
// first pointer: a leak).
import { Arc } from "ts-smart-pointer";
import { Job, make } from "./_shared.js";

export function f(jobs: Arc<Job>[]): void {
  let job = make(); // error: TS9016
  enum Colour {
    Red,
  }
  type Alias = Arc<Job>;
  const Local = class {
    n = Colour.Red;
  };
  outer: inner: for (job of jobs) {
    const alias: Alias = job;
    console.log(new Local().n, alias.name);
    if (job !== alias) continue outer;
    job.run();
    break inner;
  }
  job.describe(); // error: TS9012
}

export namespace Space {
  export const value = 1;
}
export default make;
