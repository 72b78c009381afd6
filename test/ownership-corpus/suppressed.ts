import { Arc } from "ts-smart-pointer";
import { Job } from "./_shared.js";

export function f(): string {
  const job = Arc.new(new Job());
  job.run();
  // @ts-ignore: the plugin's diagnostics obey the directive too
  return job.name;
}
