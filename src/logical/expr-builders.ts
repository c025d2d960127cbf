// Small factories for bound expressions, computing nullability where it follows from the operands.
import { T, sameType } from '../types/data-type.js';
import type { DataType } from '../types/data-type.js';
import type { BinaryOp, ColumnRef, Expr, LiteralValue, NamedExpr, ColumnId } from './expr.js';
import type { Column } from './plan.js';

export function columnRef(c: Column): ColumnRef {
  return { kind: 'column', id: c.id, name: c.name, type: c.type, nullable: c.nullable };
}

export function literal(value: LiteralValue, type: DataType): Expr {
  return { kind: 'literal', value, type, nullable: value === null };
}

export const TRUE: Expr = literal(true, T.boolean);
export const FALSE: Expr = literal(false, T.boolean);

/** A binary operation whose result is NULL when an operand is (all but `<=>`, AND and OR follow this). */
export function binary(op: BinaryOp, left: Expr, right: Expr, type: DataType): Expr {
  const nullable = op === '<=>' ? false : left.nullable || right.nullable || op === '/' || op === '%' || op === 'div';
  return { kind: 'binary', op, left, right, type, nullable };
}

export function and(left: Expr, right: Expr): Expr {
  return binary('and', left, right, T.boolean);
}

export function or(left: Expr, right: Expr): Expr {
  return binary('or', left, right, T.boolean);
}

/** Conjunction of `es`; TRUE when empty. */
export function conjunction(es: readonly Expr[]): Expr {
  return es.length === 0 ? TRUE : es.reduce((a, b) => and(a, b));
}

/** Splits nested ANDs into their conjuncts. */
export function conjuncts(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === 'and' ? [...conjuncts(e.left), ...conjuncts(e.right)] : [e];
}

export function not(operand: Expr): Expr {
  return { kind: 'unary', op: 'not', operand, type: T.boolean, nullable: operand.nullable };
}

export function isNull(operand: Expr, negated = false): Expr {
  return { kind: 'isNull', operand, negated, type: T.boolean, nullable: false };
}

/** CAST unless `e` already has type `to`. Non-ANSI Spark's CAST yields NULL on bad input, so the result may be null. */
export function cast(e: Expr, to: DataType, safe = false): Expr {
  if (sameType(e.type, to)) return e;
  if (e.kind === 'literal' && e.value === null) return { ...e, type: to };
  return { kind: 'cast', operand: e, type: to, safe, nullable: true };
}

export function call(name: string, args: readonly Expr[], type: DataType, nullable: boolean): Expr {
  return { kind: 'call', name, args, type, nullable };
}

export function named(id: ColumnId, name: string, expr: Expr): NamedExpr {
  return { id, name, expr };
}
