import { Arc } from "ts-smart-pointer";
import { Job } from "./_shared.js";

const job = Arc.new(new Job());
job.run();
console.log(job.name); // error: TS9012
