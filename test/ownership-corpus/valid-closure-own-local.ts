// A closure that moves only its own locals can be called again.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(): void {
  const once = () => {
    const job = make();
    job.run();
  };
  once();
  once();
}
