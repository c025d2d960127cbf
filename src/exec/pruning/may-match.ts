// Decides from min/max/null-count statistics whether any row of a group (a row group, a partition's file) can make a
// filter conjunct true. Only a proof skips the group: any expression or type this does not understand keeps it.
import type { ColumnRef, ComparisonOp, Expr, LiteralExpr } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { literalJsValue } from '../expr/literal-value.js';
import type { Bound } from './bound-order.js';
import { boundCast, boundOf, compareBounds } from './bound-order.js';

/** What is known of one column over a group of rows. */
export interface ColumnStats {
  /** The column's type: the domain of `min` and `max`. */
  readonly type: DataType;
  readonly rowCount: number;
  /** Bounds of the non-NULL values; absent when unknown. */
  readonly min?: Bound;
  readonly max?: Bound;
  /** Absent when unknown. */
  readonly nullCount?: number;
}

/** The statistics of the column a reference stands for, or undefined when nothing is known. */
export type StatsLookup = (column: ColumnRef) => ColumnStats | undefined;

/**
 * False only when the statistics prove that no row of the group makes `conjunct` true (NULL and false both fail a
 * filter). Understood: comparisons of a column (through widening casts) with a literal either way round, IN lists of
 * literals, IS [NOT] NULL, boolean columns and literals, AND, OR, NOT.
 *
 * @example
 * const over50 = binary('>', columnRef(quantity), literal(50, T.int), T.boolean);
 * mayMatch(over50, () => ({ type: T.int, rowCount: 10, min: 1, max: 49, nullCount: 0 })); // false
 */
export function mayMatch(conjunct: Expr, statsOf: StatsLookup): boolean {
  return mayEvaluateTo(conjunct, true, statsOf);
}

/** Whether some row may make `e` evaluate to `want` (not NULL); true when unsure. */
function mayEvaluateTo(e: Expr, want: boolean, statsOf: StatsLookup): boolean {
  switch (e.kind) {
    case 'literal':
      return e.value === want;
    case 'unary':
      return e.op === 'not' ? mayEvaluateTo(e.operand, !want, statsOf) : true;
    case 'binary':
      if (e.op === 'and' || e.op === 'or') {
        // AND is true only if both sides are, false if either is; OR the other way round.
        const both = (e.op === 'and') === want;
        const [l, r] = [mayEvaluateTo(e.left, want, statsOf), mayEvaluateTo(e.right, want, statsOf)];
        return both ? l && r : l || r;
      }
      return isComparison(e.op) ? comparison(e.op, e.left, e.right, want, statsOf) : true;
    case 'isNull': {
      const s = columnStats(e.operand, statsOf);
      if (!s || s.stats.nullCount === undefined) return true;
      // IS NULL is true for the NULL rows, false for the others; IS NOT NULL the other way round.
      return want !== e.negated ? s.stats.nullCount > 0 : s.stats.nullCount < s.stats.rowCount;
    }
    case 'inList':
      return inList(e.operand, e.list, want, statsOf);
    case 'column': {
      const s = columnStats(e, statsOf);
      if (!s || e.type.kind !== 'boolean') return true;
      const bound = want ? s.stats.max : s.stats.min;
      return hasValues(s.stats) && (bound === undefined || bound === want);
    }
    default:
      return true;
  }
}

const COMPARISONS: ReadonlySet<string> = new Set<ComparisonOp>(['=', '<>', '<', '<=', '>', '>=', '<=>']);

function isComparison(op: string): op is ComparisonOp {
  return COMPARISONS.has(op);
}

/** `x op y` read the other way round: `y flip(op) x`. */
const FLIPPED: Record<ComparisonOp, ComparisonOp> = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=', '<=>': '<=>' };

/** The comparison true exactly where `op` is false (for non-NULL operands; Spark orders NaN above every double). */
const NEGATED: Record<Exclude<ComparisonOp, '<=>'>, Exclude<ComparisonOp, '<=>'>> = { '=': '<>', '<>': '=', '<': '>=', '<=': '>', '>': '<=', '>=': '<' };

function comparison(op: ComparisonOp, left: Expr, right: Expr, want: boolean, statsOf: StatsLookup): boolean {
  let [columnSide, literalSide, cmp] = [left, right, op];
  if (left.kind === 'literal') [columnSide, literalSide, cmp] = [right, left, FLIPPED[op]];
  if (literalSide.kind !== 'literal') return true;
  const s = columnStats(columnSide, statsOf);
  if (!s) return true;
  const { stats } = s;
  if (literalSide.value === null) {
    // x <=> NULL is x IS NULL; any other comparison with NULL is NULL for every row.
    if (cmp !== '<=>') return false;
    if (stats.nullCount === undefined) return true;
    return want ? stats.nullCount > 0 : stats.nullCount < stats.rowCount;
  }
  const c = literalBound(literalSide, stats.type);
  if (c === undefined || c === null) return true;
  if (cmp === '<=>') {
    // Non-NULL rows compare as =; NULL rows are false.
    if (want) return rangeMay(s.column, stats, '=', c);
    return stats.nullCount !== 0 || rangeMay(s.column, stats, '<>', c);
  }
  return rangeMay(s.column, stats, want ? cmp : NEGATED[cmp], c);
}

