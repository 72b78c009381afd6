// A user-defined smart pointer: a single-threaded `Rc<T>` with a shared count, written with
// `@SmartPointer` and one type alias. It works as a method receiver (`self: Rc<this>`), reads the
// pointee's members through the pointer, and dispatches behind an interface (`Rc<Plugin>`).
import { Pointee, SmartPointer, type Pointer } from "ts-smart-pointer";

@SmartPointer
class RcPtr<T> {
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
type Rc<T> = Pointer<RcPtr<T>, T>;
const Rc = RcPtr;

interface Plugin {
  readonly id: string;
  describe(self: Rc<this>): string;
}

class Logger implements Plugin {
  readonly id = "logger";
  describe(self: Rc<this>): string {
    return `${this.id} (shared by ${Rc.count(self)})`;
  }
}

class Cache implements Plugin {
  readonly id = "cache";
  entries = 128;
  describe(self: Rc<this>): string {
    return `${this.id} with ${this.entries} entries (shared by ${Rc.count(self)})`;
  }
}

const logger = Rc.new(new Logger());
const plugins: Rc<Plugin>[] = [logger, Rc.new(new Cache()), Rc.clone(logger)];
for (const p of plugins) console.log(`${p.id}: ${p.describe()}`);
