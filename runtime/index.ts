/**
 * ts-smart-pointer: the Linux kernel's Rust smart pointers for TypeScript.
 * See README.md for the receiver convention and SPEC-level semantics.
 */
export { Pointee, type AnyPointer } from "./pointee.js";
export { SmartPointer } from "./smart-pointer.js";
export { Arc, ArcCore, UniqueArc, UniqueArcCore, ArcBorrow, ArcBorrowCore } from "./arc.js";
export type { Pointer, Project } from "./types.js";
export { REFCOUNT_MAX } from "./refcount.js";
export { SmartPointerError, UseAfterDropError, UseAfterMoveError, DoubleDropError, AlreadyOwnedError, AsyncDropError, ListError, REFCOUNT_WARNING } from "./errors.js";
export { ListArc, ListArcCore } from "./list-arc.js";
export { List, Cursor, CursorPeek } from "./list.js";
export { ListItem } from "./list-item.js";
export { SharedArc, SharedArcCore, type SharedArcMessage } from "./shared-arc.js";
export { trackLeaks, LEAK_WARNING, type Leak, type TrackLeaksOptions } from "./leaks.js";
