// Dropped at the end of the try and again in the catch: if the drop threw (a destructor that throws), the catch would drop twice.
import { Arc } from "ts-smart-pointer";
import { make } from "./_shared.js";

export function f(): void {
  const job = make();
  try {
    JSON.parse("{}");
    Arc.drop(job);
  } catch {
    Arc.drop(job); // error: TS9012
  }
}
