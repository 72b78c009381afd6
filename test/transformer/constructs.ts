// The golden constructs, shared by the golden files and the source-edit renderer's tests, and
// harder shapes for the source edits.

/** What every construct imports. */
export const header = `import { Arc, ArcBorrow, UniqueArc, ListArc, List, ListItem, SmartPointer, Pointee, type Pointer } from "ts-smart-pointer";\n`;

/** The golden constructs: one program per kind of expansion site. */
export const constructs: Record<string, string> = {
  "receiver-calls": `
class Job {
  name = "job";
  describe(): string { return this.name; }
  run(self: Arc<this>, n: number): number { Arc.drop(self); return n; }
  peek(self: ArcBorrow<this>): Arc<this> { return Arc.from(self); }
}
const job = Arc.new(new Job());
job.describe();
Arc.clone(job).run(1);
Arc.asArcBorrow(job).peek();
const jobs = [job];
jobs[0]!.describe();
Arc.clone(jobs[0]!).run(2);
`,
  "field-access": `
class Point { x = 1; y = 2; }
const p = Arc.new(new Point());
const u = UniqueArc.new(new Point());
const sum = p.x + p.y;
u.x = sum;
u.y += 1;
u.x++;
`,
  "user-pointer": `
@SmartPointer
class RcPtr<T> {
  readonly [Pointee]: T;
  constructor(value: T) { this[Pointee] = value; }
}
type Rc<T> = Pointer<RcPtr<T>, T>;
class Greeter {
  word = "hi";
  greet(self: Rc<this>, who: string): string { return this.word + who; }
}
const g = new RcPtr(new Greeter()) as Rc<Greeter>;
g.greet("you");
g.word;
`,
  "list-items": `
interface Work { run(self: ListArc<this>, q: List<Work>): void; }
@ListItem(0, 1)
class Tick implements Work {
  run(self: ListArc<this>, q: List<Work>): void { q.pushBack(self); }
}
class Base { constructor(readonly at: number) {} }
@ListItem()
class Delayed extends Base implements Work {
  constructor(at: number, readonly by: number) { super(at + by); }
  run(self: ListArc<this>, q: List<Work>): void { q.pushBack(self); }
}
@ListItem(2)
class Retry extends Delayed {}
const q = new List<Work>();
q.pushBack(ListArc.new(new Tick()));
q.pushBack(ListArc.new(new Retry(1, 2)));
for (let w = q.popFront(); w !== null; w = q.popFront()) w.run(q);
`,
  "no-pointers": `
class Plain { n = 1; get(): number { return this.n; } }
const plain = new Plain();
plain.get();
`,
};

/** Harder shapes than the golden ones: nesting, scopes of temporaries, classes without `;`. */
export const shapes: Record<string, string> = {
  nesting: `
class Node {
  constructor(readonly value: number, readonly link?: Arc<Node>) {}
  next(): Arc<Node> { return this.link ?? Arc.new(new Node(0)); }
  take(self: Arc<this>, n: number): number { const v = this.value + n; Arc.drop(self); return v; }
}
const n = Arc.new(new Node(1, Arc.new(new Node(2))));
const chain = n.next().next().value;
const both = Arc.clone(n.next()).take(Arc.clone(n).take(1));
const arrow = (a: Arc<Node>) => Arc.clone(a).take(3);
const object = (a: Arc<Node>) => ({ v: Arc.clone(a).take(4) });
function inFunction(a: Arc<Node>): number {
  "use strict";
  return Arc.clone(a).take(5) + Arc.clone(a).take(6);
}
const inMethod = { m(a: Arc<Node>): number { return Arc.clone(a).take(7); } };
class Holder { held = Arc.clone(n); sum = Arc.clone(this.held).take(8) }
export const results = [chain, both, arrow(n), object(n).v, inFunction(n), inMethod.m(n), new Holder().sum];
`,
  classes: `
function tag<T>(value: T, _context: unknown): T { return value; }
interface Work { run(self: ListArc<this>): number }
@tag @ListItem()
class Tagged implements Work { run(self: ListArc<this>): number { ListArc.drop(self); return 1 } }
class Base { constructor(readonly at: number) {} }
@ListItem(0, 3)
class NoSemicolons extends Base implements Work {
  constructor(at: number) {
    super(at)
    this.at
  }
  run(self: ListArc<this>): number { ListArc.drop(self); return this.at }
}
const Anonymous = @ListItem() class implements Work { run(self: ListArc<this>): number { ListArc.drop(self); return 2 } };
export const ran = [ListArc.new(new Tagged()).run(), ListArc.new(new NoSemicolons(3)).run(), ListArc.new(new Anonymous()).run()];
`,
};
