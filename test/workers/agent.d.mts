export interface Command {
  op: "reset" | "new" | "clone" | "drop" | "send" | "receive" | "nearMax";
  id?: number;
  board?: Int32Array;
  message?: unknown;
}
export interface Reply {
  result: unknown;
  count: number | null;
  warnings: string[];
}
export declare function createAgent(): (command: Command) => Reply;
