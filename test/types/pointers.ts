// Type tests: every typing rule of SPEC.md, positive and negative, with no compiler plugin.
// Checked by tsc 5.0, 5.9, 6.0 and 7.0 (test/types.test.ts): an unused @ts-expect-error fails too.
import { Arc, ArcBorrow, UniqueArc, ListArc, List, ListItem, Pointee, SmartPointer, type Pointer } from "ts-smart-pointer";

declare function expectType<T>(value: T): void;
type Equal<A, B> = (<X>() => X extends A ? 1 : 2) extends <X>() => X extends B ? 1 : 2 ? true : false;
declare function assertTrue<T extends true>(): void;

class Job {
  name = "job";
  describe(): string {
    return this.name;
  }
  run(self: Arc<this>, n: number): number {
    Arc.drop(self);
    return n;
  }
  peek(self: ArcBorrow<this>): Arc<this> {
    return Arc.from(self);
  }
  enqueue(self: ListArc<this>): void {
    ListArc.drop(self);
  }
  edit(self: UniqueArc<this>, name: string): void {
    this.name = name; // `this` is the pointee; `self` is the pointer
    UniqueArc.drop(self);
  }
}

const job = Arc.new(new Job());
expectType<Arc<Job>>(job);

// Receivers of the pointer's own kind lose `self`; the result type is kept.
expectType<number>(Arc.clone(job).run(3));
expectType<Arc<Job>>(Arc.asArcBorrow(job).peek());
UniqueArc.new(new Job()).edit("x");
ListArc.new(new Job()).enqueue();

// Auto-deref: plain methods and fields through every pointer kind.
expectType<string>(job.describe());
expectType<string>(job.name);
expectType<string>(Arc.asArcBorrow(job).name);

// A receiver for another kind is not callable (as in Rust).
// @ts-expect-error a ListArc receiver is not callable on an Arc
job.enqueue();
// @ts-expect-error an Arc receiver is not callable on an ArcBorrow
Arc.asArcBorrow(job).run(1);
// @ts-expect-error an ArcBorrow receiver is not callable on a ListArc
ListArc.new(new Job()).peek();
// @ts-expect-error a UniqueArc receiver is not callable on an Arc
job.edit("x");

// A wrong argument to a receiver is an error.
// @ts-expect-error n must be a number
job.run("three");
// @ts-expect-error too many arguments
job.run(1, 2);

// Fields: readonly through Arc, ArcBorrow and ListArc; writable through UniqueArc.
// @ts-expect-error shared access through Arc
job.name = "x";
// @ts-expect-error shared access through ArcBorrow
Arc.asArcBorrow(job).name = "x";
// @ts-expect-error shared access through ListArc
ListArc.new(new Job()).name = "x";
const unique = UniqueArc.new(new Job());
unique.name = "unique";

// Pointer kinds never mix.
// @ts-expect-error an Arc is not a ListArc
const notList: ListArc<Job> = job;
// @ts-expect-error a ListArc is not an Arc
const notArc: Arc<Job> = ListArc.new(new Job());
// @ts-expect-error an ArcBorrow is not an Arc
const notArc2: Arc<Job> = Arc.asArcBorrow(job);
// @ts-expect-error a UniqueArc is not an Arc
const notArc3: Arc<Job> = UniqueArc.new(new Job());
void [notList, notArc, notArc2, notArc3];

// Static operations take the right kinds.
expectType<Arc<Job>>(Arc.from(UniqueArc.new(new Job())));
expectType<Arc<Job>>(Arc.from(Arc.asArcBorrow(job)));
// @ts-expect-error Arc.from takes a UniqueArc or an ArcBorrow, not an Arc
Arc.from(job);
expectType<UniqueArc<Job> | null>(Arc.intoUniqueOrDrop(Arc.clone(job)));
expectType<number>(Arc.strongCount(job));
expectType<Job>(Arc.deref(job));
// @ts-expect-error pointers are made by Arc.new, not a constructor
new Arc(new Job());
// @ts-expect-error a pointer has no instance methods that could shadow the pointee's
job.clone();

// CoerceUnsized: Arc<Concrete> is an Arc<Interface> when it implements it.
interface Shape {
  area(): number;
  grow(self: Arc<this>, by: number): Arc<Shape>;
}
class Circle implements Shape {
  constructor(readonly r: number) {}
  area() {
    return 3 * this.r * this.r;
  }
  grow(self: Arc<this>, by: number): Arc<Shape> {
    Arc.drop(self);
    return Arc.new(new Circle(this.r + by));
  }
}
class NotAShape {
  volume() {
    return 1;
  }
}
const shape: Arc<Shape> = Arc.new(new Circle(1));
expectType<number>(shape.area());
expectType<Arc<Shape>>(shape.grow(2));
// @ts-expect-error NotAShape does not implement Shape
const bad: Arc<Shape> = Arc.new(new NotAShape());
void bad;
const shapes: Arc<Shape>[] = [Arc.new(new Circle(1)), Arc.new(new Circle(2))];
void shapes;

