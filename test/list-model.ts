import fc from "fast-check";
import { strongCountOf } from "./helpers.js";

/**
 * Model-based test: random sequences of list and ListArc operations over two lists for each of
 * two ids, checked after every step against an array model, the ListArc uniqueness invariant
 * (at most one ListArc per value and id) and the strong counts.
 */

type Runtime = typeof import("../runtime/index.js");

/**
 * Runs 10^4 random sequences against `rt` (a runtime loaded in debug or release mode), throwing
 * on the first disagreement with the model. Shared by list-model.test.ts and its release twin.
 */
export function checkListModel(rt: Runtime, runs = 10_000): void {
  const { Arc, List, ListArc, ListItem } = rt;
  type Arc<T> = import("../runtime/index.js").Arc<T>;
  type ListArc<T, ID extends number = 0> = import("../runtime/index.js").ListArc<T, ID>;
  type List<T, ID extends number = 0> = import("../runtime/index.js").List<T, ID>;

  @ListItem(0, 1)
  class Value {
    constructor(readonly n: number) {}
  }

  const VALUES = 4;
  const IDS = [0, 1] as const;
  type Id = (typeof IDS)[number];
  const LIST_IDS: Id[] = [0, 0, 1, 1]; // list i has id LIST_IDS[i]

  /** Where the one ListArc of (value, id) is: nowhere, held by the test, or in list i. */
  type Place = "none" | "held" | number;

  interface Model {
    lists: number[][];
    place: Place[][]; // [value][id]
    arcs: number[]; // droppable plain Arcs the test holds, per value (plus one witness each)
  }

  interface Real {
    values: Value[];
    witness: Arc<Value>[];
    lists: List<Value, Id>[];
    arcs: Arc<Value>[][];
    held: (ListArc<Value, Id> | null)[][];
  }

  type Cmd = fc.Command<Model, Real>;

  /** A cheap assertion: `expect` per step would dominate 10^4 sequences. */
  function assert(ok: boolean, what: string): void {
    if (!ok) throw new Error(`model mismatch: ${what}`);
  }

  function check(m: Model, r: Real): void {
    for (let i = 0; i < m.lists.length; i++) {
      const real = [...r.lists[i]!].map((b) => b.n).join();
      assert(real === m.lists[i]!.join(), `list ${i} is [${real}], model [${m.lists[i]}]`);
      assert(r.lists[i]!.isEmpty() === (m.lists[i]!.length === 0), `isEmpty of list ${i}`);
    }
    for (let v = 0; v < VALUES; v++) {
      for (const id of IDS) {
        const places = m.lists.flatMap((l, i) => (LIST_IDS[i] === id && l.includes(v) ? [i] : []));
        assert(places.length <= 1, `value ${v} is in two lists of id ${id}`);
        const inList = places.length === 1;
        const held = r.held[v]![id] !== null;
        assert(!(inList && held), `value ${v} has two ListArcs for id ${id}`);
        assert(m.place[v]![id] === (inList ? places[0] : held ? "held" : "none"), `place of ${v}/${id}`);
        // The tracker agrees: a new ListArc is refused exactly when one exists.
        const arc = Arc.clone(r.witness[v]!);
        const probe = ListArc.tryFromArc(arc, id);
        assert((probe === null) === (inList || held), `tracker of ${v}/${id} disagrees`);
        Arc.drop(probe ? ListArc.intoArc(probe) : arc);
      }
      const listArcs = IDS.filter((id) => m.place[v]![id] !== "none").length;
      assert(strongCountOf(r.witness[v]!) === 1 + m.arcs[v]! + listArcs, `strong count of ${v}`);
    }
  }

  const cmd = (name: string, pre: (m: Model) => boolean, run: (m: Model, r: Real) => void): Cmd => ({
    check: pre,
    run(m, r) {
      run(m, r);
      check(m, r);
    },
    toString: () => name,
  });

  const value = fc.integer({ min: 0, max: VALUES - 1 });
  const id = fc.constantFrom<Id>(...IDS);
  const list = fc.integer({ min: 0, max: LIST_IDS.length - 1 });
  const index = fc.nat(6);

  const commands = [
    fc.tuple(value).map(([v]) =>
      cmd(`clone ${v}`, () => true, (m, r) => {
        r.arcs[v]!.push(Arc.clone(r.witness[v]!));
        m.arcs[v]!++;
      }),
    ),
    fc.tuple(value).map(([v]) =>
      cmd(`dropArc ${v}`, (m) => m.arcs[v]! > 0, (m, r) => {
        Arc.drop(r.arcs[v]!.pop()!);
        m.arcs[v]!--;
      }),
    ),
    fc.tuple(value, id).map(([v, i]) =>
      cmd(`tryFromArc ${v} id${i}`, (m) => m.arcs[v]! > 0, (m, r) => {
        const arc = r.arcs[v]!.at(-1)!;
        const la = ListArc.tryFromArc(arc, i);
        assert((la === null) === (m.place[v]![i] !== "none"), "la === null");
        if (la) {
          r.arcs[v]!.pop();
          m.arcs[v]!--;
          r.held[v]![i] = la;
          m.place[v]![i] = "held";
        }
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
      cmd(`push${front ? "Front" : "Back"} ${v} -> L${l}`, (m) => m.place[v]![LIST_IDS[l]!] === "held", (m, r) => {
        const i = LIST_IDS[l]!;
        r.lists[l]![front ? "pushFront" : "pushBack"](r.held[v]![i]!);
        r.held[v]![i] = null;
        m.place[v]![i] = l;
        if (front) m.lists[l]!.unshift(v);
        else m.lists[l]!.push(v);
      }),
    ),
    fc.tuple(list, fc.boolean()).map(([l, back]) =>
      cmd(`pop${back ? "Back" : "Front"} L${l}`, () => true, (m, r) => {
        const la = back ? r.lists[l]!.popBack() : r.lists[l]!.popFront();
        const v = back ? m.lists[l]!.pop() : m.lists[l]!.shift();
        assert((la?.n) === (v), "la?.n");
        if (la) takeBack(m, r, v!, LIST_IDS[l]!, la);
      }),
    ),
    fc.tuple(list, value).map(([l, v]) =>
      cmd(`remove ${v} from L${l}`, () => true, (m, r) => {
        const la = r.lists[l]!.remove(r.values[v]!);
        const at = m.lists[l]!.indexOf(v);
        assert((la !== null) === (at >= 0), "la !== null");
        if (la) {
          m.lists[l]!.splice(at, 1);
          takeBack(m, r, v, LIST_IDS[l]!, la);
        }
      }),
    ),
    fc.tuple(list, index, fc.boolean()).map(([l, k, fromBack]) =>
      cmd(`cursor remove #${k} ${fromBack ? "from back" : ""} L${l}`, (m) => k < m.lists[l]!.length, (m, r) => {
        const len = m.lists[l]!.length;
        let la: ListArc<Value, Id> | null;
        if (fromBack) {
          const c = r.lists[l]!.cursorBack();
          for (let j = 0; j < len - 1 - k; j++) assert((c.movePrev()) === (true), "c.movePrev()");
          la = c.removePrev();
        } else {
          const c = r.lists[l]!.cursorFront();
          for (let j = 0; j < k; j++) assert((c.moveNext()) === (true), "c.moveNext()");
          la = c.peekNext()!.remove();
        }
        const [v] = m.lists[l]!.splice(k, 1);
        assert((la!.n) === (v), "la!.n");
        takeBack(m, r, v!, LIST_IDS[l]!, la!);
      }),
    ),
    fc.tuple(list, index, value, fc.boolean()).map(([l, k, v, next]) =>
      cmd(`cursor insert${next ? "Next" : "Prev"} ${v} at #${k} L${l}`, (m) => k <= m.lists[l]!.length && m.place[v]![LIST_IDS[l]!] === "held", (m, r) => {
        const i = LIST_IDS[l]!;
        const c = r.lists[l]!.cursorFront();
        for (let j = 0; j < k; j++) c.moveNext();
        if (next) c.insertNext(r.held[v]![i]!);
        else c.insertPrev(r.held[v]![i]!);
        r.held[v]![i] = null;
        m.place[v]![i] = l;
        m.lists[l]!.splice(k, 0, v);
      }),
    ),
    fc.tuple(list, list).map(([dst, src]) =>
      cmd(`pushAllBack L${src} -> L${dst}`, () => LIST_IDS[dst] === LIST_IDS[src], (m, r) => {
        r.lists[dst]!.pushAllBack(r.lists[src]!);
        if (dst !== src) {
          for (const v of m.lists[src]!) m.place[v]![LIST_IDS[src]!] = dst;
          m.lists[dst]!.push(...m.lists[src]!.splice(0));
        }
      }),
    ),
  ];

  function takeBack(m: Model, r: Real, v: number, i: Id, la: ListArc<Value, Id>): void {
    r.held[v]![i] = la;
    m.place[v]![i] = "held";
  }

  function setup(): { model: Model; real: Real } {
    const values = Array.from({ length: VALUES }, (_, n) => new Value(n));
    const witness = values.map((v) => Arc.new(v));
    return {
      model: { lists: LIST_IDS.map(() => []), place: values.map(() => ["none", "none"]), arcs: values.map(() => 1) },
      real: {
        values,
        witness,
        lists: LIST_IDS.map((i) => new List<Value, Id>(i as 0)),
        arcs: witness.map((w) => [Arc.clone(w)]),
        held: values.map(() => [null, null]),
      },
    };
  }

  fc.assert(
    fc.property(fc.commands(commands, { maxCommands: 40 }), (cmds) => {
      const { model, real } = setup();
      fc.modelRun(() => ({ model, real }), cmds);
    }),
    { numRuns: runs },
  );
}
