// An exported pointer lives as long as the module's users need it.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export const shared = Arc.new(new Job());
