/** Source text shared by the user projects of these tests. */

/** A class with a receiver that takes the caller's Arc (a move site) and a plain method. */
export const counterClass = `class Counter {
  n = 0;
  bump(self: Arc<this>, by: number): number {
    this.n += by;
    const n = this.n;
    Arc.drop(self);
    return n;
  }
  get(): number {
    return this.n;
  }
}`;
