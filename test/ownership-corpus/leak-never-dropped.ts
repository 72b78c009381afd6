import { Arc } from "ts-smart-pointer";
import { Job } from "./_shared.js";

export function f(): string {
  const job = Arc.new(new Job()); // error: TS9016
  return job.describe();
}
