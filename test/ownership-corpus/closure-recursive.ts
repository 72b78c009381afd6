// A recursive move-once closure, and a function declaration that captures a pointer (it may run at
// any time, so it is left alone, as a class is).
import { Arc } from "ts-smart-pointer";
import { flag, make } from "./_shared.js";

export function f(): void {
  const job = make();
  const again = (): void => {
    if (flag()) again();
  };
  again();
  again();
  function later(): number {
    return Arc.strongCount(job);
  }
  console.log(later());
  const once = (): void => Arc.drop(job);
  once();
  once(); // error: TS9015
}
