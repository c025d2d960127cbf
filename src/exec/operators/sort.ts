// SortExec: reads all its input, orders the rows by the sort keys (stable), and emits them in batches of
// ctx.batchSize. Also the evaluation of ORDER BY keys that top-n and windows share.
import type { SortKey } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import { materialize } from '../join/materialize.js';
import type { SortColumn } from '../kernels/sort-indices.js';
import { sortIndices } from '../kernels/sort-indices.js';
import { takeBatch } from '../kernels/take.js';
import type { Operator } from '../operator.js';
import type { Batch } from '../vector.js';

export const sort: Operator<'sortExec'> = async function* (node, ctx) {
  const keysOf = compileSortKeys(node.order, node.input.output, ctx);
  const all = await materialize(node.input, ctx);
  const order = sortIndices(await keysOf(all), all.length);
  for (let start = 0; start < all.length; start += ctx.batchSize) {
    yield takeBatch(all, order.subarray(start, start + ctx.batchSize));
  }
};

/**
 * Compiles ORDER BY keys once; the returned function evaluates them over a batch of `input` rows.
 *
 * @example
 * const keysOf = compileSortKeys(node.order, node.input.output, ctx);
 * const order = sortIndices(await keysOf(batch), batch.length);
 */
export function compileSortKeys(order: readonly SortKey[], input: readonly Column[], ctx: ExecContext): (batch: Batch) => Promise<SortColumn[]> {
  const compiled = order.map((k) => ({ expr: compileExpr(k.expr, input, ctx), ascending: k.ascending, nullsFirst: k.nullsFirst }));
  return async (batch) => {
    const columns: SortColumn[] = [];
    for (const k of compiled) {
      if (k.expr.hasSubqueries) await k.expr.prepare(batch);
      columns.push({ vector: k.expr.evaluate(batch), ascending: k.ascending, nullsFirst: k.nullsFirst });
    }
    return columns;
  };
}
