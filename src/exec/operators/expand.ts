// ExpandExec (grouping sets): each input batch comes out once per projection, in projection order.
import { execute } from '../execute.js';
import { compileExpr } from '../expr/compile.js';
import type { Operator } from '../operator.js';

export const expand: Operator<'expandExec'> = async function* (node, ctx) {
  const projections = node.projections.map((exprs) => exprs.map((e) => compileExpr(e, node.input.output, ctx)));
  const withSubqueries = projections.flat().filter((c) => c.hasSubqueries);
  for await (const batch of execute(node.input, ctx)) {
    for (const c of withSubqueries) await c.prepare(batch);
    for (const columns of projections) yield { length: batch.length, columns: columns.map((c) => c.evaluate(batch)) };
  }
};
