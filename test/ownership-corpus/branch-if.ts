import { Arc } from "ts-smart-pointer";
import { flag, Job } from "./_shared.js";

export function f(): void {
  const job = Arc.new(new Job()); // error: TS9016
  if (flag()) {
    job.run();
  }
  job.describe(); // error: TS9012
}
