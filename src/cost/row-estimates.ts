// Row estimates for join selection, from the tables' row counts only (no column statistics yet): fixed selectivities
// for filters, as Spark and DuckDB use when they know nothing better, and key-to-foreign-key joins sized by the rows of
// the table the key columns come from.
import type { ColumnId, Expr } from '../logical/expr.js';
import type { LogicalPlan, Statistics, TableSource } from '../logical/plan.js';
import { outputOf } from '../logical/output.js';
import { planChildren } from '../logical/traverse.js';
import { extractJoinKeys } from '../physical/join-keys.js';

/** A table's statistics, when the catalog knows them. */
export type TableStatistics = (source: TableSource) => Statistics | undefined;

/** Selectivity of a predicate nothing is known about, and of an equality with a constant. */
const UNKNOWN_SELECTIVITY = 0.5;
const EQUALITY_SELECTIVITY = 0.1;
const RANGE_SELECTIVITY = 1 / 3;
const LIKE_SELECTIVITY = 0.25;

/**
 * Estimated output rows of plan nodes (undefined where a table's row count is unknown). A Filter keeps a fixed share
 * of its input per conjunct (equality 0.1, range 1/3, LIKE 0.25…); an equi-join of `L` and `R` rows outputs
 * `L × R / d`, where `d` is the row count of the table behind the key columns with fewer rows: the key of a key to
 * foreign-key join, whose distinct values number about its table's rows. Semi and anti joins keep at most their
 * left rows, grouping at most its input's rows and the product of its keys' distinct values.
 *
 * @example
 * const rows = rowEstimator((s) => ({ rowCount: counts[s.name] }));
 * rows(plan) // 6001215 for lineitem ⋈ orders
 */
export function rowEstimator(tableStatistics: TableStatistics | undefined): (p: LogicalPlan) => number | undefined {
  const memo = new WeakMap<LogicalPlan, number | undefined>();
  // Per column id, the rows of the table the column comes from unchanged: an upper bound of its distinct values.
  const tableRows = new Map<ColumnId, number>();
  const estimate = (p: LogicalPlan): number | undefined => {
    if (memo.has(p)) return memo.get(p);
    const children = planChildren(p).map(estimate);
    const known = children.every((n) => n !== undefined) ? (children as number[]) : undefined;
    let rows: number | undefined;
    switch (p.kind) {
      case 'scan':
        rows = p.stats?.rowCount ?? tableStatistics?.(p.source)?.rowCount;
        if (rows !== undefined) for (const c of p.columns) tableRows.set(c.id, rows);
        break;
      case 'values':
        rows = p.rows.length;
        break;
      case 'range':
        rows = Math.max(0, Math.ceil((p.end - p.start) / p.step));
        break;
      case 'filter':
        rows = known && Math.max(1, known[0]! * selectivity(p.condition));
        break;
      case 'project':
        for (const c of p.columns) if (c.expr.kind === 'column') copyKnown(tableRows, c.expr.id, c.id);
        rows = known?.[0];
        break;
      case 'aggregate': {
        for (const k of p.groupKeys) if (k.expr.kind === 'column') copyKnown(tableRows, k.expr.id, k.id);
        const distinct = p.groupKeys.map((k) => (k.expr.kind === 'column' ? tableRows.get(k.expr.id) : undefined));
        const bound = distinct.every((d) => d !== undefined) ? (distinct as number[]).reduce((a, b) => a * b, 1) : Infinity;
        rows = p.groupKeys.length ? known && Math.min(known[0]!, bound) : 1;
        break;
      }
      case 'expand':
        rows = known && known[0]! * p.projections.length;
        break;
      case 'limit':
        rows = known && (p.limit === undefined ? known[0] : Math.min(known[0]!, p.limit));
        break;
      case 'join':
        rows = known && joinRows(p, known[0]!, known[1]!, tableRows);
        break;
      case 'union':
        rows = known?.reduce((a, b) => a + b, 0);
        break;
      default:
        // Sort, Window, Distinct, Intersect, Except, aliases, hints, repartitioning: at most the (first) input's rows.
        rows = known?.[0];
    }
    memo.set(p, rows);
    return rows;
  };
  return estimate;
}

function joinRows(p: Extract<LogicalPlan, { kind: 'join' }>, left: number, right: number, tableRows: ReadonlyMap<ColumnId, number>): number {
  if (p.joinType === 'semi' || p.joinType === 'anti') return left;
  if (p.joinType === 'cross' || !p.condition) return left * right;
  const keys = extractJoinKeys(p.condition, outputOf(p.left), outputOf(p.right));
  // The pair whose smaller table is largest: for a composite key (partsupp's) that is the whole key's table.
  let divisor = 0;
  keys.leftKeys.forEach((l, i) => {
    const r = keys.rightKeys[i]!;
    const [dl, dr] = [l.kind === 'column' ? tableRows.get(l.id) : undefined, r.kind === 'column' ? tableRows.get(r.id) : undefined];
    if (dl !== undefined && dr !== undefined) divisor = Math.max(divisor, Math.min(dl, dr));
  });
  // Without keys from known tables: as many rows as the larger input, a key to foreign-key join.
  const inner = divisor > 0 ? Math.max(1, (left * right) / divisor) : Math.max(left, right);
  switch (p.joinType) {
    case 'left':
      return Math.max(inner, left);
    case 'right':
      return Math.max(inner, right);
    case 'full':
      return Math.max(inner, left + right);
    default:
      return inner;
  }
}

function copyKnown(tableRows: Map<ColumnId, number>, from: ColumnId, to: ColumnId): void {
  const rows = tableRows.get(from);
  if (rows !== undefined) tableRows.set(to, rows);
}

/** The share of rows a predicate keeps, from its shape alone. */
export function selectivity(e: Expr): number {
  switch (e.kind) {
    case 'binary':
      switch (e.op) {
        case 'and':
          return selectivity(e.left) * selectivity(e.right);
        case 'or': {
          const [a, b] = [selectivity(e.left), selectivity(e.right)];
          return a + b - a * b;
        }
        case '=':
        case '<=>':
          return EQUALITY_SELECTIVITY;
        case '<>':
          return 1 - EQUALITY_SELECTIVITY;
        case '<':
        case '<=':
        case '>':
        case '>=':
          return RANGE_SELECTIVITY;
        default:
          return UNKNOWN_SELECTIVITY;
      }
    case 'unary':
      return e.op === 'not' ? 1 - selectivity(e.operand) : UNKNOWN_SELECTIVITY;
    case 'like':
      return LIKE_SELECTIVITY;
    case 'inList':
      return Math.min(UNKNOWN_SELECTIVITY, e.list.length * EQUALITY_SELECTIVITY);
    case 'isNull':
      return e.negated ? 1 - EQUALITY_SELECTIVITY : EQUALITY_SELECTIVITY;
    default:
      return UNKNOWN_SELECTIVITY;
  }
}
