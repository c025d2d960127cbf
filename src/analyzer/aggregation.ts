// Rewrites expressions to sit above an Aggregate: grouped sub-expressions become key columns, aggregate calls
// become aggregate output columns, and any other column reference is the "not in GROUP BY" error.
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import { T } from '../types/data-type.js';
import type { Expr, NamedExpr, AggregateExpr } from '../logical/expr.js';
import type { Column } from '../logical/plan.js';
import { binary, call, cast, columnRef, literal } from '../logical/expr-builders.js';
import { mapExprChildren } from '../logical/traverse.js';
import { printExpr } from '../logical/print-expr.js';
import type { AnalyzerContext } from './context.js';

export interface GroupingKey {
  /** The key as bound against the aggregation's input. */
  readonly expr: Expr;
  /** The Aggregate's output column for it. */
  readonly output: Column;
}

export interface AggregationState {
  readonly ctx: AnalyzerContext;
  readonly keys: readonly GroupingKey[];
  /** Aggregate calls found so far, each once; the Aggregate node's aggregate list. */
  readonly aggregates: NamedExpr[];
  /** With grouping sets: the grouping id column (bit i set = key i not grouped in that row's set). */
  readonly groupingId?: Column;
}

/** Structural identity of a bound expression (they are plain data). */
export function exprKey(e: Expr): string {
  return JSON.stringify(e);
}

/**
 * A short name without column ids for an internal column: `sum(l_quantity)`, `(a % 10)`, and for a window
 * function just its call, `rank()` (its window is visible on the Window node).
 */
export function internalName(e: Expr): string {
  const withoutIds = (x: Expr) => printExpr(x).replace(/#\d+/g, '');
  if (e.kind === 'window') return `${e.name}(${e.args.map(withoutIds).join(', ')})`;
  return e.kind === 'binary' ? `(${withoutIds(e)})` : withoutIds(e);
}

export function rewriteOverAggregate(e: Expr, st: AggregationState, span?: Span): Expr {
  const keyIndex = new Map(st.keys.map((k, i) => [exprKey(k.expr), i]));
  const rewrite = (x: Expr): Expr => {
    const i = keyIndex.get(exprKey(x));
    if (i !== undefined) return columnRef(st.keys[i]!.output);
    switch (x.kind) {
      case 'aggregate':
        return columnRef(registerAggregate(x, st));
      case 'column':
        return fail(
          'ANALYSIS_NOT_GROUPED',
          `\`${x.name}\` is neither in GROUP BY nor in an aggregate function`,
          span,
          `add \`${x.name}\` to GROUP BY, or wrap it in an aggregate such as first(${x.name}) or any_value(${x.name})`,
        );
      case 'call':
        if (x.name === 'grouping' || x.name === 'grouping_id') return groupingCall(x.name, x.args, st, keyIndex, span);
        return mapExprChildren(x, rewrite);
      default:
        return mapExprChildren(x, rewrite);
    }
  };
  return rewrite(e);
}

function registerAggregate(a: AggregateExpr, st: AggregationState): Column {
  const key = exprKey(a);
  const existing = st.aggregates.find((n) => exprKey(n.expr) === key);
  const n = existing ?? { id: st.ctx.newId(), name: internalName(a), expr: a };
  if (!existing) st.aggregates.push(n);
  return { id: n.id, name: n.name, type: a.type, nullable: a.nullable };
}

/** grouping(k) = bit of k in the grouping id; grouping_id(k1…km) packs those bits; without sets they are 0. */
function groupingCall(
  name: 'grouping' | 'grouping_id',
  args: readonly Expr[],
  st: AggregationState,
  keyIndex: ReadonlyMap<string, number>,
  span?: Span,
): Expr {
  const n = st.keys.length;
  const indexes = (name === 'grouping_id' && args.length === 0 ? st.keys.map((k) => k.expr) : args).map((a) => {
    const i = keyIndex.get(exprKey(a));
    if (i === undefined) fail('ANALYSIS_GROUPING_ARGUMENT', `the arguments of ${name}() must be GROUP BY expressions`, span);
    return i!;
  });
  const gid = st.groupingId;
  const bit = (i: number): Expr =>
    gid
      ? binary('&', call('shiftright', [columnRef(gid), literal(n - 1 - i, T.int)], T.bigint, false), literal('1', T.bigint), T.bigint)
      : literal('0', T.bigint);
  if (name === 'grouping') return cast(bit(indexes[0]!), T.tinyint);
  if (gid && indexes.length === n && indexes.every((k, j) => k === j)) return columnRef(gid);
  const m = indexes.length;
  return indexes
    .map((k, j) => (m - 1 - j === 0 ? bit(k) : call('shiftleft', [bit(k), literal(m - 1 - j, T.int)], T.bigint, false)))
    .reduce((a, b) => binary('|', a, b, T.bigint));
}
