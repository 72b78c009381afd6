import { Pointee } from "./pointee.js";
import { KIND, isClassLike, kindOf, type PointerKind } from "./kind.js";
import { projectionFor } from "./projection.js";
import { makeHandlesWith, summarizeHandle } from "./handle.js";
import { INSPECT, inspectPointer } from "./inspect.js";

/**
 * `@SmartPointer`: derives receiver use, auto-deref and interface dispatch for a pointer class
 * (the runtime's `Arc`, `UniqueArc`, `ArcBorrow`, `ListArc`, and users' own). The analogue of
 * Rust's `#[derive(SmartPointer)]` (`CoercePointee`): the decorator is the stable surface; what
 * it expands to is internal.
 *
 * A user pointer reaches its pointee through `readonly [Pointee]: T`, set by its constructor.
 * Works as a standard (TC39) decorator and under `experimentalDecorators`.
 */
export function SmartPointer<C extends abstract new (...args: any[]) => object>(target: C, context?: ClassDecoratorContext<C>): C;
export function SmartPointer(target: unknown, context?: unknown, ...rest: unknown[]): unknown {
  const ctx = context as { kind?: string; name?: unknown } | undefined;
  if (!isClassLike(target) || rest.length > 0 || (ctx !== undefined && ctx.kind !== "class")) {
    throw new TypeError(
      `@SmartPointer can only be applied to a class (rustc E0802: \`CoercePointee\` can only be derived on \`struct\`s), not to ${ctx?.kind ?? typeof target} ${String(ctx?.name ?? "")}`.trimEnd() +
        ". Put it on the pointer class: `@SmartPointer class Rc<T> { readonly [Pointee]: T; ... }`.",
    );
  }
  return derivePointer(target as new (...args: unknown[]) => object);
}

/**
 * Registers `cls` as a pointer kind, leaving the class itself untouched (some compilers bind the
 * class name inside its body to the undecorated class, so a replacement class would be bypassed).
 *
 * A user pointer is adopted on its first member lookup that misses the class: a trap at the end
 * of its prototype chain gives it the projection prototype of its pointee. Later lookups of
 * pointee members hit the projection and never reach the trap. A frozen or non-extensible pointer
 * cannot change its prototype: each of its pointee lookups goes through the trap (it works, slower).
 */
function derivePointer(cls: new (...args: unknown[]) => object): Function {
  const kind = registerKind(cls.name, cls.prototype as object);
  const adopted = new WeakSet<object>();
  /**
   * Where a lookup of `key` that reached the trap goes on, if `receiver` is a constructed pointer
   * not adopted yet: the receiver, adopted now, or for a non-extensible one its projection.
   */
  const lookupVia = (receiver: object, key: PropertyKey): object | undefined => {
    if (adopted.has(receiver) || isPrototypeObject(receiver) || !(Pointee in receiver)) return undefined;
    const pointee = (receiver as { [Pointee]: unknown })[Pointee];
    const projection = projectionFor(kind, Object.getPrototypeOf(receiver) as object, pointee, receiver);
    if (!Object.isExtensible(receiver)) return Object.hasOwn(projection, key) ? projection : undefined;
    adopted.add(receiver);
    Object.setPrototypeOf(receiver, projection);
    return receiver;
  };
  const parent = Object.getPrototypeOf(cls.prototype) as object;
  const trap = new Proxy(parent, {
    get(target, key, receiver: object) {
      const via = lookupVia(receiver, key);
      if (via) return Reflect.get(via, key, receiver);
      if (typeof key === "string" && !(Pointee in receiver) && !isPrototypeObject(receiver) && !(key in target)) throw noPointee(kind.name, key);
      return Reflect.get(target, key, receiver);
    },
    set(target, key, value, receiver: object) {
      return Reflect.set(lookupVia(receiver, key) ?? target, key, value, receiver);
    },
  });
  Object.setPrototypeOf(cls.prototype, trap);
  return cls;
}

/**
 * `C.prototype` objects (own `constructor` pointing back) are not pointers to adopt. Own-property
 * lookups only: an ordinary read could run a getter or walk back into this trap.
 */
function isPrototypeObject(o: object): boolean {
  const ctor: unknown = Reflect.getOwnPropertyDescriptor(o, "constructor")?.value;
  return typeof ctor === "function" && Reflect.getOwnPropertyDescriptor(ctor, "prototype")?.value === o;
}

function noPointee(name: string, key: string): TypeError {
  return new TypeError(
    `.${key}: @SmartPointer class ${name} has no way to reach its pointee (rustc E0802: \`CoercePointee\` requires a pointee): declare \`readonly [Pointee]: T\` and assign it in the constructor.`,
  );
}

/**
 * Creates the kind of a pointer class. A user pointer passes itself as `self` and forwards
 * writes; the runtime's own kinds adjust both after decoration (owning kinds move `self`).
 */
function registerKind(name: string, proto: object): PointerKind {
  const kind: PointerKind = { name, proto, passSelf: "borrow", writable: true };
  Object.defineProperty(proto, KIND, { value: kind, configurable: true });
  // Symbol-keyed, so it shadows no pointee member; a class's own inspect hook is kept.
  if (!Object.prototype.hasOwnProperty.call(proto, INSPECT)) Object.defineProperty(proto, INSPECT, { value: inspectPointer, configurable: true, writable: true });
  return kind;
}

/**
 * Sets how the runtime's own pointer `cls` (already derived) names itself and passes `self`.
 * Its handles are born projected (see ownership.ts), so it needs no adoption trap.
 */
export function configureKind(cls: abstract new (...args: never[]) => unknown, options: Omit<PointerKind, "proto">): PointerKind {
  const proto = cls.prototype as object;
  Object.setPrototypeOf(proto, Object.prototype); // the runtime's pointer classes have no base class
  makeHandlesWith(proto); // for pointers to values with no class to project (primitives)
  return Object.assign(kindOf(proto)!, { summary: summarizeHandle }, options);
}
