// An arrow's expression body.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export const twice = (job: Arc<Job>): number => job.run() + job.run(); // error: TS9012
