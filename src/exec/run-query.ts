// The executor's entry: runs a planned query with the context its operators share (time zone, batch size, subqueries,
// metrics) and streams the result's batches.
import type { ColumnId } from '../logical/expr.js';
import type { LogicalPlan } from '../logical/plan.js';
import { isCorrelated } from '../optimizer/expr-facts.js';
import type { PhysicalPlan } from '../physical/plan.js';
import type { PhysicalQuery } from '../physical/planner.js';
import { subqueryOf } from '../physical/planner.js';
import type { ExecContext, OperatorMetrics } from './context.js';
import { execute } from './execute.js';
import { concatBatches } from './kernels/concat.js';
import type { Batch, JsValue } from './vector.js';

/** Rows per batch that operators producing new batches aim for. */
export const DEFAULT_BATCH_SIZE = 65_536;

export interface RunOptions {
  /** spark.sql.session.timeZone. */
  readonly timeZone: string;
  readonly batchSize?: number;
  /**
   * Receives each operator's counters (subquery operators included, summed over their runs); pass a map to read them
   * after the run (EXPLAIN ANALYZE).
   */
  readonly metrics?: Map<PhysicalPlan, OperatorMetrics>;
}

/**
 * Runs `query` and yields its batches, whose columns are `query.root.output`.
 *
 * @example
 * for await (const batch of runPlan(planPhysical(plan), { timeZone: 'UTC' })) console.log(batchRows(batch));
 */
export function runPlan(query: PhysicalQuery, options: RunOptions): AsyncGenerator<Batch> {
  const metrics = options.metrics ?? new Map<PhysicalPlan, OperatorMetrics>();
  // An uncorrelated subquery has one result per query, however many operators compile the expression holding it.
  const uncorrelated = new Map<LogicalPlan, Promise<Batch>>();

  const contextWith = (outer: ReadonlyMap<ColumnId, JsValue>): ExecContext => ({
    timeZone: options.timeZone,
    batchSize: options.batchSize ?? DEFAULT_BATCH_SIZE,
    outer,
    runSubquery: (plan, values) => {
      if (isCorrelated(plan)) return collect(subqueryOf(query, plan), contextWith(new Map([...outer, ...values])));
      let result = uncorrelated.get(plan);
      if (!result) uncorrelated.set(plan, (result = collect(subqueryOf(query, plan), contextWith(new Map()))));
      return result;
    },
    metricsOf: (node) => {
      let m = metrics.get(node);
      if (!m) metrics.set(node, (m = { rows: 0, batches: 0, timeMs: 0 }));
      return m;
    },
  });
  return execute(query.root, contextWith(new Map()));
}

/** All rows of a plan in one batch. */
async function collect(plan: PhysicalPlan, ctx: ExecContext): Promise<Batch> {
  const batches: Batch[] = [];
  for await (const b of execute(plan, ctx)) batches.push(b);
  return concatBatches(
    batches,
    plan.output.map((c) => c.type),
  );
}
