import { Arc } from "ts-smart-pointer";
import { Job } from "./_shared.js";

export function f(): void {
  const job = Arc.new(new Job()); // error: TS9016
  for (let i = 0; i < 3; i++) {
    job.run(); // error: TS9014
  }
}
