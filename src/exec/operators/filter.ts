// FilterExec: keeps the rows where the condition is true (not false, not NULL).
import { execute } from '../execute.js';
import { compileExpr } from '../expr/compile.js';
import { selectTrue, takeBatch } from '../kernels/take.js';
import type { Operator } from '../operator.js';

/** Batches whose rows all pass are passed on as they are; batches with none are dropped. */
export const filter: Operator<'filterExec'> = async function* (node, ctx) {
  const condition = compileExpr(node.condition, node.input.output, ctx);
  // A condition of the NULL type (WHERE NULL) is never true.
  if (condition.type.kind === 'null') return;
  for await (const batch of execute(node.input, ctx)) {
    if (condition.hasSubqueries) await condition.prepare(batch);
    const selected = selectTrue(condition.evaluate(batch));
    if (selected.length === batch.length) yield batch;
    else if (selected.length > 0) yield takeBatch(batch, selected);
  }
};
