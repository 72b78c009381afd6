// Creating a moving closure in a loop moves the pointer in each iteration.
import { Arc, ArcBorrow, List, ListArc, UniqueArc } from "ts-smart-pointer";
import { consume, flag, Job, make, Task } from "./_shared.js";

export function f(callbacks: (() => void)[]): void {
  const job = make(); // error: TS9016
  for (let i = 0; i < 2; i++) {
    callbacks.push(() => Arc.drop(job)); // error: TS9014
  }
}
