// A helper the file examples share (not an example itself).
import { fstatSync } from "node:fs";

/** True while `fd` is an open file descriptor of this process. */
export function isOpen(fd: number): boolean {
  try {
    fstatSync(fd);
    return true;
  } catch {
    return false;
  }
}
