import { MessageChannel, type MessagePort } from "node:worker_threads";
import { describe, expect, test } from "vitest";
import { Arc, DoubleDropError, REFCOUNT_MAX, REFCOUNT_WARNING, SharedArc, UseAfterDropError, UseAfterMoveError, type SharedArcMessage } from "../runtime/index.js";
import { warningsDuring } from "./helpers.js";
import { setSharedCount } from "./shared-arc-helpers.js";

/** A struct over a SharedArrayBuffer region, released by the thread of its last drop. */
class Counter {
  constructor(readonly cells: Int32Array, readonly label: string) {}
  get hits(): number {
    return Atomics.load(this.cells, 0);
  }
  hit(): number {
    return Atomics.add(this.cells, 0, 1) + 1;
  }
  /** A receiver: takes the caller's SharedArc (a move). */
  finish(self: SharedArc<this>): number {
    const hits = this.hits;
    SharedArc.drop(self);
    return hits;
  }
  [Symbol.dispose](): void {
    Atomics.add(this.cells, 1, 1); // releases, counted in the shared region itself
  }
}
SharedArc.register(Counter);

const region = () => new Int32Array(new SharedArrayBuffer(8));
const releases = (cells: Int32Array) => Atomics.load(cells, 1);

/** Sends `message` through a real MessageChannel (structured clone) and returns what arrives. */
async function roundTrip<T>(message: SharedArcMessage<T>): Promise<SharedArcMessage<T>> {
  const { port1, port2 } = new MessageChannel();
  const arrived = new Promise<SharedArcMessage<T>>((resolve) => port2.once("message", resolve));
  port1.postMessage(message);
  const got = await arrived;
  closeAll(port1, port2);
  return got;
}
const closeAll = (...ports: MessagePort[]) => ports.forEach((p) => p.close());

describe("SharedArc in one thread", () => {
  test("new, clone, drop and strongCount; the last drop releases once", () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "c"));
    const b = SharedArc.clone(a);
    expect(b).not.toBe(a); // debug: a handle per clone
    expect(SharedArc.strongCount(a)).toBe(2);
    SharedArc.drop(a);
    expect(releases(cells)).toBe(0);
    expect(SharedArc.strongCount(b)).toBe(1);
    SharedArc.drop(b);
    expect(releases(cells)).toBe(1);
  });

  test("using drops at the end of the block; auto-deref reaches methods and getters", () => {
    const cells = region();
    {
      using a = SharedArc.new(new Counter(cells, "c"));
      expect(a.hit()).toBe(1);
      expect(a.hits).toBe(1);
      expect(a.label).toBe("c");
    }
    expect(releases(cells)).toBe(1);
  });

  test("a self: SharedArc<this> receiver takes the caller's pointer", () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "c"));
    a.hit();
    expect(SharedArc.clone(a).finish()).toBe(1);
    expect(SharedArc.strongCount(a)).toBe(1);
    const moved = a.finish();
    expect(moved).toBe(1);
    expect(releases(cells)).toBe(1);
    expect(() => a.hits).toThrow(UseAfterMoveError);
  });

  test("fields are read-only through the pointer", () => {
    const a = SharedArc.new(new Counter(region(), "c"));
    expect(() => ((a as unknown as { label: string }).label = "x")).toThrow(/shared \(read-only\) access/);
    SharedArc.drop(a);
  });

  test("debug misuse throws typed errors: double drop, use after drop, clone of a dropped handle", () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "c"));
    const b = SharedArc.clone(a);
    SharedArc.drop(a);
    expect(() => SharedArc.drop(a)).toThrow(DoubleDropError);
    expect(() => a[Symbol.dispose]()).toThrow(DoubleDropError);
    expect(() => SharedArc.clone(a)).toThrow(UseAfterDropError);
    expect(() => SharedArc.strongCount(a)).toThrow(UseAfterDropError);
    expect(() => SharedArc.send(a)).toThrow(UseAfterDropError);
    expect(() => a.hit()).toThrow(/SharedArc<Counter> was dropped by SharedArc.drop/);
    expect(SharedArc.strongCount(b)).toBe(1); // the misuse did not touch the count
    SharedArc.drop(b);
    expect(releases(cells)).toBe(1);
  });

  test("wrong arguments are TypeErrors naming the function", () => {
    expect(() => SharedArc.clone({} as never)).toThrow("SharedArc.clone expects a SharedArc, but got Object.");
    expect(() => SharedArc.drop(Arc.new({ n: 1 }) as never)).toThrow("SharedArc.drop expects a SharedArc, but got Arc.");
    expect(() => SharedArc.strongCount(null as never)).toThrow("SharedArc.strongCount expects a SharedArc, but got null.");
    expect(() => SharedArc.receive({} as never)).toThrow("SharedArc.receive expects a message made by SharedArc.send, but got an object that is not one.");
    expect(() => SharedArc.receive(7 as never)).toThrow("SharedArc.receive expects a message made by SharedArc.send, but got number.");
    expect(() => SharedArc.receive({ "ts-smart-pointer.SharedArc": 9 } as never)).toThrow(/a SharedArc message of another version \(9\)/);
    expect(() => SharedArc.register("Counter" as never)).toThrow("SharedArc.register expects a class, but got string.");
  });

  test("an unregistered class, or a value that cannot travel, is refused by new (before any count is sent)", () => {
    class Unregistered {
      n = 1;
    }
    expect(() => SharedArc.new(new Unregistered())).toThrow(/class Unregistered is not registered for sharing; call SharedArc\.register\(Unregistered\)/);
    expect(() => SharedArc.new({ callback: () => 1 })).toThrow(/SharedArc\.new: the value cannot be sent to another thread/);
    class HasFunction {
      f = () => 1;
    }
    SharedArc.register(HasFunction);
    expect(() => SharedArc.new(new HasFunction())).toThrow(TypeError);
  });

  test("two classes under one name are refused; re-registering the same class is fine", () => {
    const Other = class Counter {};
    expect(() => SharedArc.register(Other)).toThrow(/another class is already registered as "Counter"/);
    expect(() => SharedArc.register(Counter)).not.toThrow();
    expect(() => SharedArc.register(class {})).toThrow(/a class needs a non-empty name/);
    SharedArc.register(Other, "test.OtherCounter");
  });

  test("plain data and typed arrays travel as they are", async () => {
    const cells = region();
    const a = SharedArc.new(cells);
    const b = SharedArc.receive(await roundTrip(SharedArc.send(a)));
    expect(Arc.deref(b)).not.toBe(cells);
    Atomics.store(Arc.deref(b), 0, 42);
    expect(Atomics.load(cells, 0)).toBe(42); // one region, seen through both
    expect(SharedArc.strongCount(a)).toBe(2);
    SharedArc.drop(a);
    SharedArc.drop(b);
    const data = SharedArc.new({ fd: 3, path: "/tmp/x" });
    expect(Arc.deref(SharedArc.receive(await roundTrip(SharedArc.send(data))))).toEqual({ fd: 3, path: "/tmp/x" });
  });
});

