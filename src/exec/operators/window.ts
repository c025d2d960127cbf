// WindowExec: reads all its input, computes each window function over its partitions and frames, and emits the
// input rows in their original order with one column per window function after the input's columns.
import { InternalError } from '../../common/errors.js';
import type { WindowExpr } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import { materialize } from '../join/materialize.js';
import { takeBatch } from '../kernels/take.js';
import type { Operator } from '../operator.js';
import type { Batch, Vector } from '../vector.js';
import { windowColumn } from '../window/window-column.js';
import type { WindowRows } from '../window/window-rows.js';
import { arrangeRows } from '../window/window-rows.js';
import { compileSortKeys } from './sort.js';

export const window: Operator<'windowExec'> = async function* (node, ctx) {
  const input = await materialize(node.input, ctx);
  const columns = node.input.output;
  // Window functions with the same PARTITION BY and ORDER BY share one arrangement of the rows.
  const arrangements = new Map<string, WindowRows>();
  const results: Vector[] = [];
  for (const { expr } of node.windows) {
    if (expr.kind !== 'window') throw new InternalError(`a WindowExec computes window expressions, not ${expr.kind}`);
    const spec = JSON.stringify([expr.partitionBy, expr.orderBy]);
    let rows = arrangements.get(spec);
    if (!rows) arrangements.set(spec, (rows = await arrange(expr, input, columns, ctx)));
    results.push(await windowColumn(expr, rows, input, columns, ctx));
  }
  const output: Batch = { length: input.length, columns: [...input.columns, ...results] };
  for (let start = 0; start < output.length; start += ctx.batchSize) {
    const end = Math.min(start + ctx.batchSize, output.length);
    yield takeBatch(output, Int32Array.from({ length: end - start }, (_, i) => start + i));
  }
};

async function arrange(expr: WindowExpr, input: Batch, columns: readonly Column[], ctx: ExecContext): Promise<WindowRows> {
  const partitionKeys: Vector[] = [];
  for (const e of expr.partitionBy) {
    const compiled = compileExpr(e, columns, ctx);
    if (compiled.hasSubqueries) await compiled.prepare(input);
    partitionKeys.push(compiled.evaluate(input));
  }
  const orderKeys = await compileSortKeys(expr.orderBy, columns, ctx)(input);
  return arrangeRows(partitionKeys, orderKeys, input.length);
}
