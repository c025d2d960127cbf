// push_down_filter on analyzed plans: where each conjunct lands, Spark's join table, and the cases it must leave alone.
import { describe, expect, it } from 'vitest';
import { pushDownFilter } from '../../../src/optimizer/rules/push-down-filter.js';
import { beforeAfter, unchanged } from './rule-harness.js';

const push = (sql: string) => beforeAfter(pushDownFilter, sql);

describe('push_down_filter into joins', () => {
  it('turns a comma join under a WHERE into a join with a condition, each side filtered, copies in the scans', () => {
    expect(push("SELECT a, y FROM t, u WHERE a = x AND b = 'k' AND y > 'm'")).toMatchInlineSnapshot(`
      "Project: a#0, y#5
        Filter: ((a#0 = x#4) AND (b#1 = 'k')) AND (y#5 > 'm')
          Join: inner
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0, y#5
        Join: inner, a#0 = x#4
          SubqueryAlias: t
            Filter: b#1 = 'k'
              Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'k']
          SubqueryAlias: u
            Filter: y#5 > 'm'
              Scan: parquet u [x#4, y#5, z#6] filters=[y#5 > 'm']"
    `);
  });

  it('keeps an inner join condition one-sided conjuncts below the join', () => {
    expect(push("SELECT a FROM t JOIN u ON a = x AND b = 'k' AND z > 1")).toMatchInlineSnapshot(`
      "Project: a#0
        Join: inner, ((a#0 = x#4) AND (b#1 = 'k')) AND (z#6 > CAST(1 AS double))
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          SubqueryAlias: u
            Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0
        Join: inner, a#0 = x#4
          SubqueryAlias: t
            Filter: b#1 = 'k'
              Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'k']
          SubqueryAlias: u
            Filter: z#6 > CAST(1 AS double)
              Scan: parquet u [x#4, y#5, z#6] filters=[z#6 > CAST(1 AS double)]"
    `);
  });

  it('pushes only the left side of a WHERE over a left join; the right side stays above', () => {
    expect(push("SELECT * FROM t LEFT JOIN u ON a = x WHERE b = 'k' AND y = 'z'")).toMatchInlineSnapshot(`
      "Project: a#0, b#1, c#2, e#3, x#4, y#5, z#6
        Filter: (b#1 = 'k') AND (y#5 = 'z')
          Join: left, a#0 = x#4
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0, b#1, c#2, e#3, x#4, y#5, z#6
        Filter: y#5 = 'z'
          Join: left, a#0 = x#4
            SubqueryAlias: t
              Filter: b#1 = 'k'
                Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'k']
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('pushes only the right side of a left join condition; a left-side conjunct stays in the condition', () => {
    expect(push("SELECT * FROM t LEFT JOIN u ON a = x AND y = 'z' AND b = 'k'")).toMatchInlineSnapshot(`
      "Project: a#0, b#1, c#2, e#3, x#4, y#5, z#6
        Join: left, ((a#0 = x#4) AND (y#5 = 'z')) AND (b#1 = 'k')
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          SubqueryAlias: u
            Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0, b#1, c#2, e#3, x#4, y#5, z#6
        Join: left, (a#0 = x#4) AND (b#1 = 'k')
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          SubqueryAlias: u
            Filter: y#5 = 'z'
              Scan: parquet u [x#4, y#5, z#6] filters=[y#5 = 'z']"
    `);
  });

  it('mirrors the left join rules for a right join', () => {
    expect(push("SELECT * FROM t RIGHT JOIN u ON a = x AND y = 'z' AND b = 'k' WHERE b = 'w' AND y = 'v'")).toMatchInlineSnapshot(`
      "Project: a#0, b#1, c#2, e#3, x#4, y#5, z#6
        Filter: (b#1 = 'w') AND (y#5 = 'v')
          Join: right, ((a#0 = x#4) AND (y#5 = 'z')) AND (b#1 = 'k')
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0, b#1, c#2, e#3, x#4, y#5, z#6
        Filter: b#1 = 'w'
          Join: right, (a#0 = x#4) AND (y#5 = 'z')
            SubqueryAlias: t
              Filter: b#1 = 'k'
                Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'k']
            SubqueryAlias: u
              Filter: y#5 = 'v'
                Scan: parquet u [x#4, y#5, z#6] filters=[y#5 = 'v']"
    `);
  });

  it('pushes both sides of a semi join condition, only the right side of an anti join condition', () => {
    expect(push("SELECT * FROM t LEFT SEMI JOIN u ON a = x AND y = 'z' AND b = 'k'")).toMatchInlineSnapshot(`
      "Project: a#0, b#1, c#2, e#3
        Join: semi, ((a#0 = x#4) AND (y#5 = 'z')) AND (b#1 = 'k')
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          SubqueryAlias: u
            Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0, b#1, c#2, e#3
        Join: semi, a#0 = x#4
          SubqueryAlias: t
            Filter: b#1 = 'k'
              Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'k']
          SubqueryAlias: u
            Filter: y#5 = 'z'
              Scan: parquet u [x#4, y#5, z#6] filters=[y#5 = 'z']"
    `);
    expect(push("SELECT * FROM t LEFT ANTI JOIN u ON a = x AND y = 'z' AND b = 'k'")).toMatchInlineSnapshot(`
      "Project: a#0, b#1, c#2, e#3
        Join: anti, ((a#0 = x#4) AND (y#5 = 'z')) AND (b#1 = 'k')
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          SubqueryAlias: u
            Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0, b#1, c#2, e#3
        Join: anti, (a#0 = x#4) AND (b#1 = 'k')
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          SubqueryAlias: u
            Filter: y#5 = 'z'
              Scan: parquet u [x#4, y#5, z#6] filters=[y#5 = 'z']"
    `);
  });

  it('moves nothing past a full join', () => {
    expect(unchanged(pushDownFilter, "SELECT * FROM t FULL JOIN u ON a = x AND y = 'z' WHERE b = 'k' AND y = 'v'")).toBe(true);
  });

  it('keeps non-deterministic conjuncts and correlated subqueries above the join; an uncorrelated IN goes below', () => {
    expect(
      push('SELECT a FROM t, u WHERE a = x AND rand() < 0.5 AND EXISTS (SELECT * FROM u u2 WHERE u2.x = t.a) AND a IN (SELECT x FROM u)'),
    ).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: (((a#0 = x#4) AND (rand() < CAST(0.5BD AS double))) AND EXISTS subquery#1) AND a#0 IN subquery#2
          : subquery#1
          :   Project: x#7, y#8, z#9
          :     Filter: x#7 = outer(a#0)
          :       SubqueryAlias: u2
          :         Scan: parquet u [x#7, y#8, z#9]
          : subquery#2
          :   Project: x#10
          :     SubqueryAlias: u
          :       Scan: parquet u [x#10, y#11, z#12]
          Join: inner
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#0
        Filter: (rand() < CAST(0.5BD AS double)) AND EXISTS subquery#1
          : subquery#1
          :   Project: x#7, y#8, z#9
          :     SubqueryAlias: u2
          :       Filter: x#7 = outer(a#0)
          :         Scan: parquet u [x#7, y#8, z#9] filters=[x#7 = outer(a#0)]
          Join: inner, a#0 = x#4
            SubqueryAlias: t
              Filter: a#0 IN subquery#2
                : subquery#2
                :   Project: x#10
                :     SubqueryAlias: u
                :       Scan: parquet u [x#10, y#11, z#12]
                Scan: parquet t [a#0, b#1, c#2, e#3]
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]"
    `);
  });
});

describe('push_down_filter through other nodes', () => {
  it('replaces Project aliases by their expressions', () => {
    expect(push("SELECT * FROM (SELECT a + 1 AS a1, b FROM t) s WHERE a1 > 5 AND b = 'x'")).toMatchInlineSnapshot(`
      "Project: a1#4, b#1
        Filter: (a1#4 > 5) AND (b#1 = 'x')
          SubqueryAlias: s
            Project: a#0 + 1 AS a1#4, b#1
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a1#4, b#1
        SubqueryAlias: s
          Project: a#0 + 1 AS a1#4, b#1
            SubqueryAlias: t
              Filter: ((a#0 + 1) > 5) AND (b#1 = 'x')
                Scan: parquet t [a#0, b#1, c#2, e#3] filters=[(a#0 + 1) > 5, b#1 = 'x']"
    `);
  });

  it('does not pass a Project with a non-deterministic column', () => {
    expect(push('SELECT * FROM (SELECT a, rand() AS r FROM t) s WHERE a > 1')).toMatchInlineSnapshot(`
      "Project: a#0, r#4
        Filter: a#0 > 1
          SubqueryAlias: s
            Project: a#0, rand() AS r#4
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0, r#4
        SubqueryAlias: s
          Filter: a#0 > 1
            Project: a#0, rand() AS r#4
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]"
    `);
  });

  it('pushes conjuncts on grouping keys below an Aggregate, not those on aggregates', () => {
    expect(push("SELECT b, sum(a) AS s FROM t GROUP BY b HAVING b = 'x' AND sum(a) > 10")).toMatchInlineSnapshot(`
      "Project: b#1, sum(a)#4 AS s#5
        Filter: (b#1 = 'x') AND (sum(a)#4 > CAST(10 AS bigint))
          Aggregate: groupBy=[b#1], aggregates=[sum(a#0) AS sum(a)#4]
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: b#1, sum(a)#4 AS s#5
        Filter: sum(a)#4 > CAST(10 AS bigint)
          Aggregate: groupBy=[b#1], aggregates=[sum(a#0) AS sum(a)#4]
            SubqueryAlias: t
              Filter: b#1 = 'x'
                Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'x']"
    `);
  });

  it('does not pass a global aggregate', () => {
    expect(push('SELECT * FROM (SELECT count(*) AS n FROM t) s WHERE n > 0')).toMatchInlineSnapshot(`
      "Project: n#5
        Filter: n#5 > CAST(0 AS bigint)
          SubqueryAlias: s
            Project: count(1)#4 AS n#5
              Aggregate: groupBy=[], aggregates=[count(1) AS count(1)#4]
                SubqueryAlias: t
                  Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: n#5
        SubqueryAlias: s
          Project: count(1)#4 AS n#5
            Filter: count(1)#4 > CAST(0 AS bigint)
              Aggregate: groupBy=[], aggregates=[count(1) AS count(1)#4]
                SubqueryAlias: t
                  Scan: parquet t [a#0, b#1, c#2, e#3]"
    `);
  });

  it('pushes into every input of a Union, in terms of each input’s columns', () => {
    expect(push('SELECT * FROM (SELECT a FROM t UNION ALL SELECT x FROM u) s WHERE a > 1')).toMatchInlineSnapshot(`
      "Project: a#7
        Filter: a#7 > 1
          SubqueryAlias: s
            Union: all → [a#7]
              Project: a#0
                SubqueryAlias: t
                  Scan: parquet t [a#0, b#1, c#2, e#3]
              Project: x#4
                SubqueryAlias: u
                  Scan: parquet u [x#4, y#5, z#6]
      →
      Project: a#7
        SubqueryAlias: s
          Union: all → [a#7]
            Project: a#0
              SubqueryAlias: t
                Filter: a#0 > 1
                  Scan: parquet t [a#0, b#1, c#2, e#3] filters=[a#0 > 1]
            Project: x#4
              SubqueryAlias: u
                Filter: x#4 > 1
                  Scan: parquet u [x#4, y#5, z#6] filters=[x#4 > 1]"
    `);
  });

  it('pushes below a Window only conjuncts on columns every window function partitions by', () => {
    expect(
      push("SELECT * FROM (SELECT a, b, row_number() OVER (PARTITION BY b ORDER BY a) AS rn FROM t) s WHERE b = 'x' AND rn = 1 AND a > 0"),
    ).toMatchInlineSnapshot(`
      "Project: a#0, b#1, rn#5
        Filter: ((b#1 = 'x') AND (rn#5 = 1)) AND (a#0 > 0)
          SubqueryAlias: s
            Project: a#0, b#1, row_number()#4 AS rn#5
              Window: row_number() OVER (PARTITION BY b#1 ORDER BY a#0 ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS row_number()#4
                SubqueryAlias: t
                  Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0, b#1, rn#5
        SubqueryAlias: s
          Project: a#0, b#1, row_number()#4 AS rn#5
            Filter: (row_number()#4 = 1) AND (a#0 > 0)
              Window: row_number() OVER (PARTITION BY b#1 ORDER BY a#0 ASC NULLS FIRST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS row_number()#4
                SubqueryAlias: t
                  Filter: b#1 = 'x'
                    Scan: parquet t [a#0, b#1, c#2, e#3] filters=[b#1 = 'x']"
    `);
  });

  it('passes Sort and Distinct, not Limit', () => {
    expect(push('SELECT * FROM (SELECT DISTINCT a FROM t ORDER BY a) s WHERE a > 1')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: a#0 > 1
          SubqueryAlias: s
            Sort: a#0 ASC NULLS FIRST
              Distinct
                Project: a#0
                  SubqueryAlias: t
                    Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        SubqueryAlias: s
          Sort: a#0 ASC NULLS FIRST
            Distinct
              Project: a#0
                SubqueryAlias: t
                  Filter: a#0 > 1
                    Scan: parquet t [a#0, b#1, c#2, e#3] filters=[a#0 > 1]"
    `);
    expect(push('SELECT * FROM (SELECT * FROM VALUES (1), (2) AS v(a) LIMIT 1) s WHERE a > 1')).toMatchInlineSnapshot(`
      "Project: a#1
        Filter: a#1 > 1
          SubqueryAlias: s
            Limit: 1
              Project: a#1
                SubqueryAlias: v
                  Project: col1#0 AS a#1
                    Values: [col1#0] rows=2
      →
      Project: a#1
        SubqueryAlias: s
          Filter: a#1 > 1
            Limit: 1
              Project: a#1
                SubqueryAlias: v
                  Project: col1#0 AS a#1
                    Values: [col1#0] rows=2"
    `);
  });

  it('rewrites the plans of subqueries too, keeping outer references as constants in the scan filters', () => {
    expect(push('SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x = t.a AND z > 0)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: EXISTS subquery#1
          : subquery#1
          :   Project: x#4, y#5, z#6
          :     Filter: (x#4 = outer(a#0)) AND (z#6 > CAST(0 AS double))
          :       SubqueryAlias: u
          :         Scan: parquet u [x#4, y#5, z#6]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        SubqueryAlias: t
          Filter: EXISTS subquery#1
            : subquery#1
            :   Project: x#4, y#5, z#6
            :     SubqueryAlias: u
            :       Filter: (x#4 = outer(a#0)) AND (z#6 > CAST(0 AS double))
            :         Scan: parquet u [x#4, y#5, z#6] filters=[x#4 = outer(a#0), z#6 > CAST(0 AS double)]
            Scan: parquet t [a#0, b#1, c#2, e#3]"
    `);
  });

});
