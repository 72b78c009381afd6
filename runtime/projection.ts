import { Pointee } from "./pointee.js";
import { KIND, describePointer, type PointerKind } from "./kind.js";
import { CELL, GONE, goneError, makeHandlesWith, moveOut, type Handle } from "./handle.js";
import { describeMember, receiverInfo, renamedParametersError, selfParameterIndex } from "./receivers.js";
import { releaseMode } from "./mode.js";
import { INSPECT } from "./inspect.js";

/**
 * Projection prototypes: auto-deref and receivers with no compiler plugin.
 *
 * A handle's prototype is the projection of (its kind, its pointee's class): an object holding
 * one forwarder per pointee member, over the kind's prototype. The pointee's own prototype is
 * the vtable, so `Arc<Shape>` holding a Circle dispatches to Circle (DispatchFromDyn).
 *
 * Invariant: each forwarder is compiled for exactly one (kind, class, member), so its inline
 * caches see one class and stay monomorphic however many classes the program wraps.
 */

/** Symbols that belong to the pointer, never forwarded to the pointee. */
const POINTER_KEYS = new Set<PropertyKey>(["constructor", Pointee, CELL, KIND, INSPECT, Symbol.dispose, Symbol.asyncDispose]);

/** projections.get(base).get(pointee prototype) is the projection prototype. */
const projections = new WeakMap<object, Map<object | null, Projection>>();

interface Projection {
  readonly proto: object;
  /** Keys forwarded or deliberately not forwarded, so a later value's extra fields can be added. */
  readonly known: Set<PropertyKey>;
  readonly shadowed: ReadonlySet<PropertyKey>;
}

/**
 * The prototype for a handle of `kind` (inheriting from `base`) that points at `value`.
 * `pointer` is a user pointer's instance, whose own fields also shadow the pointee's.
 */
export function projectionFor(kind: PointerKind, base: object, value: unknown, pointer?: object): object {
  if (typeof value !== "object" && typeof value !== "function") return base;
  if (value === null) return base;
  const pointeeProto = Object.getPrototypeOf(value) as object | null;
  let byClass = projections.get(base);
  if (!byClass) projections.set(base, (byClass = new Map()));
  let projection = byClass.get(pointeeProto);
  if (!projection) {
    projection = buildProjection(kind, base, pointeeProto, value, pointer);
    byClass.set(pointeeProto, projection);
  } else if (!releaseMode || isPlainPrototype(pointeeProto)) {
    addFields(kind, projection, value);
  }
  return projection.proto;
}

function isPlainPrototype(proto: object | null): boolean {
  return proto === null || proto === Object.prototype;
}

function buildProjection(kind: PointerKind, base: object, pointeeProto: object | null, value: object, pointer?: object): Projection {
  const shadowed = pointerMembers(base, pointer);
  const projection: Projection = { proto: Object.create(base), known: new Set(), shadowed };
  makeHandlesWith(projection.proto);
  if (pointeeProto && typeof pointeeProto.constructor === "function") rejectStaticReceivers(pointeeProto);
  for (let holder = pointeeProto; holder && holder !== Object.prototype && holder !== Function.prototype; holder = Object.getPrototypeOf(holder)) {
    for (const key of Reflect.ownKeys(holder)) {
      if (projection.known.has(key) || POINTER_KEYS.has(key) || Object.prototype.hasOwnProperty.call(value, key)) continue;
      projection.known.add(key);
      defineForwarder(kind, projection, holder, key, Reflect.getOwnPropertyDescriptor(holder, key)!);
    }
  }
  addFields(kind, projection, value);
  return projection;
}

/** Forwards `value`'s own fields that the projection does not know yet. */
function addFields(kind: PointerKind, projection: Projection, value: object): void {
  for (const key of Reflect.ownKeys(value)) {
    if (projection.known.has(key) || POINTER_KEYS.has(key)) continue;
    projection.known.add(key);
    if (projection.shadowed.has(key)) continue;
    Object.defineProperty(projection.proto, key, fieldForwarder(key, kind.writable));
  }
}

function defineForwarder(kind: PointerKind, projection: Projection, holder: object, key: PropertyKey, desc: PropertyDescriptor): void {
  const { proto, shadowed } = projection;
  if (typeof desc.value === "function") {
    const info = receiverInfo(holder, key, desc.value as Function);
    if (shadowed.has(key)) {
      // The pointer's own member wins, as a plain lookup would. Over a receiver method this is
      // ambiguous in Rust (E0034): the transformer reports it at compile time.
    } else if (info.receiver === "unknowable") {
      define(proto, key, function () { throw renamedParametersError(holder, key); });
    } else if (info.receiver && info.kind !== null && info.kind !== kind.name) {
      define(proto, key, function (this: Handle) { throw wrongKindError(this, holder, key, info.kind!); });
    } else {
      const self = !info.receiver ? "none" : kind.passSelf === "move" && !releaseMode ? "move" : "this";
      define(proto, key, compileForwarder(key, self));
    }
  } else if (!shadowed.has(key)) {
    const writable = kind.writable && (desc.set !== undefined || (desc.get === undefined && desc.writable === true));
    Object.defineProperty(proto, key, fieldForwarder(key, writable));
  }
}

function define(proto: object, key: PropertyKey, fn: Function): void {
  Object.defineProperty(proto, key, { value: fn, writable: true, configurable: true, enumerable: false });
}