// ListArc and List ids: values and types agree.
@ListItem(0, 1)
class Task {
  label = "t";
  run(self: ListArc<this>): void {
    ListArc.drop(self);
  }
  requeue(self: ListArc<this>, list: List<Task>): void {
    list.pushBack(self); // a ListArc<this> goes into a List<Task>
  }
}
const all = new List<Task>();
const ready = new List<Task, 1>(1);
// @ts-expect-error a List for id 1 needs the id value
new List<Task, 1>();
// @ts-expect-error the id value must match the type
new List<Task, 1>(2);
const [t0, t1] = ListArc.pairFromUnique(UniqueArc.new(new Task()), 1);
expectType<ListArc<Task, 0>>(t0);
expectType<ListArc<Task, 1>>(t1);
all.pushBack(t0);
ready.pushBack(t1);
// @ts-expect-error a ListArc for id 1 cannot go into a List for id 0
all.pushBack(ListArc.new(new Task(), 1));
expectType<ListArc<Task, 1> | null>(ListArc.tryFromArc(Arc.new(new Task()), 1));
expectType<ListArc<Task> | null>(all.popFront());
expectType<ListArc<Task, 1> | null>(ready.remove(new Task()));
for (const b of all) expectType<ArcBorrow<Task>>(b);
expectType<string | undefined>(all.cursorFront().peekNext()?.arc().label);
// Peeks at the ends borrow, as iteration does; the length is a number; strongCount takes a ListArc.
assertTrue<Equal<ReturnType<typeof ready.front>, ArcBorrow<Task> | null>>();
assertTrue<Equal<ReturnType<typeof all.back>, ArcBorrow<Task> | null>>();
expectType<number>(all.len());
expectType<number>(ListArc.strongCount(ListArc.new(new Task(), 1)));
// @ts-expect-error ListArc.strongCount takes a ListArc, not an Arc
ListArc.strongCount(Arc.new(new Task()));

// List<Interface>: a `self: ListArc<this>` receiver declared in the interface.
interface Work {
  run(self: ListArc<this>): void;
}
const queue = new List<Work>();
queue.pushBack(ListArc.new(new Task()));
queue.popFront()?.run();

// A user-defined pointer: the decorator and one type alias.
@SmartPointer
class RcPtr<T> {
  readonly [Pointee]: T;
  constructor(value: T) {
    this[Pointee] = value;
  }
  static new<T>(value: T): Rc<T> {
    return new RcPtr(value) as Rc<T>;
  }
}
type Rc<T> = Pointer<RcPtr<T>, T>;
const Rc = RcPtr;
class Greeter {
  readonly word = "hi";
  greet(self: Rc<this>, who: string): string {
    return `${self.word} ${who}`;
  }
}
expectType<string>(Rc.new(new Greeter()).greet("you"));
// @ts-expect-error an Rc receiver is not callable on an Arc
Arc.new(new Greeter()).greet("you");
// @ts-expect-error the Rc has shared access by default
Rc.new(new Greeter()).word = "x";
interface Polite {
  greet(self: Rc<this>, who: string): string;
}
const polite: Rc<Polite> = Rc.new(new Greeter());
expectType<string>(polite.greet("x"));

assertTrue<Equal<ReturnType<Arc<Job>["describe"]>, string>>();

// Exact member types: a plain member passes through unchanged, a receiver of the pointer's kind
// loses exactly `self`, and a receiver of another kind is `never`.
assertTrue<Equal<Arc<Job>["describe"], Job["describe"]>>();
assertTrue<Equal<Parameters<Arc<Job>["run"]>, [n: number]>>();
assertTrue<Equal<ReturnType<Arc<Job>["run"]>, number>>();
assertTrue<Equal<Arc<Job>["enqueue"], never>>();
assertTrue<Equal<ArcBorrow<Job>["run"], never>>();
// @ts-expect-error a plain method keeps its arity through a pointer
job.describe(1);

// Plain methods keep their overloads and their type parameters through a pointer.
class Tools {
  pick(x: string): string;
  pick(x: number): number;
  pick(x: string | number): string | number {
    return x;
  }
  same<U>(u: U): U {
    return u;
  }
  first<U>(): U[] {
    return [];
  }
  later(self: Arc<this>, n?: number): number {
    Arc.drop(self);
    return n ?? 0;
  }
}
const tools = Arc.new(new Tools());
expectType<number>(tools.pick(1));
expectType<string>(tools.pick("a"));
assertTrue<Equal<ReturnType<typeof tools.same<boolean>>, boolean>>();
assertTrue<Equal<ReturnType<typeof tools.first<Date>>, Date[]>>();
// Optional parameters of a receiver stay optional.
expectType<number>(Arc.clone(tools).later());
expectType<number>(Arc.clone(tools).later(2));

// Inside a receiver, `self` reads the pointee's fields, readonly for shared kinds.
class Counter {
  count = 0;
  peek(self: ArcBorrow<this>): number {
    // @ts-expect-error shared access through the ArcBorrow self
    self.count = 1;
    return self.count;
  }
  bump(self: UniqueArc<this>): number {
    UniqueArc.drop(self);
    return this.count;
  }
}
expectType<number>(Arc.asArcBorrow(Arc.new(new Counter())).peek());
expectType<number>(UniqueArc.new(new Counter()).bump());

// Optional fields stay optional; plain object pointees work as classes do.
class Tagged {
  tag?: string;
}
expectType<string | undefined>(Arc.new(new Tagged()).tag);
const point = Arc.new({ x: 1, y: 2 });
expectType<number>(point.x);
// @ts-expect-error shared access to a plain object pointee
point.x = 3;

// A user pointer with unique access: `Pointer<Core, T, "unique">` keeps fields writable.
@SmartPointer
class BoxPtr<T> {
  readonly [Pointee]: T;
  constructor(value: T) {
    this[Pointee] = value;
  }
}
type Box<T> = Pointer<BoxPtr<T>, T, "unique">;
const box = new BoxPtr(new Counter()) as Box<Counter>;
box.count = 2;
expectType<number>(box.count);

// @ListItem and @SmartPointer decorate classes only.
class NotAClassTarget {
  // @ts-expect-error @ListItem on a method
  @ListItem()
  method(): void {}
  // @ts-expect-error @SmartPointer on a method
  @SmartPointer
  other(): void {}
}
void NotAClassTarget;
