// FilterExec: keeps the rows where the condition is true (not false, not NULL).
import { execute } from '../execute.js';
import { compileExpr } from '../expr/compile.js';
import { selectTrue, takeBatch } from '../kernels/take.js';
import type { Operator } from '../operator.js';

/**
 * Batches whose rows all pass are passed on as they are; batches with none are dropped. The output may be fewer
 * columns than the input (the planner drops those only the condition reads): only those are gathered.
 */
export const filter: Operator<'filterExec'> = async function* (node, ctx) {
  const condition = compileExpr(node.condition, node.input.output, ctx);
  // A condition of the NULL type (WHERE NULL) is never true.
  if (condition.type.kind === 'null') return;
  const inputIds = node.input.output.map((c) => c.id);
  const kept = node.output.length === inputIds.length ? undefined : node.output.map((c) => inputIds.indexOf(c.id));
  for await (const batch of execute(node.input, ctx)) {
    if (condition.hasSubqueries) await condition.prepare(batch);
    const selected = selectTrue(condition.evaluate(batch));
    if (selected.length === 0) continue;
    const output = kept ? { length: batch.length, columns: kept.map((i) => batch.columns[i]!) } : batch;
    yield selected.length === batch.length ? output : takeBatch(output, selected);
  }
};
