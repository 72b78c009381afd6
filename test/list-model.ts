import fc from "fast-check";
import { strongCountOf } from "./helpers.js";

/**
 * Model-based test: long random sequences of list, cursor and ListArc operations over two lists
 * for each of two ids, checked after every step against an array model.
 *
 * The invariant, after every step (`check`, which changes nothing): no sequence of valid public
 * calls throws, and misuse throws a library error (a SmartPointerError, or a TypeError naming
 * the operation) and changes nothing; every list's contents and length equal the model's; at
 * most one ListArc exists per (value, id), and the tracker agrees; strong counts match; each
 * value's destructor has run exactly when its last reference went, exactly once. At the end of a sequence the test drops everything it holds and
 * every destructor must have run exactly once: an item a list lost (or duplicated) fails here.
 *
 * The generator is built to reach the states where tombstones matter (README, Performance): a
 * removal by `remove(item)` only marks the node, so most commands act on the few values most
 * recently used, removed items are re-inserted at either end and at a cursor (the LRU touch),
 * a removed ListArc may be dropped or demoted while its tombstone stays in the cycle, bulk
 * commands build lists long enough for compaction, and a cursor lives across steps.
 */

type Runtime = typeof import("../runtime/index.js");

export interface ListModelOptions {
  /** Sequences to run. */
  runs: number;
  /** The longest sequence (commands whose precondition fails are skipped). */
  maxCommands: number;
}

/**
 * Runs random sequences against `rt` (a runtime loaded in debug or release mode), throwing on
 * the first disagreement with the model. Shared by list-model.test.ts and its release twin.
 */