describe("sending: a clone travels, the sender keeps its own", () => {
  test("the received copy is rebuilt with its class; the release runs where the last drop is", async () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "shared"));
    const message = await roundTrip(SharedArc.send(a));
    expect(SharedArc.strongCount(a)).toBe(2); // the message owns a count in flight
    const b = SharedArc.receive(message);
    expect(Arc.deref(b)).toBeInstanceOf(Counter);
    expect(Arc.deref(b)).not.toBe(Arc.deref(a));
    b.hit();
    expect(a.hits).toBe(1); // the region is shared
    SharedArc.drop(a);
    expect(releases(cells)).toBe(0);
    expect(b.finish()).toBe(1); // the receiver's copy runs the release
    expect(releases(cells)).toBe(1);
  });

  test("an unreceived message keeps the value alive", async () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "c"));
    const inFlight = await roundTrip(SharedArc.send(a));
    SharedArc.drop(a);
    expect(releases(cells)).toBe(0);
    SharedArc.drop(SharedArc.receive(inFlight));
    expect(releases(cells)).toBe(1);
  });

  test("receiving one message twice is caught (debug): it owns one count", async () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "c"));
    const message = await roundTrip(SharedArc.send(a));
    const b = SharedArc.receive(message);
    expect(() => SharedArc.receive(message)).toThrow(UseAfterMoveError);
    expect(SharedArc.strongCount(a)).toBe(2);
    const copy = structuredClone(message); // what a second receiver of a broadcast would get
    SharedArc.drop(a);
    SharedArc.drop(b);
    expect(() => SharedArc.receive(copy)).toThrow(/SharedArc.receive: the value was already released/);
    expect(releases(cells)).toBe(1);
  });

  test("a message of a class this thread has not registered is a clear error", async () => {
    class Local {
      n = 1;
    }
    SharedArc.register(Local, "test.Local");
    const message = { ...(await roundTrip(SharedArc.send(SharedArc.new(new Local())))), kind: "test.Missing" };
    expect(() => SharedArc.receive(message)).toThrow(/class "test\.Missing" is not registered in this thread; call SharedArc\.register\(test\.Missing\)/);
  });
});

describe("saturation (refcount_t semantics)", () => {
  test("at 2^31-1 it saturates to Infinity with one warning, and the value is never released", () => {
    const cells = region();
    const a = SharedArc.new(new Counter(cells, "c"));
    setSharedCount(a, REFCOUNT_MAX - 1);
    const clones: SharedArc<Counter>[] = [];
    const warnings = warningsDuring(() => {
      clones.push(SharedArc.clone(a));
      expect(SharedArc.strongCount(a)).toBe(REFCOUNT_MAX);
      clones.push(SharedArc.clone(a)); // saturates
      clones.push(SharedArc.clone(a));
      SharedArc.send(a);
    });
    expect(SharedArc.strongCount(a)).toBe(Infinity);
    expect(warnings).toEqual([expect.objectContaining({ type: REFCOUNT_WARNING, code: "SP_REFCOUNT_SATURATED" })]);
    for (const c of clones) SharedArc.drop(c);
    SharedArc.drop(a);
    expect(releases(cells)).toBe(0);
  });
});

test("util.inspect shows a SharedArc's count from shared memory, and a dropped one as dropped", async () => {
  const { inspect } = await import("node:util");
  const a = SharedArc.new({ n: 1 });
  const b = SharedArc.clone(a);
  expect(inspect(a)).toBe("SharedArc<Object> { count: 2, value: { n: 1 } }");
  SharedArc.drop(b);
  expect(inspect(b)).toBe("SharedArc<Object> <dropped>");
  SharedArc.drop(a);
});
