import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";

/** A position as tsserver's protocol gives it: 1-based line and column ("offset"). */
export interface Location {
  readonly line: number;
  readonly offset: number;
}

/** One diagnostic of `semanticDiagnosticsSync`. */
export interface ProtocolDiagnostic {
  readonly start: Location;
  readonly end: Location;
  readonly text: string;
  readonly code: number;
  readonly category: string;
  readonly source?: string;
}

/** One edit of a code fix: replace `[start, end)` by `newText`. */
export interface CodeEdit {
  readonly start: Location;
  readonly end: Location;
  readonly newText: string;
}

export interface CodeFix {
  readonly fixName: string;
  readonly description: string;
  readonly changes: readonly { readonly fileName: string; readonly textChanges: readonly CodeEdit[] }[];
}

interface Response {
  readonly type: "response";
  readonly request_seq: number;
  readonly success: boolean;
  readonly message?: string;
  readonly body?: unknown;
}

/**
 * A real tsserver process, driven over its stdio protocol as an editor drives it: requests are
 * JSON lines on stdin; responses and events come back framed by `Content-Length` headers.
 * Invariant: `pending` holds exactly the requests sent and not yet answered, by `seq`.
 */
export class TsServer {
  private readonly child: ChildProcessWithoutNullStreams;
  private readonly pending = new Map<number, { resolve(r: Response): void; reject(e: Error): void }>();
  private buffer = Buffer.alloc(0);
  private seq = 0;
  private stderr = "";

  /** Starts `node [nodeArgs] tsserver [args]`. */
  constructor(tsserver: string, args: readonly string[] = [], nodeArgs: readonly string[] = []) {
    this.child = spawn(process.execPath, [...nodeArgs, tsserver, "--disableAutomaticTypingAcquisition", "--locale", "en", ...args], { stdio: "pipe" });
    this.child.stdout.on("data", (chunk: Buffer) => this.read(chunk));
    this.child.stderr.on("data", (chunk: Buffer) => (this.stderr += chunk.toString()));
    this.child.on("exit", (code) => {
      for (const { reject } of this.pending.values()) reject(new Error(`tsserver exited (${code}) before answering: ${this.stderr}`));
      this.pending.clear();
    });
  }

  /** Sends a request that has no response (`open`, `change`). */
  notify(command: string, args: object): void {
    this.child.stdin.write(JSON.stringify({ seq: ++this.seq, type: "request", command, arguments: args }) + "\n");
  }

  /** Sends a request and resolves with its response's body; rejects if tsserver reports a failure. */
  async request<T>(command: string, args?: object): Promise<T> {
    const seq = ++this.seq;
    const response = new Promise<Response>((resolve, reject) => this.pending.set(seq, { resolve, reject }));
    this.child.stdin.write(JSON.stringify({ seq, type: "request", command, arguments: args }) + "\n");
    const { success, message, body } = await response;
    if (!success) throw new Error(`tsserver ${command} failed: ${message}`);
    return body as T;
  }

  async close(): Promise<void> {
    const exited = new Promise((resolve) => this.child.once("exit", resolve));
    this.notify("exit", {});
    await exited;
  }

  /** Splits stdout into `Content-Length` frames and settles the requests they answer. */
  private read(chunk: Buffer): void {
    this.buffer = Buffer.concat([this.buffer, chunk]);
    for (;;) {
      const headerEnd = this.buffer.indexOf("\r\n\r\n");
      if (headerEnd < 0) return;
      const length = Number(/Content-Length: (\d+)/.exec(this.buffer.subarray(0, headerEnd).toString())![1]);
      const bodyStart = headerEnd + 4;
      if (this.buffer.length < bodyStart + length) return;
      const message = JSON.parse(this.buffer.subarray(bodyStart, bodyStart + length).toString()) as Response | { type: "event" };
      this.buffer = this.buffer.subarray(bodyStart + length);
      if (message.type === "response") {
        this.pending.get(message.request_seq)?.resolve(message);
        this.pending.delete(message.request_seq);
      }
    }
  }
}

/** The character index of a protocol location in `text`. */
export function indexOf(text: string, { line, offset }: Location): number {
  const lineStarts = [0, ...[...text.matchAll(/\n/g)].map((m) => m.index + 1)];
  return lineStarts[line - 1]! + offset - 1;
}

/** `text` with `edits` applied (tsserver's edits of one file never overlap). */
export function applyEdits(text: string, edits: readonly CodeEdit[]): string {
  const ranges = edits.map((e) => ({ start: indexOf(text, e.start), end: indexOf(text, e.end), text: e.newText })).sort((a, b) => b.start - a.start);
  return ranges.reduce((t, r) => t.slice(0, r.start) + r.text + t.slice(r.end), text);
}
