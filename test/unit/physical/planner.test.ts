// The physical planner on optimized plans of small fake tables: join keys, build sides, top-N, filters, set operations.
import { describe, expect, it } from 'vitest';
import { rowEstimator, selectivity } from '../../../src/cost/row-estimates.js';
import type { Column, LogicalPlan, Statistics, TableSource } from '../../../src/logical/plan.js';
import { visitPlan } from '../../../src/logical/traverse.js';
import { binary, columnRef, and, literal } from '../../../src/logical/expr-builders.js';
import { printExpr } from '../../../src/logical/print-expr.js';
import { optimize } from '../../../src/optimizer/driver.js';
import { extractJoinKeys } from '../../../src/physical/join-keys.js';
import { planPhysical } from '../../../src/physical/planner.js';
import { printPhysicalPlan } from '../../../src/physical/print-physical.js';
import { T } from '../../../src/types/data-type.js';
import { analyzed } from '../optimizer/rule-harness.js';

/** The first node of `kind` in `plan`, pre-order. */
function firstNode(plan: LogicalPlan, kind: LogicalPlan['kind']): LogicalPlan | undefined {
  let found: LogicalPlan | undefined;
  visitPlan(plan, (p) => {
    if (!found && p.kind === kind) found = p;
    return !found;
  });
  return found;
}

/** Plans `sql` with `rows` as the tables' row counts, without the optimizer rules named in `disabled`. */
const physical = (sql: string, rows: Record<string, number> = {}, disabled: string[] = []) => {
  const tableStatistics = (s: TableSource): Statistics | undefined => (s.name in rows ? { rowCount: rows[s.name]! } : undefined);
  return printPhysicalPlan(planPhysical(optimize(analyzed(sql), { disabled }).plan, { tableStatistics }));
};

describe('join keys', () => {
  const a: Column = { id: 0, name: 'a', type: T.int, nullable: false };
  const b: Column = { id: 1, name: 'b', type: T.bigint, nullable: true };
  const x: Column = { id: 2, name: 'x', type: T.int, nullable: true };
  const y: Column = { id: 3, name: 'y', type: T.bigint, nullable: true };
  const eq = (l: Column, r: Column) => binary('=', columnRef(l), columnRef(r), T.boolean);
  const show = (keys: ReturnType<typeof extractJoinKeys>) => ({
    left: keys.leftKeys.map((k) => printExpr(k)),
    right: keys.rightKeys.map((k) => printExpr(k)),
    residual: keys.residual.map((k) => printExpr(k)),
  });

  it('takes equalities either way round and leaves the rest as residual', () => {
    const cond = and(and(eq(a, x), eq(y, b)), binary('<', columnRef(a), columnRef(x), T.boolean));
    expect(show(extractJoinKeys(cond, [a, b], [x, y]))).toEqual({ left: ['a#0', 'b#1'], right: ['x#2', 'y#3'], residual: ['a#0 < x#2'] });
  });

  it('does not key on an equality within one side, over both sides in one operand, or with a constant', () => {
    const sum = binary('+', columnRef(a), columnRef(x), T.int);
    const cond = and(and(eq(a, a), binary('=', sum, columnRef(x), T.boolean)), binary('=', columnRef(a), literal(1, T.int), T.boolean));
    expect(show(extractJoinKeys(cond, [a, b], [x, y])).left).toEqual([]);
  });

  it('turns <=> into a coalesce key and an isnull key', () => {
    const cond = binary('<=>', columnRef(b), columnRef(y), T.boolean);
    expect(show(extractJoinKeys(cond, [a, b], [x, y]))).toEqual({
      left: ['coalesce(b#1, 0L)', 'b#1 IS NULL'],
      right: ['coalesce(y#3, 0L)', 'y#3 IS NULL'],
      residual: [],
    });
  });

  it('keys on expressions with the casts the analyzer put in', () => {
    expect(physical('SELECT a FROM t JOIN u ON e = x')).toContain('keys=[e#3 = CAST(x#4 AS bigint)]');
  });
});

