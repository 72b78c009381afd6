// A worker pool sharing one large buffer and one open file through SharedArc. Each worker gets its
// own pointer (a message carrying a count), sums its slice of the buffer, writes a line to the file
// and drops its pointer. The release (closing the file) runs exactly once, in the thread of the
// last drop, at the moment the last worker is done: not when the main thread lets go, and not
// whenever a garbage collector runs.
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Worker, isMainThread, workerData } from "node:worker_threads";
import { SharedArc, type SharedArcMessage } from "ts-smart-pointer";
import { isOpen } from "./fd.js";

const WORKERS = 4;
const BYTES = 64 * 1024 * 1024;
// Cells of `stats`: workers done, releases, workers done when released, released in a worker.
const DONE = 0;
const RELEASES = 1;
const DONE_AT_RELEASE = 2;
const IN_WORKER = 3;

/** The shared job: a large SharedArrayBuffer region, an open file, and the pool's counters. */
class Job {
  constructor(
    readonly pixels: Uint8Array,
    readonly fd: number,
    readonly stats: Int32Array,
  ) {}
  sum(from: number, to: number): number {
    let total = 0;
    for (let i = from; i < to; i++) total += this.pixels[i]!;
    return total;
  }
  log(line: string): void {
    writeSync(this.fd, line + "\n");
  }
  /** The release: runs once, in whichever thread drops the last pointer. */
  [Symbol.dispose](): void {
    Atomics.store(this.stats, DONE_AT_RELEASE, Atomics.load(this.stats, DONE));
    Atomics.store(this.stats, IN_WORKER, isMainThread ? 0 : 1);
    Atomics.add(this.stats, RELEASES, 1);
    closeSync(this.fd);
  }
}
SharedArc.register(Job); // in every thread: each one loads this module

interface Task {
  job: SharedArcMessage<Job>;
  index: number;
}

if (isMainThread) {
  const pixels = new Uint8Array(new SharedArrayBuffer(BYTES));
  for (let i = 0; i < BYTES; i += 4096) pixels[i] = (i / 4096) % 251;
  const dir = mkdtempSync(join(tmpdir(), "sp-pool-"));
  const path = join(dir, "results.txt");
  const stats = new Int32Array(new SharedArrayBuffer(16));
  const job = SharedArc.new(new Job(pixels, openSync(path, "w"), stats));
  const fd = job.fd;

  const exits = Array.from({ length: WORKERS }, (_, index) => {
    const task: Task = { job: SharedArc.send(job), index }; // a clone travels; we keep ours
    // The file is the process's, not the worker's: Node must not track it as the worker's own.
    const worker = new Worker(new URL(import.meta.url), { workerData: task, trackUnmanagedFds: false });
    return new Promise((resolve) => worker.once("exit", resolve));
  });
  console.log(`${WORKERS} workers share one ${BYTES / 1024 / 1024} MiB buffer and one file; owners: ${SharedArc.strongCount(job)}`);
  SharedArc.drop(job); // the main thread is done with it: the workers keep it alive
  console.log(`main dropped its pointer; file open: ${isOpen(fd)}`);
  await Promise.all(exits);
  console.log(`released ${Atomics.load(stats, RELEASES)} time(s), in a worker: ${Atomics.load(stats, IN_WORKER) === 1}, when ${Atomics.load(stats, DONE_AT_RELEASE)} of ${WORKERS} workers were done`);
  console.log(`file open after the pool: ${isOpen(fd)}`);
  const lines = readFileSync(path, "utf8").trimEnd().split("\n").sort();
  console.log(lines.map((l) => `  | ${l}`).join("\n"));
  rmSync(dir, { recursive: true });
} else {
  const { job: message, index } = workerData as Task;
  const job = SharedArc.receive(message);
  const slice = BYTES / WORKERS;
  const total = job.sum(index * slice, (index + 1) * slice);
  job.log(`worker ${index}: sum of bytes ${index * slice}..${(index + 1) * slice} = ${total}`);
  Atomics.add(job.stats, DONE, 1);
  SharedArc.drop(job); // the last worker to get here closes the file
}
