import { spawnSync } from "node:child_process";
import { fstatSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { open, type FileHandle } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, test } from "vitest";
import { Arc, ArcCore, DoubleDropError, List, ListArc, ListItem, Pointee, SmartPointer, UniqueArc, type Pointer } from "../runtime/index.js";
import { root } from "./transformer/compile.js";

// Async resources: a pointee with only [Symbol.asyncDispose] (Node's FileHandle) is closed by the
// last drop, and pointers work with `await using`.

const dir = mkdtempSync(join(tmpdir(), "ts-smart-pointer-async-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A file of this test's directory, opened as a real FileHandle. */
async function openFile(name: string): Promise<{ fh: FileHandle; fd: number; ino: number }> {
  const path = join(dir, name);
  writeFileSync(path, name);
  const fh = await open(path, "r");
  return { fh, fd: fh.fd, ino: statSync(path).ino };
}

/** Waits (up to 5 s) until `done()`: a close started by a sync drop has no promise to await. */
async function eventually(done: () => boolean): Promise<void> {
  for (let waited = 0; !done() && waited < 5_000; waited += 10) await new Promise((resolve) => setTimeout(resolve, 10));
}

/** True while descriptor `fd` is still this file (a closed fd fails, or was reused for another file). */
function stillOpen(fd: number, ino: number): boolean {
  try {
    return fstatSync(fd).ino === ino;
  } catch {
    return false;
  }
}

/** Counts its async destructor's runs; rejects with `failWith` if given. */
class AsyncResource {
  asyncDisposed = 0;
  constructor(readonly failWith?: Error) {}
  async [Symbol.asyncDispose](): Promise<void> {
    this.asyncDisposed++;
    await new Promise((resolve) => setTimeout(resolve, 1));
    if (this.failWith) throw this.failWith;
  }
}
@ListItem()
class ListedResource extends AsyncResource {}
class BothResource extends AsyncResource {
  syncDisposed = 0;
  [Symbol.dispose](): void {
    this.syncDisposed++;
  }
}

describe("a FileHandle behind pointers", () => {
  test("`await using` on clones: the file stays open until the last one, which closes it", async () => {
    const { fh, fd, ino } = await openFile("a.txt");
    {
      await using file = Arc.new(fh);
      {
        await using clone = Arc.clone(file);
        expect(Arc.strongCount(clone)).toBe(2);
      }
      expect(stillOpen(fd, ino)).toBe(true); // the clone's drop released a count, not the file
      expect((await file.read(Buffer.alloc(5), 0, 5, 0)).bytesRead).toBe(5); // auto-deref works as before
    }
    expect(fh.fd).toBe(-1); // awaited: closed when the block ends
    expect(stillOpen(fd, ino)).toBe(false);
  });

  test("a synchronous last drop (Arc.drop, a List's [Symbol.dispose]) starts the close at once; an awaited List's disposal awaits it", async () => {
    const { fh, fd, ino } = await openFile("b.txt");
    const file = Arc.new(fh);
    Arc.drop(file);
    expect(fh.fd).toBe(-1); // FileHandle.close() was called by the drop itself
    await eventually(() => !stillOpen(fd, ino));
    expect(stillOpen(fd, ino)).toBe(false);

    @ListItem()
    class Entry {
      constructor(readonly file: FileHandle) {}
      [Symbol.asyncDispose](): Promise<void> {
        return this.file.close();
      }
    }
    const opened = await Promise.all([openFile("c.txt"), openFile("d.txt")]);
    {
      using list = new List<Entry>(); // the sync disposal: each item's last drop starts its close
      for (const { fh: h } of opened) list.pushBack(ListArc.new(new Entry(h)));
    }
    for (const { fh: h } of opened) expect(h.fd).toBe(-1);
    await eventually(() => opened.every(({ fd: f, ino: i }) => !stillOpen(f, i)));
    for (const { fd: f, ino: i } of opened) expect(stillOpen(f, i)).toBe(false);

    const awaited = await Promise.all([openFile("f.txt"), openFile("g.txt")]);
    {
      await using list = new List<Entry>(); // the async one: every close is awaited by the block's end
      for (const { fh: h } of awaited) list.pushBack(ListArc.new(new Entry(h)));
    }
    for (const { fd: f, ino: i } of awaited) expect(stillOpen(f, i)).toBe(false);
  });

  test("UniqueArc and ListArc work with `await using` too", async () => {
    const { fh, fd, ino } = await openFile("e.txt");
    {
      await using unique = UniqueArc.new(fh);
      expect(unique.fd).toBe(fd);
    }
    expect(stillOpen(fd, ino)).toBe(false);
    const r = new ListedResource();
    {
      await using la = ListArc.new(r);
      expect(ListArc.strongCount(la)).toBe(1);
    }
    expect(r.asyncDisposed).toBe(1);
  });
});

describe("exactly once, and which destructor", () => {
  test("the async destructor starts once, at the last drop, however the last drop happens", async () => {
    const r = new AsyncResource();
    const a = Arc.new(r);
    const b = Arc.clone(a);
    await a[Symbol.asyncDispose]();
    expect(r.asyncDisposed).toBe(0);
    Arc.drop(b);
    expect(r.asyncDisposed).toBe(1); // started synchronously by the drop
    await new Promise((resolve) => setTimeout(resolve, 5));
    expect(r.asyncDisposed).toBe(1);
  });

  test("a value with both: a sync drop runs [Symbol.dispose], an async drop [Symbol.asyncDispose]; one of them, once", async () => {
    const viaSync = new BothResource();
    Arc.drop(Arc.new(viaSync));
    expect([viaSync.syncDisposed, viaSync.asyncDisposed]).toEqual([1, 0]);
    const viaAsync = new BothResource();
    await Arc.new(viaAsync)[Symbol.asyncDispose]();
    expect([viaAsync.syncDisposed, viaAsync.asyncDisposed]).toEqual([0, 1]);
  });

  test("`await using` on a value with only [Symbol.dispose] runs it", async () => {
    const r = new BothResource();
    Object.defineProperty(r, Symbol.asyncDispose, { value: undefined });
    {
      await using a = Arc.new(r);
      void a;
    }
    expect([r.syncDisposed, r.asyncDisposed]).toEqual([1, 0]);
  });

  test("the pointer's [Symbol.asyncDispose] is its own: it releases one count, never the pointee's directly", () => {
    const a = Arc.new(new AsyncResource());
    expect(typeof a[Symbol.asyncDispose]).toBe("function");
    expect(a[Symbol.asyncDispose]).toBe(ArcCore.prototype[Symbol.asyncDispose]);
    expect(a[Symbol.asyncDispose]).not.toBe(AsyncResource.prototype[Symbol.asyncDispose]);
    Arc.drop(a);
  });

  test("a user pointer without [Symbol.asyncDispose] does not forward the pointee's", () => {
    @SmartPointer
    class Box<T> {
      readonly [Pointee]: T;
      constructor(value: T) {
        this[Pointee] = value;
      }
    }
    const box = new Box(new AsyncResource()) as Pointer<Box<AsyncResource>, AsyncResource>;
    expect(box.asyncDisposed).toBe(0); // auto-deref of other members works
    expect((box as unknown as Record<symbol, unknown>)[Symbol.asyncDispose]).toBeUndefined();
  });
});

describe("a rejection is reported, never lost", () => {
  test("`await using` rethrows the value's rejection at the end of the block", async () => {
    const r = new AsyncResource(new Error("close failed"));
    const block = async () => {
      await using a = Arc.new(r);
      void a;
    };
    await expect(block()).rejects.toThrow("close failed");
    expect(r.asyncDisposed).toBe(1);
  });

  test("an awaited List disposal rethrows one rejection as is, several as an AggregateError, after releasing every item", async () => {
    @ListItem()
    class Item extends AsyncResource {}
    const items = [new Item(new Error("one")), new Item(), new Item(new Error("two"))];
    const dispose = async () => {
      await using list = new List<Item>();
      for (const item of items) list.pushBack(ListArc.new(item));
    };
    const error = await dispose().then(
      () => null,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(AggregateError);
    expect((error as AggregateError).errors.map((e: Error) => e.message)).toEqual(["one", "two"]);
    expect(items.map((i) => i.asyncDisposed)).toEqual([1, 1, 1]);
  });

  test("misuse through [Symbol.asyncDispose] rejects with the library's error", async () => {
    const a = Arc.new(new AsyncResource());
    await a[Symbol.asyncDispose]();
    await expect(a[Symbol.asyncDispose]()).rejects.toThrow(DoubleDropError);
    const la = ListArc.new(new ListedResource());
    const list = new List<ListedResource>();
    list.pushBack(la);
    await expect(la[Symbol.asyncDispose]()).rejects.toThrow(/ListArc\[Symbol\.asyncDispose\]: this ListArc<ListedResource> was moved/);
    expect(list.len()).toBe(1);
  });

  // A sync drop has no caller to hand the promise to: the rejection becomes an unhandled
  // rejection (an AsyncDropError naming the drop, caused by the value's error). Checked in a real
  // Node process, since the test runner treats any unhandled rejection as its own failure.
  const script = (handler: boolean) => `
    import { Arc } from ${JSON.stringify(join(root, "dist/runtime/index.js"))};
    ${handler ? `process.on("unhandledRejection", (e) => console.log(JSON.stringify({ name: e.name, operation: e.operation, pointer: e.pointer, cause: e.cause.message })));` : ""}
    class Handle { async [Symbol.asyncDispose]() { throw new Error("EBADF: close failed"); } }
    Arc.drop(Arc.new(new Handle()));
  `;
  const run = (handler: boolean) => {
    const file = join(dir, `drop-${handler}.mjs`);
    writeFileSync(file, script(handler));
    return spawnSync(process.execPath, [file], { encoding: "utf8" });
  };

  test("a sync last drop's rejection is an unhandled rejection: by default Node reports it and exits 1", () => {
    const { status, stderr } = run(false);
    expect(status).toBe(1);
    expect(stderr).toMatch(/AsyncDropError: Arc\.drop: the last reference to Arc<Handle> was dropped synchronously/);
    expect(stderr).toMatch(/EBADF: close failed/);
  });

  test("an unhandledRejection handler gets the AsyncDropError, with the drop and the cause", () => {
    const { status, stdout } = run(true);
    expect(status).toBe(0);
    expect(JSON.parse(stdout)).toEqual({ name: "AsyncDropError", operation: "Arc.drop", pointer: "Arc<Handle>", cause: "EBADF: close failed" });
  });
});
