// The start time of a query: the value of current_timestamp() and current_date() throughout it, as Spark's
// ComputeCurrentTime fixes them once per query.
import type { ExecContext } from '../context.js';

const starts = new WeakMap<object, number>();

/**
 * Microseconds since the epoch when the query's first expression was compiled. ExecContext carries no query
 * identity, so the query is recognised by its `metricsOf` function: one per query, and shared by the contexts a
 * query derives for its correlated subqueries (which copy the context with other outer values).
 */
export function queryStartMicros(ctx: ExecContext): number {
  let start = starts.get(ctx.metricsOf);
  if (start === undefined) {
    start = Date.now() * 1000;
    starts.set(ctx.metricsOf, start);
  }
  return start;
}
