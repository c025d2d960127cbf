// prune_columns on analyzed plans: narrower scans and nodes, and the columns it must keep.
import { describe, expect, it } from 'vitest';
import { pruneColumns } from '../../../src/optimizer/rules/prune-columns.js';
import { beforeAfter, unchanged } from './rule-harness.js';

const prune = (sql: string) => beforeAfter(pruneColumns, sql);

describe('prune_columns', () => {
  it('reads only the columns used above, filters included', () => {
    expect(prune("SELECT a FROM t WHERE b = 'x'")).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: b#1 = 'x'
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Filter: b#1 = 'x'
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1]"
    `);
  });

  it('keeps one column of a scan whose rows alone count', () => {
    expect(prune('SELECT count(*) FROM t')).toMatchInlineSnapshot(`
      "Project: count(1)#4
        Aggregate: groupBy=[], aggregates=[count(1) AS count(1)#4]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: count(1)#4
        Aggregate: groupBy=[], aggregates=[count(1) AS count(1)#4]
          SubqueryAlias: t
            Scan: parquet t [a#0]"
    `);
  });

  it('drops Project columns, aggregates and window functions no one reads', () => {
    expect(prune("SELECT a1 FROM (SELECT a + 1 AS a1, b || 'x' AS bx FROM t) s")).toMatchInlineSnapshot(`
      "Project: a1#4
        SubqueryAlias: s
          Project: a#0 + 1 AS a1#4, concat(b#1, 'x') AS bx#5
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a1#4
        SubqueryAlias: s
          Project: a#0 + 1 AS a1#4
            SubqueryAlias: t
              Scan: parquet t [a#0]"
    `);
    expect(prune('SELECT b FROM (SELECT b, sum(a) AS s, max(c) AS m FROM t GROUP BY b) s')).toMatchInlineSnapshot(`
      "Project: b#1
        SubqueryAlias: s
          Project: b#1, sum(a)#4 AS s#6, max(c)#5 AS m#7
            Aggregate: groupBy=[b#1], aggregates=[sum(a#0) AS sum(a)#4, max(c#2) AS max(c)#5]
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: b#1
        SubqueryAlias: s
          Project: b#1
            Aggregate: groupBy=[b#1], aggregates=[]
              SubqueryAlias: t
                Scan: parquet t [b#1]"
    `);
    expect(prune('SELECT a FROM (SELECT a, rank() OVER (ORDER BY c) AS r FROM t) s')).toMatchInlineSnapshot(`
      "Project: a#0
        SubqueryAlias: s
          Project: a#0, rank()#4 AS r#5
            Window: rank() OVER (ORDER BY c#2 ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rank()#4
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        SubqueryAlias: s
          Project: a#0
            SubqueryAlias: t
              Scan: parquet t [a#0]"
    `);
  });

  it('keeps every input column of Distinct and Union, and the grouping keys', () => {
    expect(prune('SELECT a FROM (SELECT DISTINCT a, b FROM t) s')).toMatchInlineSnapshot(`
      "Project: a#0
        SubqueryAlias: s
          Distinct
            Project: a#0, b#1
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        SubqueryAlias: s
          Distinct
            Project: a#0, b#1
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1]"
    `);
    expect(prune('SELECT a FROM (SELECT a, b FROM t UNION SELECT x, y FROM u) s')).toMatchInlineSnapshot(`
      "Project: a#7
        SubqueryAlias: s
          Union: distinct → [a#7, b#8]
            Project: a#0, b#1
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
            Project: x#4, y#5
              SubqueryAlias: u
                Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#7
        SubqueryAlias: s
          Union: distinct → [a#7, b#8]
            Project: a#0, b#1
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1]
            Project: x#4, y#5
              SubqueryAlias: u
                Scan: parquet u [x#4, y#5]"
    `);
    expect(prune('SELECT n FROM (SELECT b, count(*) AS n FROM t GROUP BY b) s')).toMatchInlineSnapshot(`
      "Project: n#5
        SubqueryAlias: s
          Project: b#1, count(1)#4 AS n#5
            Aggregate: groupBy=[b#1], aggregates=[count(1) AS count(1)#4]
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: n#5
        SubqueryAlias: s
          Project: count(1)#4 AS n#5
            Aggregate: groupBy=[b#1], aggregates=[count(1) AS count(1)#4]
              SubqueryAlias: t
                Scan: parquet t [b#1]"
    `);
  });

  it('keeps the columns a correlated subquery reads and returns one column from EXISTS', () => {
    expect(prune('SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE y = t.b)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: EXISTS subquery#1
          : subquery#1
          :   Project: x#4, y#5, z#6
          :     Filter: y#5 = outer(b#1)
          :       SubqueryAlias: u
          :         Scan: parquet u [x#4, y#5, z#6]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Filter: EXISTS subquery#1
          : subquery#1
          :   Project: x#4
          :     Filter: y#5 = outer(b#1)
          :       SubqueryAlias: u
          :         Scan: parquet u [x#4, y#5]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1]"
    `);
  });

  it('leaves a plan that reads all it has alone', () => {
    expect(unchanged(pruneColumns, 'SELECT * FROM t')).toBe(true);
    expect(unchanged(pruneColumns, 'SELECT x, y, z FROM u WHERE x > 1')).toBe(true);
  });
});