/** Whether a non-NULL value within the column's bounds may satisfy `value op c`. */
function rangeMay(column: ColumnInfo, stats: ColumnStats, op: Exclude<ComparisonOp, '<=>'>, c: Bound): boolean {
  if (!hasValues(stats)) return false;
  const { type, mayHoldNaN } = column;
  // Statistics leave NaN out, and NaN is above every double and unequal to any other: it satisfies >, >= and <>
  // whatever the bounds, and a NaN literal defeats any reasoning from bounds.
  if (mayHoldNaN && (op === '>' || op === '>=' || op === '<>' || c !== c)) return true;
  const [min, max] = [stats.min, stats.max];
  // Each test proves the opposite of a possible match: undefined (unknown) proves nothing.
  const provably = (a: Bound | undefined, b: Bound, holds: (r: number) => boolean): boolean => {
    if (a === undefined) return false;
    const r = compareBounds(a, b, type);
    return r !== undefined && holds(r);
  };
  switch (op) {
    case '=':
      return !(provably(min, c, (r) => r > 0) || provably(max, c, (r) => r < 0));
    case '<>':
      return !(provably(min, c, (r) => r === 0) && provably(max, c, (r) => r === 0));
    case '<':
      return !provably(min, c, (r) => r >= 0);
    case '<=':
      return !provably(min, c, (r) => r > 0);
    case '>':
      return !provably(max, c, (r) => r <= 0);
    case '>=':
      return !provably(max, c, (r) => r < 0);
  }
}

function inList(operand: Expr, list: readonly Expr[], want: boolean, statsOf: StatsLookup): boolean {
  if (!list.every((item) => item.kind === 'literal')) return true;
  const s = columnStats(operand, statsOf);
  if (!s) return true;
  const items = list.map((item) => literalBound(item as LiteralExpr, s.stats.type));
  if (items.includes(undefined)) return true;
  const values = items.filter((v): v is Bound => v !== null);
  // x IN (…) is true where x equals an item; false where it equals none and no item is NULL (else it is NULL).
  if (want) return values.some((v) => rangeMay(s.column, s.stats, '=', v));
  return values.length === list.length && values.every((v) => rangeMay(s.column, s.stats, '<>', v));
}

/**
 * A literal's bound in the column side's type (the analyzer makes them equal; a literal of a narrower type is widened
 * as the cast would); null for NULL, undefined when the literal cannot be placed in that order.
 */
function literalBound(literal: LiteralExpr, type: DataType): Bound | null | undefined {
  if (literal.value === null) return null;
  const bound = boundOf(literalJsValue(literal.value, literal.type), literal.type);
  const widen = boundCast(literal.type, type);
  return bound === undefined || !widen ? undefined : widen(bound);
}

/** The column side of a comparison: its type (after casts seen through) and whether NaN may hide from its statistics. */
interface ColumnInfo {
  readonly type: DataType;
  readonly mayHoldNaN: boolean;
}

/**
 * The statistics of a column reference, possibly under order-keeping casts, mapped into the outermost cast's type;
 * undefined when the expression is not such a column or nothing is known of it.
 */
function columnStats(e: Expr, statsOf: StatsLookup): { column: ColumnInfo; stats: ColumnStats } | undefined {
  const casts: DataType[] = [];
  let inner = e;
  while (inner.kind === 'cast') {
    casts.push(inner.type);
    inner = inner.operand;
  }
  if (inner.kind !== 'column') return undefined;
  const base = statsOf(inner);
  if (!base) return undefined;
  let stats = base;
  for (let i = casts.length - 1; i >= 0; i--) {
    const map = boundCast(stats.type, casts[i]!);
    if (!map) return undefined;
    stats = { ...stats, type: casts[i]!, min: stats.min === undefined ? undefined : map(stats.min), max: stats.max === undefined ? undefined : map(stats.max) };
  }
  const mayHoldNaN = base.type.kind === 'float' || base.type.kind === 'double';
  return { column: { type: stats.type, mayHoldNaN }, stats };
}

/** Whether the group may hold a non-NULL value. */
function hasValues(stats: ColumnStats): boolean {
  return stats.nullCount === undefined || stats.nullCount < stats.rowCount;
}
