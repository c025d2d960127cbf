// printSql: the exact SQL it writes, where layout, quoting and parentheses matter.
import { describe, expect, it } from 'vitest';
import type { Expr, Query, QueryBody } from '../../../src/ast/ast.js';
import { parseExpression, parseQuery, parseStatement } from '../../../src/ast/parse.js';
import { printSql } from '../../../src/ast/print-sql.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';

const expr = (sql: string) => printSql(parseExpression(sql));
const col = (...parts: string[]): Expr => ({ kind: 'column', parts });
const select = (n: string): QueryBody => ({
  kind: 'select',
  hints: [],
  distinct: false,
  items: [{ kind: 'exprItem', expr: { kind: 'literal', literal: { type: 'number', text: n } } }],
  from: [],
  windows: [],
});
const query = (body: QueryBody): Query => ({ kind: 'query', body, orderBy: [], sortBy: [], distributeBy: [], clusterBy: [] });

describe('printSql', () => {
  it('spaces operators and upper-cases keywords', () => {
    expect(expr('a+1 * -b')).toBe('a + 1 * -b');
    expect(expr("x not like 'a%' escape '!' and y is not null or z between 1 and 2")).toBe(
      "x NOT LIKE 'a%' ESCAPE '!' AND y IS NOT NULL OR z BETWEEN 1 AND 2",
    );
    expect(printSql(parseStatement('select a from t where b in (1,2) order by a desc nulls last limit 5'))).toBe(
      'SELECT a FROM t WHERE b IN (1, 2) ORDER BY a DESC NULLS LAST LIMIT 5',
    );
  });

  it('parenthesises only where precedence needs it', () => {
    expect(expr('(a + b) * c')).toBe('(a + b) * c');
    expect(expr('a - (b - c)')).toBe('a - (b - c)');
    expect(expr('(a - b) - c')).toBe('a - b - c');
    expect(expr('(a = b) IS NULL')).toBe('a = b IS NULL');
    expect(expr('(a IS NULL) = b')).toBe('(a IS NULL) = b');
    expect(expr('NOT (a AND b)')).toBe('NOT (a AND b)');
    expect(expr('-(a + 1)')).toBe('-(a + 1)');
  });

  it('never writes `--`, and keeps NOT EXISTS apart from NOT (EXISTS …)', () => {
    expect(expr('- -1')).toBe('-(-1)');
    expect(expr('a - -1')).toBe('a - -1');
    expect(expr('NOT EXISTS (SELECT 1)')).toBe('NOT EXISTS (SELECT 1)');
    expect(expr('NOT (EXISTS (SELECT 1))')).toBe('NOT (EXISTS (SELECT 1))');
  });

  it('quotes names that are not plain words or are keywords; function names only when they must be', () => {
    expect(expr('`my col` + `select` + `a``b` + date + x1')).toBe('`my col` + `select` + `a``b` + `date` + x1');
    expect(expr('date(a) + first(a) + `cast`(a) + `rollup`(a) + left(a, 1)')).toBe('date(a) + first(a) + `cast`(a) + `rollup`(a) + left(a, 1)');
    expect(expr('EXTRACT(year FROM a)')).toBe('EXTRACT(year FROM a)');
    expect(printSql(parseStatement('SELECT a AS `order` FROM `db`.`t` `x`'))).toBe('SELECT a AS `order` FROM db.t AS x');
  });

  it('escapes strings', () => {
    expect(printSql({ kind: 'literal', literal: { type: 'string', value: "it's \\ a\nb" } })).toBe("'it\\'s \\\\ a\\nb'");
  });

  it('writes field access on a name so it stays field access', () => {
    expect(printSql({ kind: 'fieldAccess', base: col('a'), field: 'b' })).toBe('(a).b');
    expect(expr('a.b')).toBe('a.b');
  });

  it('parenthesises set operations the grammar would group otherwise', () => {
    const union: QueryBody = { kind: 'setOperation', op: 'union', all: false, left: select('1'), right: select('2') };
    const intersect: QueryBody = { kind: 'setOperation', op: 'intersect', all: true, left: union, right: select('3') };
    expect(printSql(query(intersect))).toBe('(SELECT 1 UNION SELECT 2) INTERSECT ALL SELECT 3');
    expect(printSql(query({ kind: 'setOperation', op: 'except', all: false, left: select('0'), right: union }))).toBe(
      'SELECT 0 EXCEPT (SELECT 1 UNION SELECT 2)',
    );
    // Read back, the parenthesised operand is a NestedQuery: the same meaning, spelled out.
    expect(stripSpans(parseQuery(printSql(query(intersect)))).body).toMatchObject({ left: { kind: 'nestedQuery' } });
  });

  it('normalises spellings', () => {
    expect(printSql(parseStatement('select a from t group by a, b with rollup'))).toBe('SELECT a FROM t GROUP BY ROLLUP(a, b)');
    expect(printSql(parseStatement('select * from a left outer join b using (x) minus select * from c'))).toBe(
      'SELECT * FROM a LEFT JOIN b USING (x) EXCEPT SELECT * FROM c',
    );
    expect(printSql(parseStatement(`create temp view v using PARQUET options (path='/x')`))).toBe(
      `CREATE TEMPORARY VIEW v USING parquet OPTIONS (path '/x')`,
    );
    expect(expr("INTERVAL '3' DAY + INTERVAL '1 day' + x::decimal(10, 2)")).toBe("INTERVAL 3 DAY + INTERVAL '1 day' + CAST(x AS decimal(10,2))");
  });

  it('prints raw SET text as written', () => {
    expect(printSql(parseStatement('SET spark.sql.shuffle.partitions=8'))).toBe('SET spark.sql.shuffle.partitions = 8');
  });
});
