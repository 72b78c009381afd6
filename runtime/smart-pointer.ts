import { Pointee } from "./pointee.js";
import { KIND, kindOf, type PointerKind } from "./kind.js";
import { projectionFor } from "./projection.js";

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
  if (typeof target !== "function" || rest.length > 0 || (ctx !== undefined && ctx.kind !== "class")) {
    throw new TypeError(
      `@SmartPointer can only be applied to a class (rustc E0802: \`CoercePointee\` can only be derived on \`struct\`s), not to ${ctx?.kind ?? typeof target} ${String(ctx?.name ?? "")}`.trimEnd() +
        ". Put it on the pointer class: `@SmartPointer class Rc<T> { readonly [Pointee]: T; ... }`.",
    );
  }
  return derivePointer(target as new (...args: unknown[]) => object);
}

/**
 * Registers `cls` as a pointer kind and returns the class users get: a subclass whose
 * constructor gives each new pointer the projection prototype of its pointee.
 */
function derivePointer(cls: new (...args: unknown[]) => object): Function {
  const kind = registerKind(cls.name, cls.prototype as object);
  const derived = {
    [cls.name]: class extends cls {
      constructor(...args: unknown[]) {
        super(...args);
        if (!(Pointee in this)) {
          throw new TypeError(
            `@SmartPointer class ${kind.name} has no way to reach its pointee (rustc E0802: \`CoercePointee\` requires a pointee): declare \`readonly [Pointee]: T\` and assign it in the constructor.`,
          );
        }
        Object.setPrototypeOf(this, projectionFor(kind, Object.getPrototypeOf(this) as object, this[Pointee as keyof this], this));
      }
    },
  }[cls.name]!;
  kind.proto = derived.prototype as object;
  return derived;
}

/**
 * Creates the kind of a pointer class. A user pointer passes itself as `self` and forwards
 * writes; the runtime's own kinds adjust both after decoration (owning kinds move `self`).
 */
function registerKind(name: string, proto: object): PointerKind {
  const kind: PointerKind = { name, proto, passSelf: "borrow", writable: true };
  Object.defineProperty(proto, KIND, { value: kind, configurable: true });
  return kind;
}

/** Sets how the runtime's own pointer `cls` (already derived) names itself and passes `self`. */
export function configureKind(cls: abstract new (...args: never[]) => unknown, options: Omit<PointerKind, "proto">): PointerKind {
  return Object.assign(kindOf(cls.prototype)!, options);
}
