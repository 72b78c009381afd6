import type TS from "typescript";
import type { PointerKind } from "./facts.js";
import type { QSymbol } from "./queries.js";
import { lineOf, textOf, type Syntax } from "./syntax.js";

/**
 * A control-flow walker over one function body (or a module's top level): it runs the
 * statements in evaluation order over an abstract state of the tracked variables, joins the
 * states where paths meet (branches, loop heads, `switch` fallthrough, `catch`, `finally`) and
 * iterates loops to a fixpoint, so a state says what holds on *some* path to a point.
 *
 * The walker knows control flow only; what a node does to a variable (a move, a borrow, an
 * acquisition of an owned pointer) comes from its `FlowRules`, and what is wrong comes out
 * through the rules' report hooks. Nested functions are walked separately (`FlowRules.closure`):
 * creating one is a use of what it captures, or a move of what its body moves.
 */

/** Where a tracked variable was moved: a consumed identifier, or a closure that moves it. */
export interface MoveSite {
  /** The moving node: the moved identifier (`job` in `job.run()`), or the closure. */
  readonly at: TS.Node;
  /** The moving expression's text, for messages (`job.run(10)`). */
  readonly by: string;
  readonly line: number;
  /** The moved pointer's kind (for a closure that moves a captured pointer: that pointer's). */
  readonly kind?: PointerKind;
  /** Set when the moved variable is a closure that moves a captured variable: that variable's name. */
  readonly movesCaptured?: string;
  /** Set on the twin of a move that reached a loop's head through its way back: "in previous iteration of loop". */
  readonly previousIteration?: true;
}

/** The move `at` makes, described by the expression `moving` that makes it (its text, cut for messages, and line). */
export function moveSite(file: TS.SourceFile, at: TS.Node, moving: TS.Node, more: Partial<MoveSite> = {}): MoveSite {
  return { at, by: textOf(file, moving).slice(0, 60), line: lineOf(file, moving.getStart(file)), ...more };
}

/**
 * What holds for one variable on the paths reaching a point. Invariants: `moves` lists each
 * site once; a variable absent from a state is live and owns nothing the leak rule tracks.
 */
export interface VarState {
  /** The moves on some path since the variable was last assigned; empty: live on every path. */
  readonly moves: readonly MoveSite[];
  /** Present when, on some path, the variable holds an owned pointer that nothing consumed yet. */
  readonly owned?: { readonly path?: string };
}

/** The tracked variables' states; `null` where no path reaches (after `return`, `break`...). */
export type State = ReadonlyMap<QSymbol, VarState> | null;

/** What a walked function leaves behind for its creator: the tracked variables still moved at its exits (the creator reads those it captures). */
export interface FunctionSummary {
  readonly moves: ReadonlyMap<QSymbol, readonly MoveSite[]>;
}

/** The walker's questions about nodes, and where it reports what it finds. */
export interface FlowRules {
  /** The tracked variable `identifier` (a reference, not a declaration name) names, if any. */
  variableAt(identifier: TS.Identifier): QSymbol | undefined;
  /** The move that evaluating `identifier` makes where it stands (a consumed argument, a moving receiver). */
  moveAt(identifier: TS.Identifier, symbol: QSymbol): MoveSite | undefined;
  /** True when `expression` makes a fresh owned pointer that the leak rule follows into `symbol`. */
  acquires(symbol: QSymbol, expression: TS.Expression | undefined): boolean;
  /** The parameters of `fn` that own a pointer at entry (a moving `self`): leak candidates of its outermost scope. */
  ownedParameters(fn: TS.Node): readonly QSymbol[];
  /** The summary of a nested function (walked once, on first request). */
  closure(fn: TS.Node): FunctionSummary;
  /** The tracked variables `node` (a nested function or class) references from outside it, with a reference each. */
  capturesOf(node: TS.Node): ReadonlyMap<QSymbol, TS.Identifier>;
  /** True when `call` (one of the runtime's) leaves ownership of its pointer arguments with the caller. */
  borrowsArguments(call: TS.CallExpression): boolean;
  useOfMoved(use: TS.Identifier, symbol: QSymbol, moves: readonly MoveSite[]): void;
  leak(symbol: QSymbol, path: string): void;
}

