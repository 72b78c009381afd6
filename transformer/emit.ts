import type TS from "typescript";
import type { CallShape } from "./core/sites.js";
import type { Options } from "./options.js";

/**
 * The expansion's code shapes, one per strategy: internal and free to change (the ABI import
 * is versioned). Each builder returns an expression; none looks anything up at run time
 * beyond reading the pointee.
 */

/** The runtime entry emitted code imports: internal and versioned (see runtime/internal/abi.ts). */
export const ABI_MODULE = "ts-smart-pointer/internal/abi";
export const ABI_EXPORT = "abi2";

/** Where the generated code gets the runtime ABI and the Pointee key from. */
export interface Names {
  readonly abi: TS.Identifier;
  readonly pointeeKey: TS.Identifier;
}

export interface Emitter {
  /** The pointee of `pointer`, read for `member`. */
  deref(pointer: TS.Expression, member: string): TS.Expression;
  /** `pointer.member(...args)` expanded to a direct call on the pointee. */
  call(pointer: TS.Expression, member: string, args: readonly TS.Expression[], shape: CallShape): TS.Expression;
  /** Declarations the expansion needs at the end of the file (thunks). */
  trailer(): TS.Statement[];
}

export function createEmitter(ts: typeof TS, context: TS.TransformationContext, options: Options, names: Names): Emitter {
  const f = context.factory;
  const debug = options.mode === "debug";

  /** `abi.fn(args)`. */
  const abiCall = (fn: string, ...args: TS.Expression[]) => f.createCallExpression(f.createPropertyAccessExpression(names.abi, fn), undefined, args);
  const deref = (pointer: TS.Expression, member: string): TS.Expression =>
    debug ? abiCall("live", pointer, f.createStringLiteral(member)) : f.createElementAccessExpression(pointer, names.pointeeKey);
  const method = (target: TS.Expression, member: string) => f.createPropertyAccessExpression(target, member);
  /** `p` itself when it can be evaluated twice, else a hoisted temporary assigned once. */
  const once = (pointer: TS.Expression): [first: TS.Expression, again: TS.Expression] => {
    if (ts.isIdentifier(pointer) || pointer.kind === ts.SyntaxKind.ThisKeyword) return [pointer, pointer];
    const temp = f.createTempVariable(context.hoistVariableDeclaration);
    return [f.createParenthesizedExpression(f.createAssignment(temp, pointer)), temp];
  };

  /** `abi.move(p, "m")`: a debug build hands the receiver a moved-out pointer. */
  const moveOut = (pointer: TS.Expression, member: string) => abiCall("move", pointer, f.createStringLiteral(member));

  function inlineCall(pointer: TS.Expression, member: string, args: readonly TS.Expression[], shape: CallShape): TS.Expression {
    if (shape === "method") return f.createCallExpression(method(deref(pointer, member), member), undefined, args);
    if (shape === "move" && debug) {
      const temp = f.createTempVariable(context.hoistVariableDeclaration);
      const moved = f.createParenthesizedExpression(f.createAssignment(temp, moveOut(pointer, member)));
      return f.createCallExpression(method(f.createElementAccessExpression(moved, names.pointeeKey), member), undefined, [temp, ...args]);
    }
    const [first, again] = once(pointer);
    return f.createCallExpression(method(deref(first, member), member), undefined, [again, ...args]);
  }

  /** A thunk's body: as the inline call, with a local instead of a hoisted temporary. */
  function thunkBody(p: TS.Identifier, member: string, rest: TS.Expression, shape: CallShape): TS.Statement[] {
    if (shape !== "move" || !debug) return [f.createReturnStatement(inlineCall(p, member, [rest], shape))];
    const s = f.createIdentifier("s");
    const declaration = f.createVariableDeclaration(s, undefined, undefined, moveOut(p, member));
    const call = f.createCallExpression(method(f.createElementAccessExpression(s, names.pointeeKey), member), undefined, [s, rest]);
    return [f.createVariableStatement(undefined, f.createVariableDeclarationList([declaration], ts.NodeFlags.Const)), f.createReturnStatement(call)];
  }

  const thunks = new Map<string, { name: TS.Identifier; declaration: () => TS.Statement }>();

  /** One function per (member, shape) for the whole file: `function __sp_run(p, ...a) { ... }`. */
  function thunkFor(member: string, shape: CallShape): TS.Identifier {
    const key = `${shape}:${member}`;
    let thunk = thunks.get(key);
    if (!thunk) {
      const name = f.createUniqueName(`__sp_${shape}_${member}`);
      const p = f.createIdentifier("p");
      const a = f.createIdentifier("a");
      const spread = f.createSpreadElement(a);
      thunk = {
        name,
        declaration: () =>
          f.createFunctionDeclaration(
            undefined,
            undefined,
            name,
            undefined,
            [f.createParameterDeclaration(undefined, undefined, p), f.createParameterDeclaration(undefined, f.createToken(ts.SyntaxKind.DotDotDotToken), a)],
            undefined,
            f.createBlock(thunkBody(p, member, spread, shape), true),
          ),
      };
      thunks.set(key, thunk);
    }
    return thunk.name;
  }

  return {
    deref,
    call: (pointer, member, args, shape) =>
      options.strategy === "thunk" ? f.createCallExpression(thunkFor(member, shape), undefined, [pointer, ...args]) : inlineCall(pointer, member, args, shape),
    trailer: () => [...thunks.values()].map((t) => t.declaration()),
  };
}
