import { describe, expect, test } from "vitest";
import * as runtime from "../runtime/index.js";
import { KIND, type PointerKind } from "../runtime/kind.js";
import { SURFACE } from "../runtime/internal/surface.js";

// The plugin learns the runtime from SURFACE: every name there must be the runtime's, with the
// same behaviour, or the plugin would expand or report against a surface that is not there.
const exported = runtime as unknown as Record<string, unknown>;

describe("the surface table the plugin reads matches the runtime", () => {
  test.each(Object.entries(SURFACE.kinds))("%s is an exported pointer class of kind %o", (className, entry) => {
    const cls = exported[className] as { prototype: { [KIND]?: PointerKind } } | undefined;
    expect(cls, `runtime exports ${className}`).toBeTypeOf("function");
    const kind = cls!.prototype[KIND]!;
    expect({ name: kind.name, self: kind.passSelf }).toEqual({ name: entry.name, self: entry.self });
    expect(exported[entry.name], `runtime exports the value ${entry.name}`).toBe(cls);
  });

  test.each(Object.entries(SURFACE.consumingStatics))("%s has the consuming statics", (owner, statics) => {
    for (const name of Object.keys(statics)) expect((exported[owner] as Record<string, unknown>)[name], `${owner}.${name}`).toBeTypeOf("function");
  });

  test.each(Object.entries(SURFACE.consumingMethods))("%s has the consuming methods", (owner, methods) => {
    const proto = (exported[owner] as { prototype: Record<string, unknown> }).prototype;
    for (const name of Object.keys(methods)) expect(proto[name], `${owner}.prototype.${name}`).toBeTypeOf("function");
  });

  test("ListArc has every constructor the plugin checks, and the decorators and Pointee are exported", () => {
    for (const name of Object.keys(SURFACE.listArcConstructors)) expect((runtime.ListArc as unknown as Record<string, unknown>)[name], `ListArc.${name}`).toBeTypeOf("function");
    expect(exported[SURFACE.decorators.pointer]).toBe(runtime.SmartPointer);
    expect(exported[SURFACE.decorators.listItem]).toBe(runtime.ListItem);
    expect(exported[SURFACE.pointee]).toBe(runtime.Pointee);
  });

  test("a kind's keep hint and clone name calls that exist", () => {
    for (const entry of Object.values(SURFACE.kinds) as { keep: string; clone?: string }[]) {
      for (const call of `${entry.keep} ${entry.clone ?? ""}`.matchAll(/(\w+)\.(\w+)\(/g)) {
        expect((exported[call[1]!] as Record<string, unknown>)[call[2]!], `${call[1]}.${call[2]}`).toBeTypeOf("function");
      }
    }
  });
});