const LIVE: VarState = { moves: [] };
/** Loops converge in two or three rounds (states only grow); the cap is a guard, not a limit met in practice. */
const MAX_ROUNDS = 8;

/** The state where the paths of `inputs` meet; an input's string names the path it stands for (for leak reports). */
export function join(inputs: readonly (readonly [State, string?])[]): State {
  const reached = inputs.filter((i): i is readonly [ReadonlyMap<QSymbol, VarState>, string?] => i[0] !== null);
  if (reached.length === 0) return null;
  if (reached.length === 1) return reached[0]![0];
  const symbols = new Set<QSymbol>();
  for (const [state] of reached) for (const symbol of state.keys()) symbols.add(symbol);
  const joined = new Map<QSymbol, VarState>();
  for (const symbol of symbols) {
    const states = reached.map(([state, path]) => [state.get(symbol) ?? LIVE, path] as const);
    const moves = [...new Set(states.flatMap(([s]) => s.moves))];
    const owning = states.find(([s]) => s.owned);
    // Owned on only some paths: the path it stays owned on is the one a leak report names.
    const everywhere = states.every(([s]) => s.owned);
    const owned = owning && { path: owning[0].owned!.path ?? (everywhere ? undefined : owning[1]) };
    joined.set(symbol, owned ? { moves, owned } : moves.length > 0 ? { moves } : LIVE);
  }
  return joined;
}

function sameState(a: State, b: State): boolean {
  if (a === b) return true;
  if (!a || !b || a.size !== b.size) return false;
  for (const [symbol, x] of a) {
    const y = b.get(symbol);
    if (!y || !x.owned !== !y.owned || x.moves.length !== y.moves.length || x.moves.some((m, i) => m !== y.moves[i])) return false;
  }
  return true;
}

type JumpKind = "break" | "continue" | "return" | "throw" | "raise";

/** A transfer of control to an enclosing frame; `raise` is an implicit exception (any call may throw). */
interface Jump {
  readonly kind: JumpKind;
  readonly label?: string;
  /** What the leak rule names as the path's exit: "at the `return` on line 7". */
  readonly exit: string;
  readonly state: ReadonlyMap<QSymbol, VarState>;
}

/**
 * An enclosing construct a jump can reach. `depth` is the number of scopes open when it was
 * entered: a jump to it leaves the scopes above that depth.
 */
type Frame =
  | { readonly is: "function"; readonly depth: number; readonly exits: State[] }
  | { readonly is: "loop"; readonly depth: number; readonly labels: readonly string[]; breaks: [State, string][]; continues: State[] }
  | { readonly is: "block"; readonly depth: number; readonly labels: readonly string[]; readonly isSwitch: boolean; breaks: [State, string][] }
  | { readonly is: "catch"; readonly depth: number; entries: State[] }
  | { readonly is: "finally"; readonly depth: number; pending: Jump[]; raised: State };

