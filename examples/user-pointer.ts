// A user-defined smart pointer: a single-threaded `Rc<T>` with a shared count, written with
// `@SmartPointer` and one type alias. It works as a method receiver (`self: Rc<this>`), reads the
// pointee's members through the pointer, and dispatches behind an interface (`Rc<Plugin>`).
import { Rc } from "./rc.js";

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
