// The contract of an optimizer rule: a named, meaning-preserving rewrite of one logical plan.
import type { ColumnId } from '../logical/expr.js';
import type { Column, LogicalPlan } from '../logical/plan.js';

/** What the driver tells a rule about the plan it rewrites. */
export interface RuleContext {
  /**
   * The columns of the enclosing queries that outer references in the plan resolve to: empty for the query itself,
   * filled when the driver runs the rule on a subquery plan.
   */
  readonly outer: ReadonlyMap<ColumnId, Column>;
}

export interface RuleResult {
  readonly plan: LogicalPlan;
  /** Whether `plan` differs from the input; the driver iterates until no rule reports a change. */
  readonly changed: boolean;
}

/**
 * One rewrite of a plan (principle 3). The driver runs it on the query and on every subquery plan inside it, each
 * separately; the rewritten plan must have the same output columns and validate.
 *
 * @example
 * const rule: OptimizerRule = { name: 'noop', rewrite: (plan) => ({ plan, changed: false }) };
 */
export interface OptimizerRule {
  /** snake_case; shown by EXPLAIN and used in `sqlopt.optimizer.disabled`. */
  readonly name: string;
  /** Run in the first pass only (Spark's `Once` batches): for a rule whose output later rules move away from its input. */
  readonly once?: boolean;
  rewrite(plan: LogicalPlan, ctx: RuleContext): RuleResult;
}

/** The result of a rewrite that keeps object identity when nothing changed (as the traversal API does). */
export function resultOf(before: LogicalPlan, after: LogicalPlan): RuleResult {
  return { plan: after, changed: after !== before };
}