describe('join selection', () => {
  it('builds the smaller side of an inner join, the right side without estimates', () => {
    expect(physical('SELECT a FROM t JOIN u ON a = x', { t: 1000, u: 10 })).toMatchInlineSnapshot(`
      "ProjectExec: a#0
        HashJoinExec: inner, keys=[a#0 = x#4], build=right (smaller side (10 <= 1000 rows))
          ScanExec: parquet t [a#0]
          ScanExec: parquet u [x#4]"
    `);
    expect(physical('SELECT a FROM t JOIN u ON a = x', { t: 10, u: 1000 })).toContain('build=left (smaller side (10 < 1000 rows))');
    expect(physical('SELECT a FROM t JOIN u ON a = x')).toContain('build=right (no row estimate)');
  });

  it('builds the smaller side of every join kind but NOT IN, and without estimates the side outer joins do not keep', () => {
    expect(physical('SELECT a FROM t LEFT JOIN u ON a = x', { t: 10, u: 1000 })).toContain('left, keys=[a#0 = x#4], build=left (smaller side (10 < 1000 rows))');
    expect(physical('SELECT a FROM t LEFT JOIN u ON a = x', { t: 1000, u: 10 })).toContain('build=right (smaller side (10 <= 1000 rows))');
    expect(physical('SELECT x FROM t RIGHT JOIN u ON a = x', { t: 1000, u: 10 })).toContain('build=right (smaller side (10 <= 1000 rows))');
    expect(physical('SELECT x FROM t RIGHT JOIN u ON a = x')).toContain('build=left (no row estimate: a right join streams its right side)');
    expect(physical('SELECT a FROM t FULL JOIN u ON a = x', { t: 10, u: 1000 })).toContain('build=left (smaller side (10 < 1000 rows))');
    expect(physical('SELECT a FROM t LEFT SEMI JOIN u ON a = x', { t: 10, u: 1000 })).toContain('semi, keys=[a#0 = x#4], build=left (smaller side (10 < 1000 rows))');
    expect(physical('SELECT a FROM t LEFT ANTI JOIN u ON a = x', { t: 1000, u: 10 })).toContain('anti, keys=[a#0 = x#4], build=right (smaller side (10 <= 1000 rows))');
    expect(physical('SELECT a FROM t WHERE e NOT IN (SELECT CAST(z AS BIGINT) FROM u)', { t: 10, u: 1000 })).toContain(
      "anti, keys=[e#3 = CAST(z AS BIGINT)#7], null-aware, build=right (NOT IN's null-aware join builds its subquery side)",
    );
  });

  it('has filters and joins output only the columns read above them', () => {
    expect(physical("SELECT a FROM t JOIN u ON a = x WHERE b = 'k' AND z > 1")).toMatchInlineSnapshot(`
      "ProjectExec: a#0
        HashJoinExec: inner, keys=[a#0 = x#4], build=right (no row estimate)
          FilterExec: b#1 = 'k' output=[a#0]
            ScanExec: parquet t [a#0, b#1] filters=[b#1 = 'k']
          FilterExec: z#6 > CAST(1 AS double) output=[x#4]
            ScanExec: parquet u [x#4, z#6] filters=[z#6 > CAST(1 AS double)]"
    `);
    // A Sort passes every column on, so the filter below it keeps them all.
    expect(physical("SELECT * FROM t WHERE b = 'k' ORDER BY a")).not.toContain('output=');
  });

  it('estimates filters by fixed selectivities and key joins by the rows of the key table', () => {
    const rows = rowEstimator((s) => ({ rowCount: { t: 1000, u: 50 }[s.name]! }));
    const plan = optimize(analyzed("SELECT a FROM t JOIN u ON a = x WHERE y = 'k' AND c > 1")).plan;
    // t: 1000 × 1/3 (c > 1); u: 50 × 0.1 (y = 'k'); the join: 333 × 5 / min(1000, 50).
    expect(Math.round(rows(firstNode(plan, 'join')!)!)).toBe(33);
    const filter = firstNode(analyzed("SELECT a FROM t WHERE a = 1 OR NOT b LIKE 'x%'"), 'filter');
    expect(filter?.kind === 'filter' && selectivity(filter.condition)).toBeCloseTo(0.1 + 0.75 - 0.075);
  });

  it('follows a broadcast hint, through the filters pushed below it', () => {
    expect(physical("SELECT /*+ BROADCAST(t) */ a FROM t JOIN u ON a = x WHERE b = 'k'", { t: 1000, u: 10 })).toMatchInlineSnapshot(`
      "ProjectExec: a#0
        HashJoinExec: inner, keys=[a#0 = x#4], build=left (broadcast hint)
          FilterExec: b#1 = 'k' output=[a#0]
            ScanExec: parquet t [a#0, b#1] filters=[b#1 = 'k']
          ScanExec: parquet u [x#4]"
    `);
  });

  it('uses a nested loop join without an equality, or without a condition, and says why', () => {
    expect(physical('SELECT a FROM t JOIN u ON a < x OR b = y')).toContain('NestedLoopJoinExec: inner, (a#0 < x#4) OR (b#1 = y#5) (no equality between the sides)');
    expect(physical('SELECT a FROM t CROSS JOIN u')).toContain('NestedLoopJoinExec: cross (no condition: every pair)');
  });
});

