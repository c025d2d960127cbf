// The analyzer on small fake tables: binding, coercion, aggregation, windows, subqueries, and its error messages.
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/ast/parse.js';
import { analyzeQuery } from '../../../src/analyzer/analyze.js';
import { printPlan } from '../../../src/logical/print-plan.js';
import { outputOf } from '../../../src/logical/output.js';
import { typeToString } from '../../../src/types/data-type.js';
import { SqlError } from '../../../src/common/errors.js';
import { renderDiagnostics } from '../../../src/common/render-diagnostic.js';
import { fakeCatalog } from '../../helpers/fake-catalog.js';

const catalog = fakeCatalog(
  {
    t: { columns: { a: 'int', b: 'string?', c: 'decimal(15,2)', d: 'date', e: 'bigint?' } },
    u: { columns: { a: 'int', x: 'double?', y: 'string' } },
    events: { columns: { user_id: 'bigint', ts: 'timestamp', value: 'double?' }, partitions: { event_date: 'date' } },
  },
  { big_t: 'SELECT a, c FROM t WHERE c > 100' },
);

const plan = (sql: string) => printPlan(analyzeQuery(parseQuery(sql), catalog).plan);
const schema = (sql: string) =>
  outputOf(analyzeQuery(parseQuery(sql), catalog).plan)
    .map((c) => `${c.name}: ${typeToString(c.type)}${c.nullable ? '' : ' not null'}`)
    .join(', ');
const error = (sql: string): string => {
  try {
    analyzeQuery(parseQuery(sql), catalog);
  } catch (e) {
    if (e instanceof SqlError) return renderDiagnostics(e.diagnostics, sql);
    throw e;
  }
  throw new Error(`expected an error for: ${sql}`);
};

