// Join selection (principle 10): which side of a hash join is built, as a flat chain over the join type, hints and row
// estimates, with the reason kept for EXPLAIN.
import type { JoinStrategyHint, LogicalPlan, Statistics, TableSource } from '../logical/plan.js';
import { planChildren } from '../logical/traverse.js';

export interface BuildChoice {
  readonly build: 'left' | 'right';
  /** Why, in a few words: EXPLAIN prints it next to the join. */
  readonly reason: string;
}

/** A table's statistics, when the catalog knows them. */
export type TableStatistics = (source: TableSource) => Statistics | undefined;

/**
 * The side a hash join loads into its hash table. Outer and existence joins build the side whose unmatched rows
 * are not output (the operator streams the other); inner joins follow a broadcast hint, else the smaller estimate.
 *
 * @example
 * chooseBuildSide('inner', left, right, rows) // { build: 'left', reason: 'smaller side (25 < 6000 rows)' }
 */
export function chooseBuildSide(
  joinType: 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti',
  left: LogicalPlan,
  right: LogicalPlan,
  estimate: (p: LogicalPlan) => number | undefined,
): BuildChoice {
  if (joinType === 'right') return { build: 'left', reason: 'a right join streams its right side' };
  if (joinType !== 'inner') return { build: 'right', reason: `a ${joinType} join streams its left side` };
  const [leftHint, rightHint] = [hintOf(left), hintOf(right)];
  if (leftHint === 'broadcast' && rightHint !== 'broadcast') return { build: 'left', reason: 'broadcast hint' };
  if (rightHint === 'broadcast' && leftHint !== 'broadcast') return { build: 'right', reason: 'broadcast hint' };
  const [l, r] = [estimate(left), estimate(right)];
  if (l === undefined || r === undefined) return { build: 'right', reason: 'no row estimate' };
  return l < r ? { build: 'left', reason: `smaller side (${l} < ${r} rows)` } : { build: 'right', reason: `smaller side (${r} <= ${l} rows)` };
}

/** The join strategy hint on a join input, looking through the nodes the optimizer may have put above it. */
export function hintOf(plan: LogicalPlan): JoinStrategyHint | undefined {
  switch (plan.kind) {
    case 'hint':
      return plan.strategy;
    case 'subqueryAlias':
    case 'filter':
    case 'project':
      return hintOf(plan.input);
    default:
      return undefined;
  }
}

/**
 * Upper bounds of output rows from the tables' row counts, cheap enough for every join: filters and grouping are
 * assumed to keep every row, an equi-join as many rows as its larger input (a key to foreign-key join).
 * Undefined where a table's count is unknown.
 */
export function rowEstimator(tableStatistics: TableStatistics | undefined): (p: LogicalPlan) => number | undefined {
  const memo = new WeakMap<LogicalPlan, number | undefined>();
  const estimate = (p: LogicalPlan): number | undefined => {
    if (memo.has(p)) return memo.get(p);
    const children = planChildren(p).map(estimate);
    const known = children.every((n) => n !== undefined) ? (children as number[]) : undefined;
    let rows: number | undefined;
    switch (p.kind) {
      case 'scan':
        rows = p.stats?.rowCount ?? tableStatistics?.(p.source)?.rowCount;
        break;
      case 'values':
        rows = p.rows.length;
        break;
      case 'range':
        rows = Math.max(0, Math.ceil((p.end - p.start) / p.step));
        break;
      case 'aggregate':
        rows = p.groupKeys.length ? known?.[0] : 1;
        break;
      case 'expand':
        rows = known && known[0]! * p.projections.length;
        break;
      case 'limit':
        rows = known && (p.limit === undefined ? known[0] : Math.min(known[0]!, p.limit));
        break;
      case 'join':
        rows = known && (p.joinType === 'semi' || p.joinType === 'anti' ? known[0] : p.condition && p.joinType !== 'cross' ? Math.max(...known) : known[0]! * known[1]!);
        break;
      case 'union':
        rows = known?.reduce((a, b) => a + b, 0);
        break;
      default:
        // Filter, Project, Sort, Window, Distinct, Intersect, Except, aliases, hints, repartitioning: at most the (first) input's rows.
        rows = known?.[0];
    }
    memo.set(p, rows);
    return rows;
  };
  return estimate;
}
