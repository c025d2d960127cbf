// A join's condition beyond equal keys (hash join residual, nested-loop condition), evaluated on candidate pairs.
import type { ColumnId, Expr } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import { subqueryPlans, visitExpr } from '../../logical/traverse.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import { selectTrue } from '../kernels/take.js';
import type { Batch } from '../vector.js';
import type { ColumnSource } from './join-sides.js';
import { columnSources, gatherRows } from './join-sides.js';
import type { Pairs } from './pairs.js';

export interface JoinCondition {
  /** The pairs for which the condition is true (not false, not NULL). */
  filter(pairs: Pairs, probe: Batch, build: Batch): Promise<Pairs>;
}

/**
 * Compiles `condition` over the columns of `left` then `right` (the inputs' outputs), `build` telling which one
 * is materialised.
 *
 * @example
 * const residual = compileJoinCondition(node.residual, node.left.output, node.right.output, node.build, ctx);
 * const matched = await residual.filter(candidates, probeBatch, buildBatch);
 */
export function compileJoinCondition(
  condition: Expr,
  left: readonly Column[],
  right: readonly Column[],
  build: 'left' | 'right',
  ctx: ExecContext,
): JoinCondition {
  const inputs = [...left, ...right];
  // Gathering only the columns the condition reads keeps wide rows cheap; a subquery inside it may read outer
  // values from any input column, so then all are gathered.
  const ids = referencedColumns(condition);
  const used = subqueryPlans(condition).length > 0 ? inputs : inputs.filter((c) => ids.has(c.id));
  const sources: readonly ColumnSource[] = columnSources(used, left, right, build);
  const compiled = compileExpr(condition, used, ctx);
  return {
    async filter(pairs, probe, buildBatch) {
      const batch = gatherRows(sources, probe, pairs.probe, buildBatch, pairs.build);
      if (compiled.hasSubqueries) await compiled.prepare(batch);
      const keep = selectTrue(compiled.evaluate(batch));
      if (keep.length === pairs.probe.length) return pairs;
      return { probe: pick(pairs.probe, keep), build: pick(pairs.build, keep) };
    },
  };
}

function referencedColumns(e: Expr): Set<ColumnId> {
  const ids = new Set<ColumnId>();
  visitExpr(e, (x) => {
    if (x.kind === 'column') ids.add(x.id);
  });
  return ids;
}

function pick(rows: Int32Array, keep: Int32Array): Int32Array {
  const out = new Int32Array(keep.length);
  for (let i = 0; i < keep.length; i++) out[i] = rows[keep[i]!]!;
  return out;
}