describe('binding', () => {
  it('binds columns, filters and projections with ids', () => {
    expect(plan('SELECT a, b AS bee, a + 1 FROM t WHERE a > 10')).toMatchInlineSnapshot(`
      "Project: a#0, b#1 AS bee#5, a#0 + 1 AS (a + 1)#6
        Filter: a#0 > 10
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('resolves names case-insensitively and through qualifiers and aliases', () => {
    expect(schema('SELECT T.A, x.b FROM t JOIN t AS x ON t.a = X.a')).toMatchInlineSnapshot(`"A: int not null, b: string"`);
  });

  it('expands * and t.* in FROM order, data columns then partition columns', () => {
    expect(schema('SELECT * FROM events')).toMatchInlineSnapshot(`"user_id: bigint not null, ts: timestamp not null, value: double, event_date: date not null"`);
    expect(schema('SELECT u.*, t.a FROM t, u')).toMatchInlineSnapshot(`"a: int not null, x: double, y: string not null, a: int not null"`);
  });

  it('gives a USING join one copy of the join columns, first, and keeps qualified access to both', () => {
    expect(schema('SELECT * FROM t JOIN u USING (a)')).toMatchInlineSnapshot(`"a: int not null, b: string, c: decimal(15,2) not null, d: date not null, e: bigint, x: double, y: string not null"`);
    expect(schema('SELECT t.a, u.a FROM t FULL JOIN u USING (a)')).toMatchInlineSnapshot(`"a: int, a: int"`);
    expect(plan('SELECT * FROM t NATURAL JOIN u')).toMatchInlineSnapshot(`
      "Project: a#0, b#1, c#2, d#3, e#4, x#6, y#7
        Project: a#0, b#1, c#2, d#3, e#4, x#6, y#7, a#5
          Join: inner, a#0 = a#5
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, d#3, e#4]
            SubqueryAlias: u
              Scan: parquet u [a#5, x#6, y#7]"
    `);
  });

  it('expands views and CTEs, each use with fresh column ids', () => {
    expect(plan('WITH s AS (SELECT a FROM t) SELECT * FROM s JOIN s AS s2 ON s.a = s2.a')).toMatchInlineSnapshot(`
      "Project: a#0, a#5
        Join: inner, a#0 = a#5
          SubqueryAlias: s
            Project: a#0
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, d#3, e#4]
          SubqueryAlias: s2
            Project: a#5
              SubqueryAlias: t
                Scan: parquet t [a#5, b#6, c#7, d#8, e#9]"
    `);
    expect(plan('SELECT * FROM big_t')).toMatchInlineSnapshot(`
      "Project: a#0, c#2
        SubqueryAlias: big_t
          Project: a#0, c#2
            Filter: c#2 > CAST(100 AS decimal(15,2))
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('lets a CTE shadow a table and see the CTEs before it', () => {
    expect(schema('WITH t AS (SELECT 1 AS one), v AS (SELECT one + 1 AS two FROM t) SELECT * FROM v')).toMatchInlineSnapshot(`"two: int not null"`);
  });

  it('binds VALUES, range() and SELECT without FROM', () => {
    expect(plan('SELECT * FROM VALUES (1, \'a\'), (2.5, NULL) AS v(n, s)')).toMatchInlineSnapshot(`
      "Project: n#2, s#3
        SubqueryAlias: v
          Project: col1#0 AS n#2, col2#1 AS s#3
            Values: [col1#0, col2#1] rows=2"
    `);
    expect(schema('SELECT id * 2 FROM range(3, 10, 2)')).toMatchInlineSnapshot(`"(id * 2): bigint"`);
    expect(plan('SELECT 1 AS one, current_date()')).toMatchInlineSnapshot(`
      "Project: 1 AS one#0, current_date() AS current_date()#1
        Values: [] rows=1"
    `);
  });
});

describe('types and coercion', () => {
  it('types literals as Spark does', () => {
    expect(schema("SELECT 1, 2147483648, 1L, 1.50, 1e3, 1.5D, 2Y, 'x', DATE '2024-01-05', TIMESTAMP '2024-01-05 10:00:00', NULL, true, X'0A'")).toMatchInlineSnapshot(`"1: int not null, 2147483648: bigint not null, 1: bigint not null, 1.50: decimal(3,2) not null, 1e3: double not null, 1.5: double not null, 2: tinyint not null, x: string not null, DATE '2024-01-05': date not null, TIMESTAMP '2024-01-05 10:00:00': timestamp not null, NULL: void, true: boolean not null, X'0A': binary not null"`);
  });

  it('widens integers and follows decimal precision rules', () => {
    expect(schema('SELECT a + e, c * c, c + 1, c * (1 - c), a / 2, a div 2, sum(c), avg(c) FROM t GROUP BY a, e, c')).toMatchInlineSnapshot(`"(a + e): bigint, (c * c): decimal(31,4), (c + 1): decimal(16,2), (c * (1 - c)): decimal(32,4), (a / 2): double, (a div 2): bigint, sum(c): decimal(25,2), avg(c): decimal(19,6)"`);
  });

  it('casts strings compared with dates, and adds intervals and days to dates', () => {
    expect(plan("SELECT d - INTERVAL '90' DAY, d + 3 FROM t WHERE d >= '1995-01-01' AND d < DATE '1996-01-01' + INTERVAL 3 MONTHS")).toMatchInlineSnapshot(`
      "Project: d#3 - INTERVAL '90 days' AS (d - INTERVAL 90 DAY)#5, date_add(d#3, 3) AS (d + 3)#6
        Filter: (d#3 >= CAST('1995-01-01' AS date)) AND (d#3 < (DATE '1996-01-01' + INTERVAL '3 months'))
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('desugars BETWEEN, IS DISTINCT FROM, LIKE ANY, simple CASE and IN', () => {
    expect(
      plan("SELECT CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE b END FROM t WHERE a BETWEEN 1 AND 5 AND b IS DISTINCT FROM 'x' AND b LIKE ANY ('a%', '%z') AND e NOT IN (1, 2.5)"),
    ).toMatchInlineSnapshot(`
      "Project: CASE WHEN (a#0 = 1) THEN 'one' WHEN (a#0 = 2) THEN 'two' ELSE b#1 END AS CASE a WHEN 1 THEN 'one' WHEN 2 THEN 'two' ELSE b END#5
        Filter: ((((a#0 >= 1) AND (a#0 <= 5)) AND NOT (b#1 <=> 'x')) AND (b#1 LIKE 'a%' OR b#1 LIKE '%z')) AND NOT CAST(e#4 AS decimal(21,1)) IN (CAST(1 AS decimal(21,1)), CAST(2.5BD AS decimal(21,1)))
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('widens set operation columns by position and names them from the left', () => {
    expect(plan('SELECT a, b FROM t UNION ALL SELECT x, y FROM u')).toMatchInlineSnapshot(`
      "Union: all → [a#9, b#10]
        Project: CAST(a#0 AS double) AS a#8, b#1
          Project: a#0, b#1
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, d#3, e#4]
        Project: x#6, y#7
          SubqueryAlias: u
            Scan: parquet u [a#5, x#6, y#7]"
    `);
    expect(schema('SELECT a FROM t INTERSECT SELECT e FROM t')).toMatchInlineSnapshot(`"a: bigint"`);
  });
});

describe('aggregation', () => {
  it('groups by columns, expressions, ordinals and aliases', () => {
    expect(plan('SELECT b, a % 10 AS bucket, count(*), sum(c) * 2 FROM t GROUP BY 1, bucket HAVING count(*) > 1')).toMatchInlineSnapshot(`
      "Project: b#1, (a % 10)#5 AS bucket#8, count(1)#6, sum(c)#7 * CAST(2 AS decimal(1,0)) AS (sum(c) * 2)#9
        Filter: count(1)#6 > CAST(1 AS bigint)
          Aggregate: groupBy=[b#1, a#0 % 10 AS (a % 10)#5], aggregates=[count(1) AS count(1)#6, sum(c#2) AS sum(c)#7]
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('aggregates without GROUP BY, with DISTINCT and FILTER', () => {
    expect(plan('SELECT count(DISTINCT b), max(c) FILTER (WHERE a > 0) FROM t')).toMatchInlineSnapshot(`
      "Project: count(DISTINCT b)#5, max(c) FILTER (WHERE a > 0)#6 AS max(c)#7
        Aggregate: groupBy=[], aggregates=[count(DISTINCT b#1) AS count(DISTINCT b)#5, max(c#2) FILTER (WHERE a#0 > 0) AS max(c) FILTER (WHERE a > 0)#6]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('plans ROLLUP as an Expand with a grouping id, and grouping() as a bit of it', () => {
    expect(plan('SELECT a, b, grouping(b), sum(c) FROM t GROUP BY ROLLUP(a, b)')).toMatchInlineSnapshot(`
      "Project: a#5, b#6, CAST((shiftright(spark_grouping_id#7, 0) & 1L) AS tinyint) AS grouping(b)#9, sum(c)#8
        Aggregate: groupBy=[a#5, b#6, spark_grouping_id#7], aggregates=[sum(c#2) AS sum(c)#8]
          Expand: [a#0, b#1, c#2, d#3, e#4, a#0, b#1, 0L], [a#0, b#1, c#2, d#3, e#4, a#0, CAST(NULL AS string), 1L], [a#0, b#1, c#2, d#3, e#4, CAST(NULL AS int), CAST(NULL AS string), 3L] → [a#0, b#1, c#2, d#3, e#4, a#5, b#6, spark_grouping_id#7]
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('orders by an aggregate or a column the select list does not show', () => {
    expect(plan('SELECT b FROM t GROUP BY b ORDER BY sum(c) DESC')).toMatchInlineSnapshot(`
      "Project: b#1
        Sort: sum(c)#6 DESC NULLS LAST
          Project: b#1, sum(c)#5 AS sum(c)#6
            Aggregate: groupBy=[b#1], aggregates=[sum(c#2) AS sum(c)#5]
              SubqueryAlias: t
                Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
    expect(plan('SELECT b FROM t ORDER BY a, 1 DESC NULLS FIRST')).toMatchInlineSnapshot(`
      "Project: b#1
        Sort: a#5 ASC NULLS FIRST, b#1 DESC NULLS FIRST
          Project: b#1, a#0 AS a#5
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });
});

describe('windows and subqueries', () => {
  it('computes window functions in a Window node, with QUALIFY above it', () => {
    expect(
      plan('SELECT a, rank() OVER w AS r, sum(c) OVER (PARTITION BY b ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) FROM t WINDOW w AS (PARTITION BY b ORDER BY c DESC) QUALIFY r <= 3'),
    ).toMatchInlineSnapshot(`
      "Project: a#0, rank()#5 AS r#7, sum(c)#6 AS sum(c) OVER (PARTITION BY b ORDER BY d ROWS BETWEEN 2 PRECEDING AND CURRENT ROW)#8
        Filter: rank()#5 <= 3
          Window: rank() OVER (PARTITION BY b#1 ORDER BY c#2 DESC NULLS LAST ROWS BETWEEN UNBOUNDED PRECEDING AND CURRENT ROW) AS rank()#5, sum(c#2) OVER (PARTITION BY b#1 ORDER BY d#3 ASC NULLS FIRST ROWS BETWEEN 2 PRECEDING AND CURRENT ROW) AS sum(c)#6
            SubqueryAlias: t
              Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('binds correlated subqueries with outer references', () => {
    expect(plan('SELECT a FROM t WHERE c > (SELECT avg(c) FROM t AS t2 WHERE t2.b = t.b) AND EXISTS (SELECT 1 FROM u WHERE u.a = t.a)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: (CAST(c#2 AS decimal(19,6)) > scalar-subquery#1) AND EXISTS subquery#2
          : subquery#1
          :   Project: avg(c)#10
          :     Aggregate: groupBy=[], aggregates=[avg(c#7) AS avg(c)#10]
          :       Filter: b#6 = outer(b#1)
          :         SubqueryAlias: t2
          :           Scan: parquet t [a#5, b#6, c#7, d#8, e#9]
          : subquery#2
          :   Project: 1 AS 1#14
          :     Filter: a#11 = outer(a#0)
          :       SubqueryAlias: u
          :         Scan: parquet u [a#11, x#12, y#13]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
    expect(plan('SELECT a FROM t WHERE (a, b) NOT IN (SELECT a, y FROM u)')).toMatchInlineSnapshot(`
      "Project: a#0
        Filter: NOT (a#0, b#1) IN subquery#1
          : subquery#1
          :   Project: a#5, y#7
          :     SubqueryAlias: u
          :       Scan: parquet u [a#5, x#6, y#7]
          SubqueryAlias: t
            Scan: parquet t [a#0, b#1, c#2, d#3, e#4]"
    `);
  });

  it('turns hints and DISTRIBUTE/CLUSTER BY into plan nodes', () => {
    expect(plan('SELECT /*+ BROADCAST(u), REPARTITION(4, a) */ t.a FROM t JOIN u ON t.a = u.a CLUSTER BY a LIMIT 10 OFFSET 5')).toMatchInlineSnapshot(`
      "Limit: 10, offset=5
        Sort (within partitions): a#0 ASC NULLS FIRST
          Repartition: keys=[a#0]
            Repartition: keys=[a#0], partitions=4
              Project: a#0
                Join: inner, a#0 = a#5
                  SubqueryAlias: t
                    Scan: parquet t [a#0, b#1, c#2, d#3, e#4]
                  Hint: broadcast
                    SubqueryAlias: u
                      Scan: parquet u [a#5, x#6, y#7]"
    `);
  });
});

describe('errors name the problem and the place', () => {
  it('suggests close names for an unknown column or table', () => {
    expect(error('SELECT aa FROM t')).toMatchInlineSnapshot(`
      "error[ANALYSIS_UNRESOLVED_COLUMN]: line 1:8: column \`aa\` cannot be resolved
        |
      1 | SELECT aa FROM t
        |        ^^
        = hint: did you mean \`a\`, \`b\` or \`c\`?"
    `);
    expect(error('SELECT a FROM tt')).toMatchInlineSnapshot(`
      "error[ANALYSIS_TABLE_NOT_FOUND]: line 1:15: table or view \`tt\` not found
        |
      1 | SELECT a FROM tt
        |               ^^
        = hint: did you mean \`t\` or \`u\`?"
    `);
  });

  it('reports ambiguous columns', () => {
    expect(error('SELECT a FROM t, u')).toMatchInlineSnapshot(`
      "error[ANALYSIS_AMBIGUOUS_COLUMN]: line 1:8: column reference \`a\` is ambiguous: it could be \`t.a\` or \`u.a\`
        |
      1 | SELECT a FROM t, u
        |        ^
        = hint: qualify it with a table name or alias"
    `);
  });

  it('reports columns neither grouped nor aggregated', () => {
    expect(error('SELECT a, b, count(*) FROM t GROUP BY a')).toMatchInlineSnapshot(`
      "error[ANALYSIS_NOT_GROUPED]: line 1:11: \`b\` is neither in GROUP BY nor in an aggregate function
        |
      1 | SELECT a, b, count(*) FROM t GROUP BY a
        |           ^
        = hint: add \`b\` to GROUP BY, or wrap it in an aggregate such as first(b) or any_value(b)"
    `);
  });

  it('rejects aggregates in WHERE, nested aggregates and mistyped operands', () => {
    expect(error('SELECT a FROM t WHERE sum(a) > 1')).toMatchInlineSnapshot(`
      "error[ANALYSIS_AGGREGATE_NOT_ALLOWED]: line 1:23: aggregate functions are not allowed in WHERE
        |
      1 | SELECT a FROM t WHERE sum(a) > 1
        |                       ^^^^^^"
    `);
    expect(error('SELECT sum(max(a)) FROM t')).toMatchInlineSnapshot(`
      "error[ANALYSIS_NESTED_AGGREGATE]: line 1:12: aggregate function \`max\` cannot be used inside another aggregate function
        |
      1 | SELECT sum(max(a)) FROM t
        |            ^^^^^^
        = hint: compute the inner aggregate in a subquery"
    `);
    expect(error('SELECT a FROM t WHERE d = true')).toMatchInlineSnapshot(`
      "error[ANALYSIS_TYPE_MISMATCH]: line 1:23: cannot compare date with boolean using =
        |
      1 | SELECT a FROM t WHERE d = true
        |                       ^^^^^^^^"
    `);
    expect(error('SELECT sum(d) FROM t')).toMatchInlineSnapshot(`
      "error[ANALYSIS_FUNCTION_ARGUMENTS]: line 1:8: cannot resolve \`sum(date)\`: argument 1 requires a numeric type or interval, got date
        |
      1 | SELECT sum(d) FROM t
        |        ^^^^^^"
    `);
    expect(error('SELECT nosuchfn(a) FROM t')).toMatchInlineSnapshot(`
      "error[ANALYSIS_UNKNOWN_FUNCTION]: line 1:8: unknown function \`nosuchfn\`
        |
      1 | SELECT nosuchfn(a) FROM t
        |        ^^^^^^^^^^^"
    `);
  });

  it('checks set operation arity, LIMIT and literals', () => {
    expect(error('SELECT a, b FROM t UNION SELECT a FROM u')).toMatchInlineSnapshot(`
      "error[ANALYSIS_SET_OPERATION_ARITY]: line 1:1: UNION needs the same number of columns on both sides (2 and 1)
        |
      1 | SELECT a, b FROM t UNION SELECT a FROM u
        | ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^"
    `);
    expect(error('SELECT a FROM t LIMIT a')).toMatchInlineSnapshot(`
      "error[ANALYSIS_UNRESOLVED_COLUMN]: line 1:23: column \`a\` cannot be resolved
        |
      1 | SELECT a FROM t LIMIT a
        |                       ^"
    `);
    expect(error("SELECT DATE '2024-02-30'")).toMatchInlineSnapshot(`
      "error[ANALYSIS_INVALID_LITERAL]: line 1:8: '2024-02-30' is not a valid DATE
        |
      1 | SELECT DATE '2024-02-30'
        |        ^^^^^^^^^^^^^^^^^
        = hint: write dates as 'yyyy-mm-dd'"
    `);
  });
});
