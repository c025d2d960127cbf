// decorrelate_scalar_subquery on analyzed plans: a correlated scalar aggregate becomes a left join with it grouped.
import { describe, expect, it } from 'vitest';
import { decorrelateScalarSubquery } from '../../../src/optimizer/rules/decorrelate-scalar-subquery.js';
import { beforeAfter, unchanged } from './rule-harness.js';

const rule = decorrelateScalarSubquery;

describe('decorrelate_scalar_subquery', () => {
  it('joins the aggregate grouped by the correlated column in a Filter, and keeps the Filter output', () => {
    expect(beforeAfter(rule, 'SELECT a FROM t WHERE a > (SELECT 0.5 * max(x) FROM u WHERE u.y = t.b AND z > 0)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: CAST(a#0 AS decimal(12,1)) > scalar-subquery#1
          : subquery#1
          :   Project: 0.5BD * CAST(max(x)#7 AS decimal(10,0)) AS (0.5 * max(x))#8
          :     Aggregate: groupBy=[], aggregates=[max(x#4) AS max(x)#7]
          :       Filter: (y#5 = outer(b#1)) AND (z#6 > CAST(0 AS double))
          :         SubqueryAlias: u
          :           Scan: parquet u [x#4, y#5, z#6]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Project: a#0, b#1, c#2, e#3
          Filter: CAST(a#0 AS decimal(12,1)) > (0.5 * max(x))#8
            Join: left, b#1 = y#5
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
              Project: 0.5BD * CAST(max(x)#7 AS decimal(10,0)) AS (0.5 * max(x))#8, y#5
                Aggregate: groupBy=[y#5], aggregates=[max(x#4) AS max(x)#7]
                  Filter: z#6 > CAST(0 AS double)
                    SubqueryAlias: u
                      Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('does the same in a select list, with several correlated columns', () => {
    expect(beforeAfter(rule, 'SELECT a, (SELECT sum(z) FROM u WHERE u.x = t.a AND u.y = t.b) AS s FROM t')).toMatchInlineSnapshot(`
      "Project: a#0, scalar-subquery#1 AS s#8
        : subquery#1
        :   Project: sum(z)#7
        :     Aggregate: groupBy=[], aggregates=[sum(z#6) AS sum(z)#7]
        :       Filter: (x#4 = outer(a#0)) AND (y#5 = outer(b#1))
        :         SubqueryAlias: u
        :           Scan: parquet u [x#4, y#5, z#6]
        SubqueryAlias: t
          Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0, sum(z)#7 AS s#8
        Join: left, (a#0 = x#4) AND (b#1 = y#5)
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          Project: sum(z)#7, x#4, y#5
            Aggregate: groupBy=[x#4, y#5], aggregates=[sum(z#6) AS sum(z)#7]
              SubqueryAlias: u
                Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('leaves aggregates with a value over no rows, non-equality correlations, grouped subqueries and uncorrelated ones', () => {
    for (const sql of [
      'SELECT a FROM t WHERE a > (SELECT count(*) FROM u WHERE u.x = t.a)',
      'SELECT a FROM t WHERE a > (SELECT coalesce(max(x), 0) FROM u WHERE u.y = t.b)',
      'SELECT a FROM t WHERE a > (SELECT max(x) FROM u WHERE u.x < t.a)',
      'SELECT a FROM t WHERE a > (SELECT max(x) FROM u WHERE u.y = t.b GROUP BY z)',
      'SELECT a FROM t WHERE a > (SELECT max(x) FROM u)',
      'SELECT a FROM t WHERE a > (SELECT x FROM u WHERE u.y = t.b LIMIT 1)',
    ])
      expect(unchanged(rule, sql), sql).toBe(true);
  });
});
