// Reads an aggregate's constant arguments (first's ignore-nulls flag, a percentile's fraction, an accuracy) once,
// when its accumulator is built, rather than per row.
import { fail } from '../../common/errors.js';
import type { Expr } from '../../logical/expr.js';
import { exprContains } from '../../logical/traverse.js';
import type { ExecContext } from '../context.js';
import { compileExpr } from '../expr/compile.js';
import { literalJsValue } from '../expr/literal-value.js';
import type { JsValue } from '../vector.js';
import { valueAt } from '../vector.js';
import type { AggregateCall } from './accumulator.js';

/** The value of argument `index` of `call`, which must not depend on the row; undefined when the call has no such argument. */
export function constantArg(call: AggregateCall, index: number, ctx: ExecContext): JsValue | undefined {
  const expr = call.args[index];
  if (expr === undefined) return undefined;
  if (expr.kind === 'literal') return literalJsValue(expr.value, expr.type);
  if (exprContains(expr, (e) => e.kind === 'column' || e.kind === 'aggregate' || e.kind === 'window')) {
    fail('EXEC_UNSUPPORTED', `argument ${index + 1} of ${call.name} must be a constant`);
  }
  // A foldable expression the optimizer left as it was (a cast of a literal, array(0.25, 0.75)): one row of no columns.
  return valueAt(compileExpr(expr, [], ctx).evaluate({ length: 1, columns: [] }), 0);
}

/** Whether `expr` is a non-NULL literal: count(1) need not look at it row by row. */
export function isNonNullLiteral(expr: Expr): boolean {
  return expr.kind === 'literal' && expr.value !== null;
}
