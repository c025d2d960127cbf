// ValuesExec: inline rows of constant expressions (VALUES, SELECT without FROM), evaluated a batch of rows at a time.
import type { Expr } from '../../logical/expr.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import { literalJsValue } from '../expr/literal-value.js';
import type { Operator } from '../operator.js';
import type { Batch, JsValue } from '../vector.js';
import { valueAt, vectorFromValues } from '../vector.js';

/** A batch of one row and no columns: what a constant expression is evaluated against. */
const ONE_ROW: Batch = { length: 1, columns: [] };

/** Rows in order, in batches of at most `ctx.batchSize`; rows of no columns (SELECT 1 without FROM) keep their count. */
export const values: Operator<'valuesExec'> = async function* (node, ctx) {
  for (let start = 0; start < node.rows.length; start += ctx.batchSize) {
    const rows = node.rows.slice(start, start + ctx.batchSize);
    const cells: JsValue[][] = [];
    for (const row of rows) {
      const evaluated: JsValue[] = [];
      for (const cell of row) evaluated.push(await cellValue(cell, ctx));
      cells.push(evaluated);
    }
    yield {
      length: rows.length,
      columns: node.output.map((column, c) => vectorFromValues(column.type, cells.map((row) => row[c] ?? null))),
    };
  }
};

/** A literal's value directly; any other constant (a cast, a function, a scalar subquery) through the compiler. */
async function cellValue(cell: Expr, ctx: ExecContext): Promise<JsValue> {
  if (cell.kind === 'literal') return literalJsValue(cell.value, cell.type);
  const compiled = compileExpr(cell, [], ctx);
  if (compiled.hasSubqueries) await compiled.prepare(ONE_ROW);
  return valueAt(compiled.evaluate(ONE_ROW), 0);
}
