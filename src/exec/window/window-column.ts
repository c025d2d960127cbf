// One window function's output column: dispatches on the function to its family — ranking, lag/lead, a value of
// the frame, or an aggregate over the frame.
import type { Expr, WindowExpr } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import { constantArg } from '../aggregates/constant-args.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import type { Batch, Vector } from '../vector.js';
import { frameAggregateColumn } from './frame-aggregates.js';
import { frameBounds } from './frame-bounds.js';
import { frameValueColumn } from './frame-values.js';
import { offsetColumn } from './offset-functions.js';
import { rankingColumn } from './ranking.js';
import type { WindowRows } from './window-rows.js';

/**
 * The values of `expr` for every row of `input` (in its row order), whose rows `rows` arranges.
 *
 * @example
 * const rows = arrangeRows(partitionKeys, orderKeys, input.length);
 * const ranks = await windowColumn(rankExpr, rows, input, child.output, ctx);
 */
export async function windowColumn(expr: WindowExpr, rows: WindowRows, input: Batch, columns: readonly Column[], ctx: ExecContext): Promise<Vector> {
  const evaluate = async (e: Expr): Promise<Vector> => {
    const compiled = compileExpr(e, columns, ctx);
    if (compiled.hasSubqueries) await compiled.prepare(input);
    return compiled.evaluate(input);
  };
  const constantInt = (index: number, fallback: number): number => {
    const v = constantArg(expr, index, ctx);
    return v === undefined || v === null ? fallback : Number(v);
  };
  switch (expr.name) {
    case 'row_number':
    case 'rank':
    case 'dense_rank':
    case 'percent_rank':
    case 'cume_dist':
      return rankingColumn(expr.name, expr.type, rows);
    case 'ntile':
      return rankingColumn('ntile', expr.type, rows, constantInt(0, 1));
    case 'lag':
    case 'lead': {
      const offset = constantInt(1, 1);
      const fallback = expr.args[2] ? await evaluate(expr.args[2]) : undefined;
      return offsetColumn(expr.name === 'lag' ? -offset : offset, expr.ignoreNulls, await evaluate(expr.args[0]!), fallback, rows);
    }
    case 'first':
    case 'any_value':
    case 'last':
      // first(x, true) is first(x) IGNORE NULLS.
      return frameValueColumn(
        { kind: expr.name === 'last' ? 'last' : 'first' },
        expr.ignoreNulls || constantArg(expr, 1, ctx) === true,
        await evaluate(expr.args[0]!),
        rows,
        frameBounds(expr.frame, rows),
      );
    case 'nth_value':
      return frameValueColumn(
        { kind: 'nth', n: constantInt(1, 1) },
        expr.ignoreNulls || constantArg(expr, 2, ctx) === true,
        await evaluate(expr.args[0]!),
        rows,
        frameBounds(expr.frame, rows),
      );
    default:
      return frameAggregateColumn(expr, evaluate, rows, frameBounds(expr.frame, rows), ctx);
  }
}
