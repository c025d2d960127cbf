// Applies Spark's coercion rules (src/types) to bound expressions: inserts the casts and reports mismatches.
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import { T, typeToString } from '../types/data-type.js';
import type { DataType } from '../types/data-type.js';
import { arithmeticType, bitwiseType, booleanOperandType, comparisonType, widerTypeOf } from '../types/coercion.js';
import type { ComparisonOperator } from '../types/coercion.js';
import { canCast } from '../types/cast-rules.js';
import type { Expr } from '../logical/expr.js';
import { binary, cast } from '../logical/expr-builders.js';
import { resolveScalar } from './bind-expr.js';

const literalValue = (e: Expr): unknown => (e.kind === 'literal' ? e.value : undefined);

/** A condition (WHERE, ON, HAVING, CASE WHEN, AND/OR/NOT operand) must be boolean; a NULL literal is typed so. */
export function coerceBoolean(e: Expr, what: string, span?: Span): Expr {
  const to = booleanOperandType(e.type);
  if (!to) fail('ANALYSIS_TYPE_MISMATCH', `${what} needs a boolean, not ${typeToString(e.type)}`, span);
  return cast(e, to!);
}

/** Casts every expression to their common type (CASE branches, IN lists, VALUES columns, set operations). */
export function coerceCommon(es: readonly Expr[], what: string, span?: Span): Expr[] {
  const common = widerTypeOf(es.map((e) => e.type));
  if (!common)
    fail(
      'ANALYSIS_TYPE_MISMATCH',
      `${what} has no common type for ${[...new Set(es.map((e) => typeToString(e.type)))].join(' and ')}`,
      span,
    );
  return es.map((e) => cast(e, common!));
}

export function comparison(op: ComparisonOperator, left: Expr, right: Expr, span?: Span): Expr {
  const t = comparisonType(op, left.type, right.type, { left: literalValue(left), right: literalValue(right) });
  if (!t) fail('ANALYSIS_TYPE_MISMATCH', `cannot compare ${typeToString(left.type)} with ${typeToString(right.type)} using ${op}`, span);
  return binary(op, cast(left, t!), cast(right, t!), T.boolean);
}

export function arithmetic(op: '+' | '-' | '*' | '/' | '%' | 'div' | '&' | '|' | '^', left: Expr, right: Expr, span?: Span): Expr {
  const mismatch = (): never =>
    fail('ANALYSIS_TYPE_MISMATCH', `cannot apply ${op} to ${typeToString(left.type)} and ${typeToString(right.type)}`, span);
  if (op === '&' || op === '|' || op === '^') {
    const t = bitwiseType(left.type, right.type) ?? mismatch();
    return binary(op, cast(left, t), cast(right, t), t);
  }
  const c = arithmeticType(op, left.type, right.type, { left: literalValue(left), right: literalValue(right) });
  if (!c) return mismatch();
  if (c.kind === 'function') return resolveScalar(c.name, c.swapped ? [right, left] : [left, right], span);
  const e = binary(op, cast(left, c.leftType), cast(right, c.rightType), c.resultType);
  return c.nullable === 'always' ? { ...e, nullable: true } : e;
}

/** CAST / TRY_CAST / `::` written by the user. */
export function explicitCast(e: Expr, to: DataType, safe: boolean, span?: Span): Expr {
  if (!canCast(e.type, to)) fail('ANALYSIS_INVALID_CAST', `cannot cast ${typeToString(e.type)} to ${typeToString(to)}`, span);
  return cast(e, to, safe);
}

/** Casts call arguments to the types a function signature asked for. */
export function castArgs(args: readonly Expr[], types: readonly DataType[], span?: Span): Expr[] {
  return args.map((a, i) => {
    const to = types[i] ?? a.type;
    if (!canCast(a.type, to))
      fail('ANALYSIS_TYPE_MISMATCH', `cannot use ${typeToString(a.type)} where ${typeToString(to)} is expected`, span);
    return cast(a, to);
  });
}
