import type { SharedArc } from "ts-smart-pointer";
export declare const NEXT_ID: number, IN_FLIGHT: number, RELEASES: number, HOLDERS: number, EARLY: number, USED_AFTER: number, RELEASED_BY: number;
export declare function newBoard(capacity: number): Int32Array;
export declare function capacityOf(board: Int32Array): number;
export declare function cell(board: Int32Array, id: number, field: number): number;
export declare class Tracked {
  readonly board: Int32Array;
  readonly id: number;
  constructor(board: Int32Array, id: number);
  held(): void;
  letGo(): void;
  check(): void;
  [Symbol.dispose](): void;
}
export declare function newTracked(board: Int32Array): SharedArc<Tracked>;
