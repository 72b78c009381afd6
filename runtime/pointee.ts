/**
 * The one symbol every smart pointer shares: `pointer[Pointee]` is the value it points at.
 *
 * It is both the run-time "way to reach the pointee" (forwarders read it) and the type-level
 * brand that marks a type as a smart pointer (`{ readonly [Pointee]: T }`), the analogue of
 * Rust's `Deref::Target`. A user-defined `@SmartPointer` class declares `readonly [Pointee]: T`.
 */
export const Pointee: unique symbol = Symbol("ts-smart-pointer.Pointee");

/** Anything that is a smart pointer to some `T`. */
export interface AnyPointer<T = unknown> {
  readonly [Pointee]: T;
}
