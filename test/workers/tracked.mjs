// A shared value for the thread tests, loaded by the test (the runtime's source, through vitest)
// and by every worker (the built runtime): one class, registered in each thread by name.
//
// Every value's bookkeeping lives in one SharedArrayBuffer "board", kept by the test beside the
// runtime's count. `holders` is the test's own count of live handles and unreceived messages:
// it is raised after a count is taken and lowered before one is dropped, so it never exceeds the
// runtime's count. A release that finds holders > 0 was early: some handle still owned the value.
import { threadId } from "node:worker_threads";
import { SharedArc } from "ts-smart-pointer";

const HEADER = 4;
const FIELDS = 5;
/** Header cells. */
export const NEXT_ID = 0;
export const IN_FLIGHT = 1;
/** Per-value cells. */
export const RELEASES = 0;
export const HOLDERS = 1;
export const EARLY = 2; // releases that found holders > 0
export const USED_AFTER = 3; // uses by a holder that found the value already released
export const RELEASED_BY = 4; // the releasing thread's id + 1

export function newBoard(capacity) {
  return new Int32Array(new SharedArrayBuffer((HEADER + capacity * FIELDS) * 4));
}
export function capacityOf(board) {
  return (board.length - HEADER) / FIELDS;
}
export function cell(board, id, field) {
  return HEADER + id * FIELDS + field;
}

export class Tracked {
  constructor(board, id) {
    this.board = board;
    this.id = id;
  }
  /** A holder took a count (after the runtime did). */
  held() {
    Atomics.add(this.board, cell(this.board, this.id, HOLDERS), 1);
    this.check();
  }
  /** A holder is about to drop its count (before the runtime does). */
  letGo() {
    this.check();
    Atomics.sub(this.board, cell(this.board, this.id, HOLDERS), 1);
  }
  /** A use by a holder: the value must not be released yet. */
  check() {
    if (Atomics.load(this.board, cell(this.board, this.id, RELEASES)) !== 0) Atomics.add(this.board, cell(this.board, this.id, USED_AFTER), 1);
  }
  [Symbol.dispose]() {
    const { board, id } = this;
    if (Atomics.load(board, cell(board, id, HOLDERS)) !== 0) Atomics.add(board, cell(board, id, EARLY), 1);
    Atomics.add(board, cell(board, id, RELEASES), 1);
    Atomics.store(board, cell(board, id, RELEASED_BY), threadId + 1);
  }
}
SharedArc.register(Tracked);

/** A new value with the next free id on `board` (the caller holds it: holders is 1). */
export function newTracked(board) {
  const id = Atomics.add(board, NEXT_ID, 1);
  if (id >= capacityOf(board)) throw new Error(`board full: ${id}`);
  const arc = SharedArc.new(new Tracked(board, id));
  arc.held();
  return arc;
}
