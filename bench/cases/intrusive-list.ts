// The limit for a list (DESIGN.md): a hand-written intrusive doubly linked list, links as plain
// fields on the item, with the owner field a safe `remove` needs (js-peers.md §2.2,
// "intrusive-owned"). No pointer, no ListArc, no checks beyond the owner: the floor a linked
// list can reach on this machine, against which ours and the ring buffers are read.
export interface Linked {
  lnext: Linked | null;
  lprev: Linked | null;
  lowner: IntrusiveList | null;
}

export class IntrusiveList {
  head: Linked | null = null;
  tail: Linked | null = null;
  length = 0;

  pushBack(e: Linked): void {
    if (e.lowner !== null) throw new TypeError("already in a list");
    e.lowner = this;
    e.lprev = this.tail;
    e.lnext = null;
    if (this.tail !== null) this.tail.lnext = e;
    else this.head = e;
    this.tail = e;
    this.length++;
  }

  popFront(): Linked | null {
    const e = this.head;
    if (e === null) return null;
    this.head = e.lnext;
    if (this.head !== null) this.head.lprev = null;
    else this.tail = null;
    e.lnext = null;
    e.lowner = null;
    this.length--;
    return e;
  }

  remove(e: Linked): Linked | null {
    if (e.lowner !== this) return null;
    if (e.lprev !== null) e.lprev.lnext = e.lnext;
    else this.head = e.lnext;
    if (e.lnext !== null) e.lnext.lprev = e.lprev;
    else this.tail = e.lprev;
    e.lnext = e.lprev = null;
    e.lowner = null;
    this.length--;
    return e;
  }
}
