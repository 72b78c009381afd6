// Module level code, as in the README.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

const job = Arc.new(new Job());
job.run();
console.log(job.name); // error: TS9012