/** Walks function bodies over the rules' state; one instance per file. */
export function createFlowWalker(syntax: Syntax, file: TS.SourceFile, rules: FlowRules) {
  const K = syntax.SyntaxKind;
  const line = (node: TS.Node) => lineOf(file, node.getStart(file));
  const twins = new Map<MoveSite, MoveSite>();
  /** The same move, as seen from the next iteration (one object per move, so states compare by identity). */
  function twin(site: MoveSite): MoveSite {
    if (site.previousIteration) return site;
    let t = twins.get(site);
    if (!t) twins.set(site, (t = { ...site, previousIteration: true }));
    return t;
  }
  /** `back` as the loop's head sees it: its moves come from the previous iteration. */
  function iterated(back: State): State {
    if (!back) return back;
    const out = new Map<QSymbol, VarState>();
    for (const [symbol, v] of back) out.set(symbol, v.moves.length === 0 ? v : { ...v, moves: v.moves.map(twin) });
    return out;
  }
  /** A condition that is never false (`while (true)`, `for (;;)`): its loop is left only by a jump. */
  const alwaysTrue = (condition: TS.Expression | undefined) => !condition || condition.kind === K.TrueKeyword;

  /** Walks `fn` (a function-like node or the source file) from entry to every exit. */
  function walkFunction(fn: TS.Node): FunctionSummary {
    const frames: Frame[] = [];
    /** The leak candidates declared in each open scope, innermost last. */
    const scopes: QSymbol[][] = [];

    const get = (s: ReadonlyMap<QSymbol, VarState>, symbol: QSymbol) => s.get(symbol) ?? LIVE;
    const put = (s: ReadonlyMap<QSymbol, VarState>, symbol: QSymbol, v: VarState) => new Map(s).set(symbol, v);

    /** Leaves the scopes above `depth`: what they still own leaks at `exit` (not on implicit exceptions). */
    function leaveScopes(s: ReadonlyMap<QSymbol, VarState>, depth: number, exit: string, report: boolean): ReadonlyMap<QSymbol, VarState> {
      let out = s;
      for (let i = scopes.length - 1; i >= depth; i--) {
        for (const symbol of scopes[i]!) {
          const owned = out.get(symbol)?.owned;
          if (owned && report) rules.leak(symbol, owned.path ? `${owned.path}, ${exit}` : exit);
          if (out.has(symbol)) {
            const copy = new Map(out);
            copy.delete(symbol);
            out = copy;
          }
        }
      }
      return out;
    }

    /** Sends `jump` to the innermost frame below `from` that takes it. */
    function dispatch(jump: Jump, from = frames.length - 1): void {
      for (let i = from; i >= 0; i--) {
        const frame = frames[i]!;
        const report = jump.kind !== "raise";
        if (frame.is === "finally") {
          const state = leaveScopes(jump.state, frame.depth, jump.exit, report);
          if (jump.kind === "raise") frame.raised = join([[frame.raised], [state]]);
          else frame.pending.push({ ...jump, state });
          return;
        }
        if (frame.is === "catch" && (jump.kind === "throw" || jump.kind === "raise")) {
          frame.entries.push(leaveScopes(jump.state, frame.depth, jump.exit, report));
          return;
        }
        if (frame.is === "loop" && (jump.kind === "break" || jump.kind === "continue") && (!jump.label || frame.labels.includes(jump.label))) {
          const state = leaveScopes(jump.state, frame.depth, jump.exit, report);
          if (jump.kind === "break") frame.breaks.push([state, jump.exit]);
          else frame.continues.push(state);
          return;
        }
        if (frame.is === "block" && jump.kind === "break" && (jump.label ? frame.labels.includes(jump.label) : frame.isSwitch)) {
          frame.breaks.push([leaveScopes(jump.state, frame.depth, jump.exit, report), jump.exit]);
          return;
        }
        if (frame.is === "function" && jump.kind !== "break" && jump.kind !== "continue") {
          const state = leaveScopes(jump.state, 0, jump.exit, report);
          if (jump.kind === "return") frame.exits.push(state);
          return;
        }
      }
    }

    /** An implicit exception may leave from here: a `catch` or `finally` around sees this state. */
    function mayRaise(s: State): void {
      if (s && frames.some((f) => f.is === "catch" || f.is === "finally")) dispatch({ kind: "raise", exit: "", state: s });
    }

    // ---- expressions ----

    /**
     * Evaluates `node` in `s`. `borrowed`: the value is only looked at (a receiver, a condition, a
     * comparison), so a pointer read here keeps its owner; elsewhere it may be given away.
     */
    function expression(node: TS.Node | undefined, s: State, borrowed = false): State {
      if (!node || !s) return s;
      switch (node.kind) {
        case K.Identifier:
          return reference(node as TS.Identifier, s, borrowed);
        case K.ParenthesizedExpression:
        case K.NonNullExpression:
        case K.AsExpression:
        case K.SatisfiesExpression:
        case K.TypeAssertionExpression:
        case K.AwaitExpression:
          return expression((node as TS.ParenthesizedExpression).expression, s, borrowed);
        case K.TypeOfExpression:
          return expression((node as TS.TypeOfExpression).expression, s, true);
        case K.PrefixUnaryExpression: {
          const unary = node as TS.PrefixUnaryExpression;
          return expression(unary.operand, s, unary.operator === K.ExclamationToken);
        }
        case K.PropertyAccessExpression:
          return expression((node as TS.PropertyAccessExpression).expression, s, true);
        case K.ElementAccessExpression: {
          const access = node as TS.ElementAccessExpression;
          // `p[Symbol.dispose]()` drops the pointer: not a borrow.
          const disposes = file.text.slice(access.argumentExpression.getStart(file), access.argumentExpression.end) === "Symbol.dispose";
          return expression(access.argumentExpression, expression(access.expression, s, !disposes), true);
        }
        case K.BinaryExpression:
          return binary(node as TS.BinaryExpression, s, borrowed);
        case K.ConditionalExpression: {
          const c = node as TS.ConditionalExpression;
          const tested = expression(c.condition, s, true);
          return join([[expression(c.whenTrue, tested, borrowed)], [expression(c.whenFalse, tested, borrowed)]]);
        }
        case K.CallExpression:
          return call(node as TS.CallExpression, s);
        case K.NewExpression: {
          const n = node as TS.NewExpression;
          return (n.arguments ?? []).reduce<State>((acc, a) => expression(a, acc), expression(n.expression, s, true));
        }
        case K.ArrowFunction:
        case K.FunctionExpression:
          return closure(node, s);
        case K.ClassExpression:
          return captured(node, s);
        case K.ObjectLiteralExpression:
          return (node as TS.ObjectLiteralExpression).properties.reduce<State>((acc, p) => property(p, acc), s);
        default: {
          let out: State = s;
          syntax.forEachChild(node, (child) => {
            out = expression(child, out);
          });
          return out;
        }
      }
    }

    function property(p: TS.ObjectLiteralElementLike, s: State): State {
      if (!s) return s;
      if (p.kind === K.PropertyAssignment) {
        const assignment = p as TS.PropertyAssignment;
        const key = assignment.name.kind === K.ComputedPropertyName ? expression(assignment.name, s) : s;
        return expression(assignment.initializer, key);
      }
      if (p.kind === K.ShorthandPropertyAssignment) return reference((p as TS.ShorthandPropertyAssignment).name, s, false); // `{ job }`: the rules resolve the value
      if (p.kind === K.SpreadAssignment) return expression((p as TS.SpreadAssignment).expression, s);
      return closure(p, s); // a method or accessor: a closure over its surroundings
    }

    /** A read of `identifier`: a use (an error if it may be moved), then its move, if it makes one. */
    function reference(identifier: TS.Identifier, s: ReadonlyMap<QSymbol, VarState>, borrowed: boolean): State {
      const symbol = rules.variableAt(identifier);
      if (!symbol) return s;
      const move = rules.moveAt(identifier, symbol);
      return put(s, symbol, move ? (use(identifier, symbol, s), { moves: [move] }) : read(use(identifier, symbol, s), borrowed));
    }

    /** The state of `symbol` after a use at `identifier`: reported if it may be moved, then live (one report per move). */
    function use(identifier: TS.Identifier, symbol: QSymbol, s: ReadonlyMap<QSymbol, VarState>): VarState {
      const v = get(s, symbol);
      if (v.moves.length === 0) return v;
      rules.useOfMoved(identifier, symbol, v.moves);
      return v.owned ? { moves: [], owned: v.owned } : LIVE;
    }

    /** A read that is not a move: unless it only borrows, the pointer may be given away (stored, passed, returned). */
    const read = (v: VarState, borrowed: boolean): VarState => (v.owned && !borrowed ? { moves: v.moves } : v);

    /** `symbol` gets a new value: live again, owned if it is a fresh owned pointer. */
    function assign(symbol: QSymbol, s: ReadonlyMap<QSymbol, VarState>, owned: boolean, overwrites: TS.Node | undefined): ReadonlyMap<QSymbol, VarState> {
      const before = s.get(symbol)?.owned;
      if (before && overwrites) rules.leak(symbol, `${before.path ? `${before.path}, ` : ""}when it is overwritten on line ${line(overwrites)}`);
      return put(s, symbol, owned ? { moves: [], owned: {} } : LIVE);
    }

    function binary(node: TS.BinaryExpression, s: ReadonlyMap<QSymbol, VarState>, borrowed: boolean): State {
      const op = node.operatorToken.kind;
      if (op === K.EqualsToken && node.left.kind === K.Identifier) {
        const after = expression(node.right, s);
        const symbol = rules.variableAt(node.left as TS.Identifier);
        return after && symbol ? assign(symbol, after, rules.acquires(symbol, node.right), node) : after;
      }
      if (op === K.AmpersandAmpersandToken || op === K.BarBarToken || op === K.QuestionQuestionToken) {
        // `a && x.run()`: the right side runs on some paths only. The left of `&&` is a value only when falsy.
        const left = expression(node.left, s, borrowed || op === K.AmpersandAmpersandToken);
        return join([[left], [expression(node.right, left, borrowed)]]);
      }
      if (op === K.AmpersandAmpersandEqualsToken || op === K.BarBarEqualsToken || op === K.QuestionQuestionEqualsToken) {
        const left = expression(node.left, s, true);
        return join([[left], [expression(node.right, left)]]);
      }
      const compares = op === K.EqualsEqualsEqualsToken || op === K.ExclamationEqualsEqualsToken || op === K.EqualsEqualsToken || op === K.ExclamationEqualsToken || op === K.InstanceOfKeyword;
      const assigns = op === K.EqualsToken;
      return expression(node.right, expression(node.left, s, compares || assigns), compares);
    }

    function call(node: TS.CallExpression, s: ReadonlyMap<QSymbol, VarState>): State {
      const afterCallee = expression(node.expression, s, true);
      const lends = rules.borrowsArguments(node);
      const out = node.arguments.reduce<State>((acc, a) => expression(a, acc, lends), afterCallee);
      mayRaise(out);
      return out;
    }

    /** Creating a closure: what its body moves of the captured variables moves here; the rest is a use. */
    function closure(fn: TS.Node, s: ReadonlyMap<QSymbol, VarState>): State {
      const { moves } = rules.closure(fn);
      let out = s;
      for (const [symbol, reference] of rules.capturesOf(fn)) {
        const v = use(reference, symbol, out);
        const moved = moves.get(symbol);
        out = put(out, symbol, moved ? { moves: [moveSite(file, fn, fn, { kind: moved[0]?.kind })] } : read(v, false));
      }
      return out;
    }

    /** A class or hoisted function: it may use what it captures at any time, so they escape, with no move check. */
    function captured(node: TS.Node, s: ReadonlyMap<QSymbol, VarState>): State {
      let out = s;
      for (const symbol of rules.capturesOf(node).keys()) {
        const v = out.get(symbol);
        if (v?.owned) out = put(out, symbol, { moves: v.moves });
      }
      return out;
    }

    // ---- statements ----

    function statements(list: readonly TS.Statement[], s: State): State {
      let out = s;
      for (const statement of list) out = walkStatement(statement, out);
      return out;
    }

    /** A block with its own scope: what its declarations still own at its end leaks there. */
    function block(list: readonly TS.Statement[], s: State, end: TS.Node): State {
      scopes.push([]);
      const out = statements(list, s);
      const left = out && leaveScopes(out, scopes.length - 1, `at the end of its block on line ${lineOf(file, end.end)}`, true);
      scopes.pop();
      return left;
    }

    const walkStatement = (node: TS.Statement, s: State): State => s && statement(node, s);

    function declarations(list: TS.VariableDeclarationList, s: State): State {
      let out = s;
      for (const d of list.declarations) {
        out = expression(d.initializer, out);
        if (!out || d.name.kind !== K.Identifier) continue;
        const symbol = rules.variableAt(d.name as TS.Identifier);
        if (!symbol) continue;
        const owned = rules.acquires(symbol, d.initializer);
        if (owned) scopes[scopes.length - 1]!.push(symbol);
        out = assign(symbol, out, owned, undefined);
      }
      return out;
    }

    function statement(node: TS.Statement, s: ReadonlyMap<QSymbol, VarState>): State {
      switch (node.kind) {
        case K.Block:
          return block((node as TS.Block).statements, s, node);
        case K.ExpressionStatement:
          return expression((node as TS.ExpressionStatement).expression, s, true);
        case K.VariableStatement:
          return declarations((node as TS.VariableStatement).declarationList, s);
        case K.IfStatement: {
          const n = node as TS.IfStatement;
          const tested = expression(n.expression, s, true);
          const at = `when the \`if\` on line ${line(n)}`;
          return join([[walkStatement(n.thenStatement, tested), `${at} is true`], [n.elseStatement ? walkStatement(n.elseStatement, tested) : tested, `${at} is false`]]);
        }
        case K.ReturnStatement: {
          const after = expression((node as TS.ReturnStatement).expression, s);
          if (after) dispatch({ kind: "return", exit: `at the \`return\` on line ${line(node)}`, state: after });
          return null;
        }
        case K.ThrowStatement: {
          const after = expression((node as TS.ThrowStatement).expression, s);
          if (after) dispatch({ kind: "throw", exit: `at the \`throw\` on line ${line(node)}`, state: after });
          return null;
        }
        case K.BreakStatement:
        case K.ContinueStatement: {
          const label = (node as TS.BreakStatement).label?.text;
          const kind = node.kind === K.BreakStatement ? "break" : "continue";
          dispatch({ kind, label, exit: `at the \`${kind}\` on line ${line(node)}`, state: s });
          return null;
        }
        case K.LabeledStatement:
          return labelled(node as TS.LabeledStatement, s, []);
        case K.WhileStatement:
        case K.DoStatement:
        case K.ForStatement:
        case K.ForOfStatement:
        case K.ForInStatement:
          return loop(node, s, []);
        case K.SwitchStatement:
          return switchStatement(node as TS.SwitchStatement, s, []);
        case K.TryStatement:
          return tryStatement(node as TS.TryStatement, s);
        case K.FunctionDeclaration:
        case K.ClassDeclaration:
        case K.ModuleDeclaration:
        case K.EnumDeclaration:
          return captured(node, s);
        case K.ExportAssignment:
          return expression((node as TS.ExportAssignment).expression, s);
        case K.InterfaceDeclaration:
        case K.TypeAliasDeclaration:
        case K.ImportDeclaration:
        case K.ImportEqualsDeclaration:
        case K.ExportDeclaration:
          return s;
        default:
          return expression(node, s);
      }
    }

    function labelled(node: TS.LabeledStatement, s: ReadonlyMap<QSymbol, VarState>, outer: readonly string[]): State {
      const labels = [...outer, node.label.text];
      const inner = node.statement;
      if (inner.kind === K.LabeledStatement) return labelled(inner as TS.LabeledStatement, s, labels);
      if ([K.WhileStatement, K.DoStatement, K.ForStatement, K.ForOfStatement, K.ForInStatement].includes(inner.kind)) return loop(inner, s, labels);
      if (inner.kind === K.SwitchStatement) return switchStatement(inner as TS.SwitchStatement, s, labels);
      const frame: Frame = { is: "block", depth: scopes.length, labels, isSwitch: false, breaks: [] };
      frames.push(frame);
      const out = walkStatement(inner, s);
      frames.pop();
      return join([[out], ...frame.breaks]);
    }

    /**
     * A loop: the head's state is the join of the entry and every way back (the body's end,
     * `continue`), iterated until it stops growing. A move that reaches a use through the way
     * back is a move "in previous iteration of loop".
     */
    function loop(node: TS.Node, s: ReadonlyMap<QSymbol, VarState>, labels: readonly string[]): State {
      scopes.push([]); // the scope of a `for` head's declarations
      let entry: State = s;
      if (node.kind === K.ForStatement) {
        const init = (node as TS.ForStatement).initializer;
        entry = init && init.kind === K.VariableDeclarationList ? declarations(init as TS.VariableDeclarationList, s) : expression(init, s);
      } else if (node.kind === K.ForOfStatement || node.kind === K.ForInStatement) {
        entry = expression((node as TS.ForOfStatement).expression, s);
      }
      const start = entry;
      const frame: Frame & { is: "loop" } = { is: "loop", depth: scopes.length, labels, breaks: [], continues: [] };
      frames.push(frame);
      let exit: State = null;
      for (let round = 0; round < MAX_ROUNDS; round++) {
        frame.breaks = [];
        frame.continues = [];
        const [back, whenDone] = iterate(node, entry);
        exit = whenDone;
        const next = join([[start], [iterated(back)]]);
        if (sameState(next, entry)) break;
        entry = next;
      }
      frames.pop();
      const out = join([[exit, `when the loop on line ${line(node)} ends`], ...frame.breaks]);
      const left = out && leaveScopes(out, scopes.length - 1, `at the end of the loop on line ${line(node)}`, true);
      scopes.pop();
      return left;
    }

    /** One round of a loop from its head state: the state going back to the head, and the state leaving it normally. */
    function iterate(node: TS.Node, head: State): [back: State, done: State] {
      const frame = frames[frames.length - 1] as Frame & { is: "loop" };
      const ended = (body: State) => join([[body], ...frame.continues.map((c) => [c] as const)]);
      if (node.kind === K.WhileStatement) {
        const n = node as TS.WhileStatement;
        const tested = expression(n.expression, head, true);
        return [ended(walkStatement(n.statement, tested)), alwaysTrue(n.expression) ? null : tested];
      }
      if (node.kind === K.DoStatement) {
        const n = node as TS.DoStatement;
        const tested = expression(n.expression, ended(walkStatement(n.statement, head)), true);
        return [tested, alwaysTrue(n.expression) ? null : tested];
      }
      if (node.kind === K.ForStatement) {
        const n = node as TS.ForStatement;
        const tested = expression(n.condition, head, true);
        const back = expression(n.incrementor, ended(walkStatement(n.statement, tested)), true);
        return [back, alwaysTrue(n.condition) ? null : tested];
      }
      const n = node as TS.ForOfStatement;
      let bound: State = head;
      if (bound && n.initializer.kind === K.VariableDeclarationList) {
        scopes.push([]);
        bound = declarations(n.initializer as TS.VariableDeclarationList, bound);
      } else if (bound && n.initializer.kind === K.Identifier) {
        const symbol = rules.variableAt(n.initializer as TS.Identifier);
        if (symbol) bound = assign(symbol, bound, false, n.initializer);
      }
      let body = walkStatement(n.statement, bound);
      if (n.initializer.kind === K.VariableDeclarationList) {
        body = body && leaveScopes(body, scopes.length - 1, `at the end of the loop body on line ${line(n.statement)}`, true);
        scopes.pop();
      }
      return [ended(body), head];
    }

    function switchStatement(node: TS.SwitchStatement, s: ReadonlyMap<QSymbol, VarState>, labels: readonly string[]): State {
      const tested = expression(node.expression, s, true);
      const frame: Frame & { is: "block" } = { is: "block", depth: scopes.length, labels, isSwitch: true, breaks: [] };
      frames.push(frame);
      scopes.push([]);
      let fallthrough: State = null;
      let hasDefault = false;
      for (const clause of node.caseBlock.clauses) {
        const entry = join([[tested], [fallthrough]]);
        const matched = clause.kind === K.CaseClause ? expression((clause as TS.CaseClause).expression, entry, true) : entry;
        hasDefault ||= clause.kind === K.DefaultClause;
        fallthrough = statements(clause.statements, matched);
      }
      const end = `at the end of the \`switch\` on line ${line(node)}`;
      const last = fallthrough && leaveScopes(fallthrough, scopes.length - 1, end, true);
      scopes.pop();
      frames.pop();
      return join([[last], ...frame.breaks, [hasDefault ? null : tested, `when no \`case\` of the \`switch\` on line ${line(node)} matches`]]);
    }

    /**
     * `try`: the `catch` starts from any state the `try` block passes through (any call may
     * throw); `finally` runs after the normal end, and once more for each jump it intercepts, which
     * then continues to its target.
     */
    function tryStatement(node: TS.TryStatement, s: ReadonlyMap<QSymbol, VarState>): State {
      const fin: (Frame & { is: "finally" }) | undefined = node.finallyBlock ? { is: "finally", depth: scopes.length, pending: [], raised: null } : undefined;
      if (fin) frames.push(fin);
      const catcher: (Frame & { is: "catch" }) | undefined = node.catchClause ? { is: "catch", depth: scopes.length, entries: [] } : undefined;
      if (catcher) frames.push(catcher);
      mayRaise(s);
      const afterTry = walkStatement(node.tryBlock, s);
      let afterCatch: State = null;
      if (catcher) {
        frames.pop();
        afterCatch = walkStatement(node.catchClause!.block, join(catcher.entries.map((e) => [e] as const)));
      }
      const normal = join([[afterTry], [afterCatch]]);
      if (!fin) return normal;
      frames.pop();
      const finallyBlock = node.finallyBlock!;
      for (const jump of fin.pending) {
        const after = walkStatement(finallyBlock, jump.state);
        if (after) dispatch({ ...jump, state: after });
      }
      if (fin.raised) {
        const after = walkStatement(finallyBlock, fin.raised);
        if (after) dispatch({ kind: "raise", exit: "", state: after });
      }
      return walkStatement(finallyBlock, normal);
    }

    // ---- the function ----

    const frame: Frame & { is: "function" } = { is: "function", depth: 0, exits: [] };
    frames.push(frame);
    const owned = rules.ownedParameters(fn);
    scopes.push([...owned]);
    const entry: ReadonlyMap<QSymbol, VarState> = new Map(owned.map((p) => [p, { moves: [], owned: {} }]));
    const body = syntax.isSourceFile(fn) ? fn : (fn as TS.FunctionLikeDeclaration).body;
    let end: State;
    if (!body) end = null;
    else if (syntax.isSourceFile(body) || syntax.isBlock(body)) end = statements(body.statements, entry);
    else end = expression(body, entry); // an arrow's expression body: its value is returned
    const where = syntax.isSourceFile(fn) ? "at the end of the module" : `at the end of the function on line ${lineOf(file, fn.end)}`;
    const exits = join([[end && leaveScopes(end, 0, where, true)], ...frame.exits.map((e) => [e] as const)]);
    const moves = new Map<QSymbol, readonly MoveSite[]>();
    for (const [symbol, v] of exits ?? []) if (v.moves.length > 0) moves.set(symbol, v.moves);
    return { moves };
  }

  return { walkFunction };
}
