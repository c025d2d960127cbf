// All 22 TPC-H queries parse, and print back to SQL that parses to the same tree.
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseQuery } from '../../../src/ast/parse.js';
import { printSql } from '../../../src/ast/print-sql.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';

// The queries live next to the repository: ../shared/tpch/queries from its root.
const dir = fileURLToPath(new URL('../../../../shared/tpch/queries/', import.meta.url));
const queries = readdirSync(dir)
  .filter((f) => /^q\d+\.sql$/.test(f))
  .sort((a, b) => Number(a.slice(1, -4)) - Number(b.slice(1, -4)))
  .map((file) => ({ file, sql: readFileSync(dir + file, 'utf8') }));

describe('TPC-H', () => {
  it('has 22 queries', () => {
    expect(queries.map((q) => q.file)).toEqual(Array.from({ length: 22 }, (_, i) => `q${i + 1}.sql`));
  });

  it.each(queries)('$file parses and round-trips', ({ sql }) => {
    const ast = stripSpans(parseQuery(sql));
    expect(stripSpans(parseQuery(printSql(ast)))).toEqual(ast);
  });

  it('q5: joins by comma, date arithmetic with an interval, ORDER BY DESC', () => {
    const q5 = stripSpans(parseQuery(queries[4]!.sql));
    expect(q5.orderBy).toEqual([{ expr: { kind: 'column', parts: ['revenue'] }, direction: 'desc' }]);
    expect(q5.body).toMatchObject({ kind: 'select', from: Array(6).fill({ kind: 'tableRef' }) });
    expect(printSql(q5)).toContain("o_orderdate < DATE '1994-01-01' + INTERVAL 1 YEAR");
  });

  it('q15 has a CTE, q13 a LEFT OUTER JOIN in a subquery, q22 NOT EXISTS', () => {
    expect(stripSpans(parseQuery(queries[14]!.sql)).with?.ctes.map((c) => c.name)).toEqual(['revenue0']);
    expect(printSql(parseQuery(queries[12]!.sql))).toContain('FROM customer LEFT JOIN orders ON');
    expect(printSql(parseQuery(queries[21]!.sql))).toContain('NOT EXISTS (SELECT * FROM orders WHERE o_custkey = c_custkey)');
  });
});
