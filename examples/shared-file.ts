// Deterministic release: one open file descriptor shared by several owners through Arcs.
// Each owner drops its Arc when done (here with `using`); the descriptor is closed exactly
// once, at the moment the last owner lets go, not whenever a garbage collector runs.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Arc } from "ts-smart-pointer";
import { isOpen } from "./fd.js";

class LogFile {
  readonly fd: number;
  closes = 0;
  constructor(readonly path: string) {
    this.fd = openSync(path, "w");
  }
  write(line: string): void {
    writeSync(this.fd, line + "\n");
  }
  /** A writer that takes a share of the file for as long as it lives. */
  writer(self: Arc<this>, name: string): { write(text: string): void; [Symbol.dispose](): void } {
    return {
      write: (text) => this.write(`${name}: ${text}`),
      [Symbol.dispose]: () => Arc.drop(self),
    };
  }
  [Symbol.dispose](): void {
    closeSync(this.fd);
    this.closes++;
    console.log("  the file is closed");
  }
}

const dir = mkdtempSync(join(tmpdir(), "sp-example-"));
const file = new LogFile(join(dir, "log.txt"));
const fd = file.fd;
{
  using shared = Arc.new(file);
  using audit = Arc.clone(shared).writer("audit");
  {
    using metrics = Arc.clone(shared).writer("metrics");
    metrics.write("3 requests");
    console.log(`owners while metrics writes: ${Arc.strongCount(shared)}`);
  }
  audit.write("user logged in");
  console.log(`owners after metrics is done: ${Arc.strongCount(shared)}; fd open: ${isOpen(fd)}`);
  console.log("leaving the block: audit, then shared, drop");
}
console.log(`fd open after the block: ${isOpen(fd)}; closed ${file.closes} time(s)`);
console.log(readFileSync(file.path, "utf8").trimEnd().split("\n").map((l) => `  | ${l}`).join("\n"));
rmSync(dir, { recursive: true });
