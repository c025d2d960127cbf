// rewrite_predicate_subquery on analyzed plans: [NOT] EXISTS and [NOT] IN conjuncts become semi and anti joins.
import { describe, expect, it } from 'vitest';
import { rewritePredicateSubquery } from '../../../src/optimizer/rules/rewrite-predicate-subquery.js';
import { beforeAfter, unchanged } from './rule-harness.js';

const rule = rewritePredicateSubquery;

describe('rewrite_predicate_subquery', () => {
  it('turns a correlated EXISTS into a semi join on the correlated conjuncts, keeping the rest in place', () => {
    expect(beforeAfter(rule, 'SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x = t.a AND y <> t.b AND z > 1) AND c > 0')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: EXISTS subquery#1 AND (c#2 > CAST(0 AS decimal(15,2)))
          : subquery#1
          :   Project: x#4, y#5, z#6
          :     Filter: ((x#4 = outer(a#0)) AND (y#5 <> outer(b#1))) AND (z#6 > CAST(1 AS double))
          :       SubqueryAlias: u
          :         Scan: parquet u [x#4, y#5, z#6]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Join: semi, (x#4 = a#0) AND (y#5 <> b#1)
          Filter: c#2 > CAST(0 AS decimal(15,2))
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, e#3]
          Project: x#4, y#5, z#6
            Filter: z#6 > CAST(1 AS double)
              SubqueryAlias: u
                Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('turns NOT EXISTS into an anti join, IN into a semi join on the values, NOT IN over non-null keys into an anti join', () => {
    expect(beforeAfter(rule, 'SELECT a FROM t WHERE NOT EXISTS (SELECT 1 FROM u WHERE u.x = t.a) AND a IN (SELECT x FROM u) AND a NOT IN (SELECT x + 1 FROM u)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: (NOT EXISTS subquery#1 AND a#0 IN subquery#2) AND NOT a#0 IN subquery#3
          : subquery#1
          :   Project: 1 AS 1#7
          :     Filter: x#4 = outer(a#0)
          :       SubqueryAlias: u
          :         Scan: parquet u [x#4, y#5, z#6]
          : subquery#2
          :   Project: x#8
          :     SubqueryAlias: u
          :       Scan: parquet u [x#8, y#9, z#10]
          : subquery#3
          :   Project: x#11 + 1 AS (x + 1)#14
          :     SubqueryAlias: u
          :       Scan: parquet u [x#11, y#12, z#13]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Join: anti, a#0 = (x + 1)#14
          Join: semi, a#0 = x#8
            Join: anti, x#4 = a#0
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, e#3]
              Project: 1 AS 1#7, x#4
                SubqueryAlias: u
                  Scan: parquet u [x#4, y#5, z#6]
            Project: x#8
              SubqueryAlias: u
                Scan: parquet u [x#8, y#9, z#10]
          Project: x#11 + 1 AS (x + 1)#14
            SubqueryAlias: u
              Scan: parquet u [x#11, y#12, z#13]"
    `);
  });

  it('makes NOT IN over nullable keys a null-aware anti join', () => {
    expect(beforeAfter(rule, 'SELECT a FROM t WHERE e NOT IN (SELECT CAST(z AS BIGINT) FROM u)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: NOT e#3 IN subquery#1
          : subquery#1
          :   Project: CAST(z#6 AS bigint) AS CAST(z AS BIGINT)#7
          :     SubqueryAlias: u
          :       Scan: parquet u [x#4, y#5, z#6]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Join: anti (null-aware), e#3 = CAST(z AS BIGINT)#7
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          Project: CAST(z#6 AS bigint) AS CAST(z AS BIGINT)#7
            SubqueryAlias: u
              Scan: parquet u [x#4, y#5, z#6]"
    `);
  });

  it('takes correlated conjuncts out from below Projects and joins, passing the columns they read', () => {
    expect(beforeAfter(rule, 'SELECT a FROM t WHERE EXISTS (SELECT u1.y FROM u u1 JOIN u u2 ON u1.x = u2.x WHERE u2.z = t.c)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: EXISTS subquery#1
          : subquery#1
          :   Project: y#5
          :     Filter: z#9 = CAST(outer(c#2) AS double)
          :       Join: inner, x#4 = x#7
          :         SubqueryAlias: u1
          :           Scan: parquet u [x#4, y#5, z#6]
          :         SubqueryAlias: u2
          :           Scan: parquet u [x#7, y#8, z#9]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
      →
      Project: a#0
        Join: semi, z#9 = CAST(c#2 AS double)
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, e#3]
          Project: y#5, z#9
            Join: inner, x#4 = x#7
              SubqueryAlias: u1
                Scan: parquet u [x#4, y#5, z#6]
              SubqueryAlias: u2
                Scan: parquet u [x#7, y#8, z#9]"
    `);
  });

  it('leaves subqueries under OR, uncorrelated EXISTS, correlations it cannot take out, and correlated nullable NOT IN', () => {
    for (const sql of [
      'SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x = t.a) OR c > 0',
      'SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x > 1)',
      'SELECT a FROM t WHERE EXISTS (SELECT x + t.a FROM u)',
      'SELECT a FROM t WHERE EXISTS (SELECT max(x) FROM u WHERE y = t.b GROUP BY z)',
      'SELECT a FROM t WHERE EXISTS (SELECT * FROM u WHERE x = t.a LIMIT 1)',
      'SELECT a FROM t WHERE EXISTS (SELECT * FROM t WHERE a > 1)',
      'SELECT a FROM t WHERE b NOT IN (SELECT y FROM u WHERE x = t.a)',
    ])
      expect(unchanged(rule, sql), sql).toBe(true);
  });
});
