// ProjectExec: computes each output column from the input batch (column references pass their vectors through).
import { execute } from '../execute.js';
import { compileExprs } from '../expr/compile.js';
import type { Operator } from '../operator.js';

export const project: Operator<'projectExec'> = async function* (node, ctx) {
  const columns = compileExprs(
    node.columns.map((c) => c.expr),
    node.input.output,
    ctx,
  );
  const withSubqueries = columns.filter((c) => c.hasSubqueries);
  for await (const batch of execute(node.input, ctx)) {
    for (const c of withSubqueries) await c.prepare(batch);
    yield { length: batch.length, columns: columns.map((c) => c.evaluate(batch)) };
  }
};
