// Join selection (principle 10): which side of a hash join is built, as a flat chain over the join type, hints and row
// estimates, with the reason kept for EXPLAIN.
import type { JoinStrategyHint, LogicalPlan } from '../logical/plan.js';

export interface BuildChoice {
  readonly build: 'left' | 'right';
  /** Why, in a few words: EXPLAIN prints it next to the join. */
  readonly reason: string;
}

/**
 * The side a hash join loads into its hash table. Outer joins build the side whose unmatched rows are not output
 * (the operator streams the other); semi and anti joins build the smaller side by estimate, except NOT IN's
 * null-aware one, which builds the right; inner joins follow a broadcast hint, else the smaller estimate.
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
  if (joinType === 'right') return { build: 'left', reason: 'a right join streams its right side' };
  if ((joinType === 'semi' || joinType === 'anti') && !nullAware) {
    // Either side can be built: a built left side has its rows marked as they match and is output at the end.
    const [l, r] = [estimate(left), estimate(right)];
    if (l !== undefined && r !== undefined && l < r) return { build: 'left', reason: `smaller side (${show(l)} < ${show(r)} rows)` };
  }
  if (joinType !== 'inner') return { build: 'right', reason: `a ${joinType} join streams its left side` };
  const [leftHint, rightHint] = [hintOf(left), hintOf(right)];
  if (leftHint === 'broadcast' && rightHint !== 'broadcast') return { build: 'left', reason: 'broadcast hint' };
  if (rightHint === 'broadcast' && leftHint !== 'broadcast') return { build: 'right', reason: 'broadcast hint' };
  const [l, r] = [estimate(left), estimate(right)];
  if (l === undefined || r === undefined) return { build: 'right', reason: 'no row estimate' };
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
