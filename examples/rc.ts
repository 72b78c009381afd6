// The README's recipe for a user-defined smart pointer: `@SmartPointer` and one type alias.
// A single-threaded `Rc<T>` with a shared count. Used by examples/user-pointer.ts and the tests.
import { Pointee, SmartPointer, type Pointer } from "ts-smart-pointer";

@SmartPointer
export class RcPtr<T> {
  readonly [Pointee]: T;
  readonly #count: { n: number };
  constructor(value: T, count = { n: 1 }) {
    this[Pointee] = value;
    this.#count = count;
  }
  static new<T>(value: T): Rc<T> {
    return new RcPtr(value) as Rc<T>;
  }
  static clone<T>(rc: RcPtr<T>): Rc<T> {
    rc.#count.n++;
    return new RcPtr(rc[Pointee], rc.#count) as Rc<T>;
  }
  static count(rc: RcPtr<unknown>): number {
    return rc.#count.n;
  }
}
export type Rc<T> = Pointer<RcPtr<T>, T>;
export const Rc = RcPtr;
