// Join selection (principle 10): which side of a hash join is built, as a flat chain over the join type, hints and row
// estimates, with the reason kept for EXPLAIN.
import type { JoinStrategyHint, LogicalPlan } from '../logical/plan.js';

export interface BuildChoice {
  readonly build: 'left' | 'right';
  /** Why, in a few words: EXPLAIN prints it next to the join. */
  readonly reason: string;
}

/**
 * The side a hash join loads into its hash table: inner joins follow a broadcast hint; every join builds the smaller
 * side by estimate (outer, semi and anti joins too: the operator marks a built side's rows as they match), except
 * NOT IN's null-aware join, which builds its subquery side. Without estimates, the right side (the left of a right join).
 *
 * @example
 * chooseBuildSide('inner', left, right, rows) // { build: 'left', reason: 'smaller side (25 < 6000 rows)' }
 */
export function chooseBuildSide(
  joinType: 'inner' | 'left' | 'right' | 'full' | 'semi' | 'anti',
  left: LogicalPlan,
  right: LogicalPlan,
  estimate: (p: LogicalPlan) => number | undefined,
  nullAware = false,
): BuildChoice {
  if (nullAware) return { build: 'right', reason: "NOT IN's null-aware join builds its subquery side" };
  if (joinType === 'inner') {
    const [leftHint, rightHint] = [hintOf(left), hintOf(right)];
    if (leftHint === 'broadcast' && rightHint !== 'broadcast') return { build: 'left', reason: 'broadcast hint' };
    if (rightHint === 'broadcast' && leftHint !== 'broadcast') return { build: 'right', reason: 'broadcast hint' };
  }
  // Any join can build either side: outer, semi and anti joins mark a built side's rows as they match and output
  // those their type keeps at the end.
  const [l, r] = [estimate(left), estimate(right)];
  if (l === undefined || r === undefined)
    return joinType === 'right' ? { build: 'left', reason: 'no row estimate: a right join streams its right side' } : { build: 'right', reason: 'no row estimate' };
  return l < r ? { build: 'left', reason: `smaller side (${show(l)} < ${show(r)} rows)` } : { build: 'right', reason: `smaller side (${show(r)} <= ${show(l)} rows)` };
}

// Estimates are fractional; EXPLAIN shows whole rows.
function show(rows: number): number {
  return Math.round(rows);
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