/** Members the pointer itself has (its class's, and a user pointer's own fields). */
function pointerMembers(base: object, pointer?: object): ReadonlySet<PropertyKey> {
  const keys = new Set<PropertyKey>(pointer ? Object.keys(pointer) : []);
  for (let p: object | null = base; p && p !== Object.prototype; p = Object.getPrototypeOf(p)) {
    for (const key of Reflect.ownKeys(p)) if (!POINTER_KEYS.has(key)) keys.add(key);
  }
  return keys;
}

/** A receiver needs a pointer to an instance; on a static method it means nothing (rustc E0307). */
function rejectStaticReceivers(pointeeProto: object): void {
  for (let ctor = pointeeProto.constructor as Function | null; ctor && ctor !== Function.prototype; ctor = Object.getPrototypeOf(ctor)) {
    for (const key of Reflect.ownKeys(ctor)) {
      const fn = Reflect.getOwnPropertyDescriptor(ctor, key)!.value as unknown;
      if (typeof fn === "function" && !isClass(fn) && selfParameterIndex(fn) === 0 && receiverInfo(ctor, key, fn).receiver === true) {
        throw new TypeError(
          `${describeMember(ctor, key)}: a static method cannot be a receiver method (rustc E0307: invalid \`self\` parameter type); make it an instance method, or rename its first parameter.`,
        );
      }
    }
  }
}

function isClass(fn: Function): boolean {
  return /^class\b/.test(Function.prototype.toString.call(fn));
}

function wrongKindError(h: Handle, holder: object, key: PropertyKey, receiverKind: string): TypeError {
  return new TypeError(
    `${describeMember(holder, key)} takes \`self: ${receiverKind}<this>\`, so it cannot be called on ${describePointer(h[KIND], h[Pointee])}; convert the pointer to a ${receiverKind} first.`,
  );
}

function readonlyError(h: Handle, key: PropertyKey): TypeError {
  return new TypeError(
    `cannot assign to \`${String(key)}\` through ${describePointer(h[KIND], h[Pointee])}: it gives shared (read-only) access. Use a UniqueArc for unique, writable access.`,
  );
}

/** Throws the right error for a member used on a retired handle. */
function dead(h: Handle, key: PropertyKey): never {
  throw goneError(h, `.${String(key)}`);
}

function move(h: Handle, key: PropertyKey): Handle {
  return moveOut(h, `the receiver method .${String(key)}()`);
}

type SelfPassing = "none" | "this" | "move";

const IDENTIFIER = /^[\p{L}\p{Nl}$_][\p{L}\p{Nl}\p{Mn}\p{Mc}\p{Nd}\p{Pc}$]*$/u;

/** `.run` when the key is a plain name (a named-property inline cache), `[K]` otherwise. */
function access(key: PropertyKey): string {
  return typeof key === "string" && IDENTIFIER.test(key) ? `.${key}` : "[K]";
}

const canCompile = (() => {
  try {
    return new Function("return 1")() === 1;
  } catch {
    return false; // no eval (CSP, some edge runtimes): fall back to shared closures
  }
})();

/**
 * A forwarder for method `key`: calls it on the pointee, passing `self` as asked.
 * Each is compiled by `new Function`, so each gets its own feedback (see the invariant above).
 */
function compileForwarder(key: PropertyKey, self: SelfPassing): Function {
  const selfArg = self === "none" ? "" : self === "this" ? "this, " : "move(this, K), ";
  if (canCompile) {
    const body = `"use strict"; return function (...a) { const v = this[P]; if (v === G) dead(this, K); return v${access(key)}(${selfArg}...a); };`;
    return new Function("P", "G", "dead", "move", "K", body)(Pointee, GONE, dead, move, key) as Function;
  }
  return function (this: Handle, ...a: unknown[]) {
    const v = this[Pointee] as Record<PropertyKey, Function>;
    if (v === (GONE as unknown)) dead(this, key);
    if (self === "none") return v[key]!(...a);
    return v[key]!(self === "this" ? this : move(this, key), ...a);
  };
}

function fieldForwarder(key: PropertyKey, writable: boolean): PropertyDescriptor {
  const at = access(key);
  let get: Function;
  let set: Function;
  if (canCompile) {
    const make = (body: string) => new Function("P", "G", "dead", "K", `"use strict"; return ${body};`)(Pointee, GONE, dead, key) as Function;
    get = make(`function () { const v = this[P]; if (v === G) dead(this, K); return v${at}; }`);
    set = writable ? make(`function (x) { const v = this[P]; if (v === G) dead(this, K); v${at} = x; }`) : readonlySetter(key);
  } else {
    get = function (this: Handle) {
      const v = this[Pointee] as Record<PropertyKey, unknown>;
      if (v === (GONE as unknown)) dead(this, key);
      return v[key];
    };
    set = writable
      ? function (this: Handle, x: unknown) {
          const v = this[Pointee] as Record<PropertyKey, unknown>;
          if (v === (GONE as unknown)) dead(this, key);
          v[key] = x;
        }
      : readonlySetter(key);
  }
  return { get: get as () => unknown, set: set as (x: unknown) => void, configurable: true, enumerable: false };
}

function readonlySetter(key: PropertyKey): Function {
  return function (this: Handle) {
    throw readonlyError(this, key);
  };
}