describe('planning other nodes', () => {
  it('plans ORDER BY … LIMIT as top-N (under the Project of a sort column not selected), LIMIT or OFFSET alone as a limit', () => {
    expect(physical('SELECT a FROM t ORDER BY a OFFSET 3')).toContain('LimitExec: offset=3\n  SortExec: a#0 ASC NULLS FIRST');
    expect(physical('SELECT a FROM t ORDER BY c DESC LIMIT 5 OFFSET 2')).toMatchInlineSnapshot(`
      "ProjectExec: a#0
        TopNExec: limit=5, offset=2, c#4 DESC NULLS LAST
          ProjectExec: a#0, c#2 AS c#4
            ScanExec: parquet t [a#0, c#2]"
    `);
    expect(physical('SELECT a FROM t LIMIT 5')).toMatchInlineSnapshot(`
      "LimitExec: limit=5
        ScanExec: parquet t [a#0]"
    `);
  });

  it('plans DISTINCT and UNION as grouping, INTERSECT and EXCEPT as set operations, and drops aliases', () => {
    expect(physical('SELECT DISTINCT b FROM t')).toMatchInlineSnapshot(`
      "HashAggregateExec: keys=[b#1], aggregates=[]
        ScanExec: parquet t [b#1]"
    `);
    expect(physical('SELECT a FROM t UNION SELECT x FROM u')).toMatchInlineSnapshot(`
      "HashAggregateExec: keys=[a#7], aggregates=[]
        UnionExec: [a#7]
          ScanExec: parquet t [a#0]
          ScanExec: parquet u [x#4]"
    `);
    expect(physical('SELECT a FROM t INTERSECT ALL SELECT x FROM u')).toMatchInlineSnapshot(`
      "SetOperationExec: intersect all
        ScanExec: parquet t [a#0]
        ScanExec: parquet u [x#4]"
    `);
  });

  it('runs plain conjuncts first, then uncorrelated subqueries, then correlated ones, and plans each subquery', () => {
    expect(
      physical('SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x = t.a) AND a IN (SELECT x FROM u) AND c > 0', {}, ['rewrite_predicate_subquery']),
    ).toMatchInlineSnapshot(`
      "ProjectExec: a#0
        FilterExec: EXISTS subquery#1
          : subquery#1
          :   FilterExec: x#4 = outer(a#0)
          :     ScanExec: parquet u [x#4] filters=[x#4 = outer(a#0)]
          FilterExec: a#0 IN subquery#2
            : subquery#2
            :   ScanExec: parquet u [x#7]
            FilterExec: c#2 > CAST(0 AS decimal(15,2)) output=[a#0]
              ScanExec: parquet t [a#0, c#2] filters=[c#2 > CAST(0 AS decimal(15,2))]"
    `);
  });
});
