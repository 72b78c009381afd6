import { describe, expect, test } from "vitest";
import ts from "typescript";
import * as runtime from "../runtime/index.js";
import { Pointee, SmartPointer, type Pointer } from "../runtime/index.js";

// The README's recipe, as examples/user-pointer.ts uses it (`ts-smart-pointer` resolves to the
// runtime's source in tests: vitest.config.ts).
import { Rc, RcPtr } from "../examples/rc.js";

interface Greeter {
  greet(self: Rc<this>, who: string): string;
  readonly lang: string;
}
class English implements Greeter {
  readonly lang = "en";
  greet(self: Rc<this>, who: string) {
    return `hello ${who} (${Rc.count(self)})`;
  }
}
class French implements Greeter {
  readonly lang = "fr";
  greet(self: Rc<this>, who: string) {
    return `bonjour ${who} (${Rc.count(self)})`;
  }
}

describe("a user-defined @SmartPointer (standard decorators)", () => {
  test("works as a receiver: `self: Rc<this>` gets the Rc", () => {
    const en = Rc.new(new English());
    expect(en.greet("ann")).toBe("hello ann (1)");
    const two = Rc.clone(en);
    expect(two.greet("bob")).toBe("hello bob (2)");
  });

  test("reads fields through, and dispatches behind an interface", () => {
    const all: Rc<Greeter>[] = [Rc.new(new English()), Rc.new(new French())];
    expect(all.map((g) => `${g.lang}:${g.greet("x")}`)).toEqual(["en:hello x (1)", "fr:bonjour x (1)"]);
  });

  test("a write through a fresh pointer adopts it first, then writes the pointee", () => {
    class Settings {
      level = 1;
    }
    const s = new RcPtr(new Settings()) as unknown as { level: number };
    s.level = 3;
    expect(RcPtr.count(s as unknown as RcPtr<Settings>)).toBe(1);
    expect((s as unknown as RcPtr<Settings>)[Pointee].level).toBe(3);
    expect(Object.keys(s)).not.toContain("level");
  });

  test("the pointer's own statics, instanceof and Object.prototype's members keep working", () => {
    const en = Rc.new(new English());
    expect(en).toBeInstanceOf(RcPtr);
    expect(Rc.count(en)).toBe(1);
    expect((en as unknown as object).hasOwnProperty(Pointee)).toBe(true); // found past the adoption trap
  });

  test("without the transformer a pointer's own member wins over a same-named pointee receiver (the transformer reports E0034)", () => {
    @SmartPointer
    class Boxed<T> {
      readonly [Pointee]: T;
      constructor(value: T) {
        this[Pointee] = value;
      }
      size() {
        return 1;
      }
    }
    class Thing {
      size(self: Boxed<Thing>) {
        return self;
      }
      plain() {
        return "plain";
      }
    }
    const b = new Boxed(new Thing()) as Pointer<Boxed<Thing>, Thing>;
    expect(b.plain()).toBe("plain");
    expect(b.size()).toBe(1);
  });

  test("a pointer's own non-receiver member wins over the pointee's (probe order)", () => {
    @SmartPointer
    class Named<T> {
      readonly [Pointee]: T;
      readonly label = "pointer";
      constructor(value: T) {
        this[Pointee] = value;
      }
    }
    const n = new Named({ label: "pointee", other: 1 }) as unknown as { label: string; other: number };
    expect(n.label).toBe("pointer");
    expect(n.other).toBe(1);
  });

  test("a pointer with an own `constructor` that is not its class's is still adopted (no crash, no recursion)", () => {
    @SmartPointer
    class Tagged<T> {
      readonly [Pointee]: T;
      constructor(value: T, tag: unknown) {
        this[Pointee] = value;
        Object.defineProperty(this, "constructor", { value: tag, configurable: true }); // e.g. a record copied onto the pointer
      }
    }
    const nulled = new Tagged({ x: 1 }, null) as unknown as { x: number };
    expect(nulled.x).toBe(1);
    // Two pointers naming each other: telling a prototype object apart must not look through either.
    const a = new Tagged({ x: 2 }, undefined);
    const b = new Tagged({ x: 3 }, a);
    Object.defineProperty(a, "constructor", { value: b });
    expect((a as unknown as { x: number }).x).toBe(2);
    expect((b as unknown as { x: number }).x).toBe(3);
  });
});

describe("@SmartPointer misuse is a TypeError at definition or construction", () => {
  test("not a class", () => {
    expect(() => (SmartPointer as (x: unknown) => unknown)(42)).toThrow(/can only be applied to a class.*E0802/);
    expect(() => (SmartPointer as (...x: unknown[]) => unknown)(function () {}, { kind: "method", name: "m" })).toThrow(/not to method m/);
  });

  test("no way to reach the pointee: the first pointee member lookup says how to fix it", () => {
    @SmartPointer
    class NoPointee {
      own() {
        return "own";
      }
    }
    const p = new NoPointee() as NoPointee & { greet?: () => void };
    expect(p.own()).toBe("own");
    expect(() => p.greet).toThrow(/\.greet: @SmartPointer class NoPointee has no way to reach its pointee.*readonly \[Pointee\]: T/);
  });
});

describe("@SmartPointer under experimentalDecorators", () => {
  test("the same recipe compiled with experimentalDecorators behaves the same", () => {
    const source = `
      const { SmartPointer, Pointee } = require("ts-smart-pointer");
      @SmartPointer
      class Own<T> {
        readonly [Pointee]: T;
        constructor(value: T) { this[Pointee] = value; }
        static new<T>(value: T) { return new Own(value); }
      }
      class Counter {
        n = 1;
        bump(self: Own<Counter>) { return [this.n + 1, self instanceof Own]; }
      }
      module.exports = { result: (Own.new(new Counter()) as any).bump() };
    `;
    const js = ts.transpileModule(source, {
      compilerOptions: { experimentalDecorators: true, module: ts.ModuleKind.CommonJS, target: ts.ScriptTarget.ES2022 },
    }).outputText;
    expect(js).toContain("__decorate");
    const module = { exports: {} as { result?: unknown } };
    new Function("require", "module", "exports", js)(() => runtime, module, module.exports);
    expect(module.exports.result).toEqual([2, true]);
  });
});