export function checkListModel(rt: Runtime, { runs, maxCommands }: ListModelOptions): void {
  const { Arc, List, ListArc, ListItem, SmartPointerError } = rt;
  type Arc<T> = import("../runtime/index.js").Arc<T>;
  type ListArc<T, ID extends number = 0> = import("../runtime/index.js").ListArc<T, ID>;
  type List<T, ID extends number = 0> = import("../runtime/index.js").List<T, ID>;
  type Cursor<T, ID extends number = 0> = import("../runtime/index.js").Cursor<T, ID>;

  @ListItem(0, 1)
  class Value {
    disposed = 0;
    constructor(readonly n: number) {}
    [Symbol.dispose](): void {
      this.disposed++;
    }
  }

  /** Enough values for compaction (more than 16 tombstones in one list) by the bulk commands. */
  const VALUES = 20;
  const IDS = [0, 1] as const;
  type Id = (typeof IDS)[number];
  const LIST_IDS: Id[] = [0, 0, 1, 1]; // list i has id LIST_IDS[i]

  /** Where the one ListArc of (value, id) is: nowhere, held by the test, or in list i. */
  type Place = "none" | "held" | number;

  interface Model {
    lists: number[][];
    place: Place[][]; // [value][id]
    arcs: number[]; // plain Arcs the test holds, per value
    /** The cursor: in list `list`, after `index` items. Null when none or invalidated. */
    cursor: { list: number; index: number } | null;
  }

  interface Real {
    values: Value[];
    lists: List<Value, Id>[];
    arcs: Arc<Value>[][];
    held: (ListArc<Value, Id> | null)[][];
    /** The handle last pushed for (value, id): a misuse to push again while it is in a list. */
    pushed: (ListArc<Value, Id> | null)[][];
    cursor: Cursor<Value, Id> | null;
  }

  type Cmd = fc.Command<Model, Real>;

  /** A cheap assertion: `expect` per step would dominate the run. */
  function assert(ok: boolean, what: string): void {
    if (!ok) throw new Error(`model mismatch: ${what}`);
  }

  const strongRefs = (m: Model, v: number): number => m.arcs[v]! + IDS.filter((id) => m.place[v]![id] !== "none").length;

  /** Some pointer the test holds to value `v`, to read its strong count; null if only lists hold it. */
  const heldPointer = (r: Real, v: number): object | null => r.arcs[v]![0] ?? r.held[v]!.find((h) => h !== null) ?? null;

  function check(m: Model, r: Real): void {
    for (let i = 0; i < m.lists.length; i++) {
      const real = [...r.lists[i]!].map((b) => b.n).join();
      assert(real === m.lists[i]!.join(), `list ${i} is [${real}], model [${m.lists[i]}]`);
      assert(r.lists[i]!.isEmpty() === (m.lists[i]!.length === 0), `isEmpty of list ${i}`);
      assert(r.lists[i]!.len() === m.lists[i]!.length, `len of list ${i} is ${r.lists[i]!.len()}, model ${m.lists[i]!.length}`);
    }
    for (let v = 0; v < VALUES; v++) {
      const refs = strongRefs(m, v);
      assert(r.values[v]!.disposed === (refs === 0 ? 1 : 0), `value ${v} disposed ${r.values[v]!.disposed} times with ${refs} references`);
      if (refs === 0) continue;
      for (const id of IDS) {
        const places = m.lists.flatMap((l, i) => (LIST_IDS[i] === id && l.includes(v) ? [i] : []));
        assert(places.length <= 1 && m.lists.every((l) => l.indexOf(v) === l.lastIndexOf(v)), `model: value ${v} twice for id ${id}`);
        assert(m.place[v]![id] === (places.length === 1 ? places[0] : r.held[v]![id] !== null ? "held" : "none"), `model: place of ${v}/${id}`);
        if (m.arcs[v]! > 0) {
          // The tracker agrees: a new ListArc is refused exactly when one exists.
          const arc = Arc.clone(r.arcs[v]![0]!);
          const probe = ListArc.tryFromArc(arc, id);
          assert((probe === null) === (m.place[v]![id] !== "none"), `tracker of ${v}/${id} disagrees`);
          Arc.drop(probe ? ListArc.intoArc(probe) : arc);
        }
      }
      const p = heldPointer(r, v);
      if (p !== null) assert(strongCountOf(p) === refs, `strong count of ${v} is ${strongCountOf(p)}, model ${refs}`);
      for (const la of r.held[v]!) if (la !== null) assert(ListArc.strongCount(la) === refs, `ListArc.strongCount of ${v}`);
    }
  }

  /** The cursor of list `l` no longer rests where the model says: the list changed behind it. */
  function invalidateCursor(m: Model, r: Real, ...lists: number[]): void {
    if (m.cursor !== null && lists.includes(m.cursor.list)) {
      m.cursor = null;
      r.cursor = null;
    }
  }

  /** Library errors: the family, or a TypeError that names the operation (never an engine error). */
  function expectLibraryError(call: () => void, what: string): void {
    try {
      call();
    } catch (error) {
      const named = error instanceof TypeError && /^(List|Cursor|CursorPeek|ListArc)\b/.test(error.message);
      assert(error instanceof SmartPointerError || named, `${what} threw a non-library error: ${String(error)}`);
      return;
    }
    assert(false, `${what} did not throw`);
  }

  const cmd = (name: string, pre: (m: Model) => boolean, run: (m: Model, r: Real) => void): Cmd => ({
    check: pre,
    run(m, r) {
      run(m, r);
      check(m, r);
    },
    toString: () => name,
  });

  /** Mostly the four values most recently in play, so removed items are soon re-inserted. */
  const value = fc.oneof({ arbitrary: fc.nat(3), weight: 4 }, { arbitrary: fc.nat(VALUES - 1), weight: 1 });
  const id = fc.constantFrom<Id>(...IDS);
  const list = fc.nat(LIST_IDS.length - 1);
  const mask = fc.nat(0xfffff);
  const held = (m: Model, v: number, l: number) => m.place[v]![LIST_IDS[l]!] === "held";
  const inList = (m: Model, v: number, l: number) => m.place[v]![LIST_IDS[l]!] === l;

  /** Gives the test the ListArc `la` of (v, id), which a list handed back. */
  function takeBack(m: Model, r: Real, v: number, i: Id, la: ListArc<Value, Id>): void {
    assert(la.n === v, `got ${la.n}, model ${v}`);
    assert(r.held[v]![i] === null, `a second ListArc for ${v}/${i}`);
    r.held[v]![i] = la;
    m.place[v]![i] = "held";
  }

  /** Pushes the held ListArc of `v` into list `l`, at the front or the back. */
  function push(m: Model, r: Real, v: number, l: number, front: boolean): void {
    const i = LIST_IDS[l]!;
    const la = r.held[v]![i]!;
    r.lists[l]![front ? "pushFront" : "pushBack"](la);
    r.held[v]![i] = null;
    r.pushed[v]![i] = la;
    m.place[v]![i] = l;
    if (front) m.lists[l]!.unshift(v);
    else m.lists[l]!.push(v);
  }

  function removeItem(m: Model, r: Real, v: number, l: number): void {
    const la = r.lists[l]!.remove(r.values[v]!);
    const at = m.lists[l]!.indexOf(v);
    assert((la !== null) === (at >= 0), `remove ${v} from L${l}: ${la === null ? "null" : "an item"}, model ${at}`);
    if (la) {
      m.lists[l]!.splice(at, 1);
      takeBack(m, r, v, LIST_IDS[l]!, la);
    }
  }

  const commands = [
    fc.tuple(value).map(([v]) =>
      cmd(`clone ${v}`, (m) => m.arcs[v]! > 0, (m, r) => {
        r.arcs[v]!.push(Arc.clone(r.arcs[v]![0]!));
        m.arcs[v]!++;
      }),
    ),
    fc.tuple(value).map(([v]) =>
      cmd(`dropArc ${v}`, (m) => m.arcs[v]! > 0, (m, r) => {
        Arc.drop(r.arcs[v]!.pop()!);
        m.arcs[v]!--;
      }),
    ),
    fc.tuple(value, id, fc.boolean()).map(([v, i, orDrop]) =>
      cmd(`tryFromArc${orDrop ? "OrDrop" : ""} ${v} id${i}`, (m) => m.arcs[v]! > 0, (m, r) => {
        const arc = r.arcs[v]!.at(-1)!;
        const la = orDrop ? ListArc.tryFromArcOrDrop(arc, i) : ListArc.tryFromArc(arc, i);
        assert((la === null) === (m.place[v]![i] !== "none"), "tryFromArc refused exactly when a ListArc exists");
        if (la !== null || orDrop) {
          r.arcs[v]!.pop(); // taken over, or dropped (a ListArc exists, so not the last reference)
          m.arcs[v]!--;
        }
        if (la) takeBack(m, r, v, i, la);
      }),
    ),
    fc.tuple(value, id).map(([v, i]) =>
      cmd(`intoArc ${v} id${i}`, (m) => m.place[v]![i] === "held", (m, r) => {
        r.arcs[v]!.push(ListArc.intoArc(r.held[v]![i]!));
        m.arcs[v]!++;
        r.held[v]![i] = null;
        m.place[v]![i] = "none";
      }),
    ),
    fc.tuple(value, id).map(([v, i]) =>
      cmd(`dropListArc ${v} id${i}`, (m) => m.place[v]![i] === "held", (m, r) => {
        ListArc.drop(r.held[v]![i]!);
        r.held[v]![i] = null;
        m.place[v]![i] = "none";
      }),
    ),
    fc.tuple(value, list, fc.boolean()).map(([v, l, front]) =>
      cmd(`push${front ? "Front" : "Back"} ${v} -> L${l}`, (m) => held(m, v, l), (m, r) => {
        push(m, r, v, l, front);
        invalidateCursor(m, r, l);
      }),
    ),
    fc.tuple(list, fc.boolean()).map(([l, back]) =>
      cmd(`pop${back ? "Back" : "Front"} L${l}`, () => true, (m, r) => {
        const la = back ? r.lists[l]!.popBack() : r.lists[l]!.popFront();
        const v = back ? m.lists[l]!.pop() : m.lists[l]!.shift();
        assert(la?.n === v, `pop got ${la?.n}, model ${v}`);
        if (la) takeBack(m, r, v!, LIST_IDS[l]!, la);
        invalidateCursor(m, r, l);
      }),
    ),
    fc.tuple(list, value).map(([l, v]) =>
      cmd(`remove ${v} from L${l}`, () => true, (m, r) => {
        removeItem(m, r, v, l);
        invalidateCursor(m, r, l);
      }),
    ),
    // The LRU "touch": remove an item and put it back at an end of the same list, or of another.
    fc.tuple(value, list, list, fc.boolean()).map(([v, from, to, front]) =>
      cmd(`touch ${v}: L${from} -> ${front ? "front" : "back"} of L${to}`, (m) => inList(m, v, from) && LIST_IDS[from] === LIST_IDS[to], (m, r) => {
        removeItem(m, r, v, from);
        push(m, r, v, to, front);
        invalidateCursor(m, r, from, to);
      }),
    ),
    // Bulk: every held ListArc of the list's id into it (front or back per a bit of the mask).
    fc.tuple(list, mask).map(([l, bits]) =>
      cmd(`pushAll held -> L${l} (${bits})`, () => true, (m, r) => {
        for (let v = 0; v < VALUES; v++) if (held(m, v, l)) push(m, r, v, l, ((bits >> v) & 1) === 1);
        invalidateCursor(m, r, l);
      }),
    ),
    // Bulk: `remove(item)` of the items a mask selects, leaving a tombstone each.
    fc.tuple(list, mask).map(([l, bits]) =>
      cmd(`removeMany L${l} (${bits})`, () => true, (m, r) => {
        for (let v = 0; v < VALUES; v++) if ((bits >> v) & 1 && inList(m, v, l)) removeItem(m, r, v, l);
        invalidateCursor(m, r, l);
      }),
    ),
    // Bulk: a ListArc for every value that has none, and every held one demoted back to an Arc
    // (a removed one's tombstone stays in its list: the next remove of the same items adds more).
    fc.tuple(id).map(([i]) =>
      cmd(`tryFromArc all id${i}`, () => true, (m, r) => {
        for (let v = 0; v < VALUES; v++) {
          if (m.arcs[v]! === 0 || m.place[v]![i] !== "none") continue;
          takeBack(m, r, v, i, ListArc.tryFromArc(r.arcs[v]!.pop()!, i)!);
          m.arcs[v]!--;
        }
      }),
    ),
    fc.tuple(id).map(([i]) =>
      cmd(`intoArc all id${i}`, () => true, (m, r) => {
        for (let v = 0; v < VALUES; v++) {
          if (m.place[v]![i] !== "held") continue;
          r.arcs[v]!.push(ListArc.intoArc(r.held[v]![i]!));
          m.arcs[v]!++;
          r.held[v]![i] = null;
          m.place[v]![i] = "none";
        }
      }),
    ),
    fc.tuple(list, list).map(([dst, src]) =>
      cmd(`pushAllBack L${src} -> L${dst}`, () => LIST_IDS[dst] === LIST_IDS[src], (m, r) => {
        r.lists[dst]!.pushAllBack(r.lists[src]!);
        if (dst !== src) {
          for (const v of m.lists[src]!) m.place[v]![LIST_IDS[src]!] = dst;
          m.lists[dst]!.push(...m.lists[src]!.splice(0));
          invalidateCursor(m, r, src, dst);
        }
      }),
    ),
    fc.tuple(list).map(([l]) =>
      cmd(`dispose L${l}`, () => true, (m, r) => {
        r.lists[l]![Symbol.dispose]();
        for (const v of m.lists[l]!.splice(0)) m.place[v]![LIST_IDS[l]!] = "none";
        invalidateCursor(m, r, l);
      }),
    ),

    // The cursor: made at either end, then moved, peeked, inserted at and removed at, across steps.
    fc.tuple(list, fc.boolean()).map(([l, back]) =>
      cmd(`cursor${back ? "Back" : "Front"} L${l}`, () => true, (m, r) => {
        r.cursor = back ? r.lists[l]!.cursorBack() : r.lists[l]!.cursorFront();
        m.cursor = { list: l, index: back ? m.lists[l]!.length : 0 };
      }),
    ),
    // A cursor where an item was just removed: next to its tombstone, which a re-insert of the
    // item into another list unlinks behind the cursor's back.
    fc.tuple(list, value).map(([l, v]) =>
      cmd(`remove ${v} from L${l}, cursor where it was`, (m) => inList(m, v, l), (m, r) => {
        const at = m.lists[l]!.indexOf(v);
        removeItem(m, r, v, l);
        r.cursor = r.lists[l]!.cursorFront();
        for (let k = 0; k < at; k++) r.cursor.moveNext();
        m.cursor = { list: l, index: at };
      }),
    ),
    fc.tuple(fc.boolean(), fc.nat(3)).map(([next, times]) =>
      cmd(`cursor move${next ? "Next" : "Prev"} x${times + 1}`, (m) => m.cursor !== null, (m, r) => {
        const c = m.cursor!;
        for (let t = 0; t <= times; t++) {
          const can = next ? c.index < m.lists[c.list]!.length : c.index > 0;
          assert((next ? r.cursor!.moveNext() : r.cursor!.movePrev()) === can, `cursor move at ${c.index} of ${m.lists[c.list]!.length}`);
          if (can) c.index += next ? 1 : -1;
        }
      }),
    ),
    fc.tuple(fc.boolean()).map(([next]) =>
      cmd(`cursor peek${next ? "Next" : "Prev"}`, (m) => m.cursor !== null, (m, r) => {
        const c = m.cursor!;
        const expected = m.lists[c.list]![next ? c.index : c.index - 1];
        const peek = next ? r.cursor!.peekNext() : r.cursor!.peekPrev();
        assert(peek?.arc().n === expected, `cursor peek got ${peek?.arc().n}, model ${expected}`);
      }),
    ),
    fc.tuple(fc.boolean(), fc.boolean()).map(([next, viaPeek]) =>
      cmd(`cursor remove${next ? "Next" : "Prev"}${viaPeek ? " (peek)" : ""}`, (m) => m.cursor !== null, (m, r) => {
        const c = m.cursor!;
        const at = next ? c.index : c.index - 1;
        const v = m.lists[c.list]![at];
        const la = viaPeek ? ((next ? r.cursor!.peekNext() : r.cursor!.peekPrev())?.remove() ?? null) : next ? r.cursor!.removeNext() : r.cursor!.removePrev();
        assert(la?.n === v, `cursor remove got ${la?.n}, model ${v}`);
        if (v === undefined) return;
        m.lists[c.list]!.splice(at, 1);
        if (!next) c.index--;
        takeBack(m, r, v, LIST_IDS[c.list]!, la!);
      }),
    ),
    fc.tuple(value, fc.boolean()).map(([v, next]) =>
      cmd(`cursor insert${next ? "Next" : "Prev"} ${v}`, (m) => m.cursor !== null && held(m, v, m.cursor.list), (m, r) => {
        const c = m.cursor!;
        const i = LIST_IDS[c.list]!;
        const la = r.held[v]![i]!;
        if (next) r.cursor!.insertNext(la);
        else r.cursor!.insertPrev(la);
        r.held[v]![i] = null;
        r.pushed[v]![i] = la;
        m.place[v]![i] = c.list;
        m.lists[c.list]!.splice(c.index, 0, v);
        if (!next) c.index++;
      }),
    ),

    // Misuse: a library error, and nothing changes (check() runs after).
    fc.tuple(value, id, list).map(([v, i, l]) =>
      cmd(`push again ${v} id${i} (in a list) -> L${l}`, (m) => typeof m.place[v]![i] === "number" && LIST_IDS[l] === i, (m, r) => {
        expectLibraryError(() => r.lists[l]!.pushFront(r.pushed[v]![i]!), "pushFront of a ListArc in a list");
      }),
    ),
    fc.tuple(value, id, list).map(([v, i, l]) =>
      cmd(`push ${v} id${i} -> L${l} of the other id`, (m) => m.place[v]![i] === "held" && LIST_IDS[l] !== i, (m, r) => {
        expectLibraryError(() => r.lists[l]!.pushBack(r.held[v]![i]! as never), "pushBack into a list of another id");
      }),
    ),
    // Peeks at the ends unlink the tombstones there (so they are a command, not part of check(),
    // which must leave the tombstones for the next command): they disturb no cursor.
    fc.tuple(list).map(([l]) =>
      cmd(`front and back of L${l}`, () => true, (m, r) => {
        assert(r.lists[l]!.front()?.n === m.lists[l]![0], `front of list ${l}`);
        assert(r.lists[l]!.back()?.n === m.lists[l]!.at(-1), `back of list ${l}`);
      }),
    ),
  ];

  function setup(): { model: Model; real: Real } {
    const values = Array.from({ length: VALUES }, (_, n) => new Value(n));
    const perValue = <X>(f: () => X): X[] => values.map(f);
    return {
      model: { lists: LIST_IDS.map(() => []), place: perValue((): Place[] => ["none", "none"]), arcs: perValue(() => 1), cursor: null },
      real: {
        values,
        lists: LIST_IDS.map((i) => new List<Value, Id>(i as 0)),
        arcs: values.map((v) => [Arc.new(v)]),
        held: perValue(() => [null, null]),
        pushed: perValue(() => [null, null]),
        cursor: null,
      },
    };
  }

  /** Drops everything the test holds: every value must then have been dropped exactly once. */
  function teardown(r: Real): void {
    r.cursor = null;
    for (const l of r.lists) l[Symbol.dispose]();
    for (const perId of r.held) for (const la of perId) if (la !== null) ListArc.drop(la);
    for (const arcs of r.arcs) for (const a of arcs) Arc.drop(a);
    for (const v of r.values) assert(v.disposed === 1, `value ${v.n} was disposed ${v.disposed} times once everything was dropped`);
  }

  fc.assert(
    fc.property(fc.commands(commands, { maxCommands, size: "max" }), (cmds) => {
      const { model, real } = setup();
      fc.modelRun(() => ({ model, real }), cmds);
      teardown(real);
    }),
    { numRuns: runs },
  );
}
