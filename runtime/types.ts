import type { AnyPointer } from "./pointee.js";

/**
 * How pointee member `F` looks through pointer core `C` (arbitrary self types, typed):
 * a receiver method for this kind (`m(self: C<this>, ...a)`) loses its `self`; a receiver for
 * another kind becomes `never` (not callable here, as in Rust); anything else passes through.
 *
 * `S & {}` (not a naked `S`) keeps the tests from distributing over a union `self` type, as
 * `[S] extends [C]` would, without making the two one-element tuples per member that cost
 * about 18% of the types a pointer-typed project creates (`npm run bench`).
 */
export type Project<F, C> = F extends (self: infer S, ...args: infer A) => infer R
  ? S & {} extends C
    ? (...args: A) => R
    : S & {} extends AnyPointer
      ? never
      : F
  : F;

/**
 * The full type of a smart pointer: its core (the class, with its brand and statics'
 * instance side) plus every member of `T` projected through it. `"shared"` access makes the
 * pointee's fields readonly (Arc, ArcBorrow, ListArc); `"unique"` keeps them writable (UniqueArc).
 *
 * The one helper a user-defined pointer needs: `type Rc<T> = Pointer<RcPtr<T>, T>`.
 * The mapped type has exactly T's keys, and each member's type is decided lazily by
 * `Project`, which keeps `Arc<this>` in a method signature from becoming circular.
 */
export type Pointer<Core, T, Access extends "shared" | "unique" = "shared"> = Core &
  (Access extends "unique" ? { -readonly [M in keyof T]: Project<T[M], Core> } : { readonly [M in keyof T]: Project<T[M], Core> });

/** The static side of a pointer class, without its constructor (pointers are made by `Kind.new`). */
export type Statics<C> = Pick<C, Exclude<keyof C, "prototype">>;
