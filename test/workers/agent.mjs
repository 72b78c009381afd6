// One thread of the model test: holds SharedArc handles of Tracked values by value id and runs
// the commands the test sends, reporting what it observes. The test's own thread runs an agent
// too (on the runtime's source); workers wrap one around their parentPort (on the built runtime).
import { SharedArc } from "ts-smart-pointer";
import { Tracked } from "./tracked.mjs";

export function createAgent() {
  let board = null;
  let handles = new Map(); // value id -> this thread's handles of it
  let warnings = [];
  const of = (id) => handles.get(id) ?? [];
  const keep = (id, h) => handles.set(id, [...of(id), h]);
  /** The count seen through one of this thread's handles of `id`, or null if it holds none. */
  const countOf = (id) => (of(id).length > 0 ? SharedArc.strongCount(of(id)[0]) : null);
  const commands = {
    reset(c) {
      board = c.board;
      handles = new Map();
      warnings = [];
    },
    new(c) {
      keep(c.id, SharedArc.new(new Tracked(board, c.id)));
    },
    clone(c) {
      keep(c.id, SharedArc.clone(of(c.id)[0]));
    },
    drop(c) {
      const list = of(c.id);
      SharedArc.drop(list.pop());
    },
    send(c) {
      return SharedArc.send(of(c.id)[0]);
    },
    receive(c) {
      keep(c.id, SharedArc.receive(c.message));
    },
    /** Puts the count at 2^31-2, as the Arc tests do, to reach saturation in a few clones. */
    nearMax(c) {
      Atomics.store(SharedArc.send(of(c.id)[0]).counts, 0, 2 ** 31 - 2);
    },
  };
  const record = (message, options) => warnings.push(options?.code ?? String(message));
  /** Runs one command; returns its result, the count it then sees, and the warnings since the last. */
  return function run(command) {
    const emit = process.emitWarning;
    process.emitWarning = record;
    try {
      const result = commands[command.op](command);
      return { result, count: command.id === undefined ? null : countOf(command.id), warnings: warnings.splice(0) };
    } finally {
      process.emitWarning = emit;
    }
  };
}
