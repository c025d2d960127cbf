// Parser tests for queries: clauses, FROM items and joins, grouping, windows, set operations, hints.
import { describe, expect, it } from 'vitest';
import type { Expr, Query, QueryBody, Relation, Select } from '../../../src/ast/ast.js';
import { parseQuery } from '../../../src/ast/parse.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';

const parse = (sql: string): Query => stripSpans(parseQuery(sql));
const selectOf = (sql: string): Select => {
  const body = parse(sql).body;
  if (body.kind !== 'select') throw new Error(`not a select: ${sql}`);
  return body;
};
const fromOf = (sql: string): readonly Relation[] => selectOf(`SELECT * FROM ${sql}`).from;
const col = (...parts: string[]): Expr => ({ kind: 'column', parts });
const num = (text: string): Expr => ({ kind: 'literal', literal: { type: 'number', text } });
const a = col('a');
const b = col('b');
const c = col('c');
const table = (...name: string[]): Relation => ({ kind: 'tableRef', name });
const selectA = (from: string): QueryBody => ({
  kind: 'select',
  hints: [],
  distinct: false,
  items: [{ kind: 'exprItem', expr: a }],
  from: [table(from)],
  windows: [],
});
const query = (body: QueryBody, clauses: Partial<Query> = {}): Query => ({
  kind: 'query',
  body,
  orderBy: [],
  sortBy: [],
  distributeBy: [],
  clusterBy: [],
  ...clauses,
});

describe('SELECT', () => {
  it('a whole select, clause by clause', () => {
    expect(parse('SELECT DISTINCT a, b AS x, c y FROM t WHERE a > 1 GROUP BY a HAVING count(*) > 1 QUALIFY a = 1')).toEqual(
      query({
        kind: 'select',
        hints: [],
        distinct: true,
        items: [
          { kind: 'exprItem', expr: a },
          { kind: 'exprItem', expr: b, alias: 'x' },
          { kind: 'exprItem', expr: c, alias: 'y' },
        ],
        from: [table('t')],
        where: { kind: 'binary', op: '>', left: a, right: num('1') },
        groupBy: { all: false, elements: [{ kind: 'groupExpr', expr: a }] },
        having: {
          kind: 'binary',
          op: '>',
          left: { kind: 'call', name: ['count'], distinct: false, args: [{ kind: 'starArg' }] },
          right: num('1'),
        },
        qualify: { kind: 'binary', op: '=', left: a, right: num('1') },
        windows: [],
      }),
    );
  });

  it('is case-insensitive, takes ALL, and needs no FROM', () => {
    expect(selectOf('select all 1').items).toEqual([{ kind: 'exprItem', expr: num('1') }]);
    expect(selectOf('select all 1').distinct).toBe(false);
  });

  it('stars and qualified stars', () => {
    expect(selectOf('SELECT *, t.*, db.t.* FROM t').items).toEqual([
      { kind: 'star' },
      { kind: 'star', qualifier: ['t'] },
      { kind: 'star', qualifier: ['db', 't'] },
    ]);
  });

  it('aliases may be non-reserved keywords, but a clause keyword ends the item', () => {
    expect(selectOf('SELECT a date, b AS year FROM t').items).toEqual([
      { kind: 'exprItem', expr: a, alias: 'date' },
      { kind: 'exprItem', expr: b, alias: 'year' },
    ]);
    expect(selectOf('SELECT a FROM t WINDOW w AS ()').windows).toEqual([
      { name: 'w', spec: { kind: 'windowSpec', partitionBy: [], orderBy: [] } },
    ]);
  });

  it('hints, upper-cased, with table and number arguments', () => {
    expect(selectOf('SELECT /*+ broadcast(t), MERGE(t, u) REPARTITION(8, c) */ /*+ COALESCE(2) */ a FROM t').hints).toEqual([
      { name: 'BROADCAST', args: [col('t')] },
      { name: 'MERGE', args: [col('t'), col('u')] },
      { name: 'REPARTITION', args: [num('8'), c] },
      { name: 'COALESCE', args: [num('2')] },
    ]);
    expect(selectOf('SELECT /*+ SHUFFLE_HASH(db.t), BROADCASTJOIN(a, b), SHUFFLE_REPLICATE_NL(t) */ 1').hints.map((h) => h.name)).toEqual([
      'SHUFFLE_HASH',
      'BROADCASTJOIN',
      'SHUFFLE_REPLICATE_NL',
    ]);
  });

  it('a /*+ comment elsewhere is just a comment', () => {
    expect(selectOf('SELECT a /*+ BROADCAST(t) */ FROM t').hints).toEqual([]);
  });
});

describe('FROM', () => {
  it('tables (dotted), aliases with and without AS, column aliases', () => {
    expect(fromOf('db.t, t AS x, t y, t AS z(p, q)')).toEqual([
      table('db', 't'),
      { kind: 'tableRef', name: ['t'], alias: { name: 'x' } },
      { kind: 'tableRef', name: ['t'], alias: { name: 'y' } },
      { kind: 'tableRef', name: ['t'], alias: { name: 'z', columns: ['p', 'q'] } },
    ]);
  });

  it('subqueries, VALUES, files, table-valued functions', () => {
    expect(fromOf('(SELECT a FROM t) s')).toEqual([{ kind: 'subqueryRef', query: query(selectA('t')), alias: { name: 's' } }]);
    expect(fromOf('VALUES (1, 2), (3, 4) AS v(x, y)')).toEqual([
      {
        kind: 'valuesRef',
        rows: [
          [num('1'), num('2')],
          [num('3'), num('4')],
        ],
        alias: { name: 'v', columns: ['x', 'y'] },
      },
    ]);
    expect(fromOf('Parquet.`/data/t.parquet` AS f')).toEqual([
      { kind: 'fileRef', format: 'parquet', path: '/data/t.parquet', alias: { name: 'f' } },
    ]);
    expect(fromOf('range(10), range(0, 100, 5) r')).toEqual([
      { kind: 'tableFunctionRef', name: ['range'], args: [num('10')] },
      { kind: 'tableFunctionRef', name: ['range'], args: [num('0'), num('100'), num('5')], alias: { name: 'r' } },
    ]);
    // A backquoted second part makes a file only after a format name.
    expect(fromOf('db.`my table`')).toEqual([table('db', 'my table')]);
  });

  it('every join type, ON and USING, NATURAL, left-deep, parenthesised', () => {
    const joinTypeOf = (sql: string) => (fromOf(`a ${sql} b`)[0] as { joinType: string }).joinType;
    expect(joinTypeOf('JOIN')).toBe('inner');
    expect(joinTypeOf('INNER JOIN')).toBe('inner');
    expect(joinTypeOf('LEFT JOIN')).toBe('left');
    expect(joinTypeOf('LEFT OUTER JOIN')).toBe('left');
    expect(joinTypeOf('RIGHT OUTER JOIN')).toBe('right');
    expect(joinTypeOf('FULL JOIN')).toBe('full');
    expect(joinTypeOf('FULL OUTER JOIN')).toBe('full');
    expect(joinTypeOf('CROSS JOIN')).toBe('cross');
    expect(joinTypeOf('SEMI JOIN')).toBe('semi');
    expect(joinTypeOf('LEFT SEMI JOIN')).toBe('semi');
    expect(joinTypeOf('ANTI JOIN')).toBe('anti');
    expect(joinTypeOf('LEFT ANTI JOIN')).toBe('anti');

    expect(fromOf('a JOIN b ON a.x = b.x LEFT JOIN c USING (x, y)')).toEqual([
      {
        kind: 'join',
        joinType: 'left',
        natural: false,
        left: {
          kind: 'join',
          joinType: 'inner',
          natural: false,
          left: table('a'),
          right: table('b'),
          criteria: { kind: 'on', condition: { kind: 'binary', op: '=', left: col('a', 'x'), right: col('b', 'x') } },
        },
        right: table('c'),
        criteria: { kind: 'using', columns: ['x', 'y'] },
      },
    ]);
    expect(fromOf('a NATURAL LEFT JOIN b')).toEqual([{ kind: 'join', joinType: 'left', natural: true, left: table('a'), right: table('b') }]);
    expect(fromOf('a JOIN (b JOIN c) ON x')).toEqual([
      {
        kind: 'join',
        joinType: 'inner',
        natural: false,
        left: table('a'),
        right: { kind: 'join', joinType: 'inner', natural: false, left: table('b'), right: table('c') },
        criteria: { kind: 'on', condition: col('x') },
      },
    ]);
  });

  it('comma joins are separate FROM items', () => {
    expect(fromOf('a, b JOIN c ON x')).toHaveLength(2);
  });
});

describe('GROUP BY', () => {
  const groupBy = (sql: string) => selectOf(`SELECT 1 FROM t GROUP BY ${sql}`).groupBy;

  it('expressions, ordinals, ALL', () => {
    expect(groupBy('a, 2, a + 1')).toEqual({
      all: false,
      elements: [
        { kind: 'groupExpr', expr: a },
        { kind: 'groupExpr', expr: num('2') },
        { kind: 'groupExpr', expr: { kind: 'binary', op: '+', left: a, right: num('1') } },
      ],
    });
    expect(groupBy('ALL')).toEqual({ all: true, elements: [] });
  });

  it('ROLLUP, CUBE, GROUPING SETS, mixed with expressions', () => {
    expect(groupBy('a, ROLLUP(b, (a, c)), CUBE(c), GROUPING SETS ((a, b), b, ())')).toEqual({
      all: false,
      elements: [
        { kind: 'groupExpr', expr: a },
        { kind: 'rollup', items: [[b], [a, c]] },
        { kind: 'cube', items: [[c]] },
        { kind: 'groupingSets', sets: [[a, b], [b], []] },
      ],
    });
  });

  it('WITH ROLLUP / WITH CUBE become one element', () => {
    expect(groupBy('a, b WITH ROLLUP')).toEqual({ all: false, elements: [{ kind: 'rollup', items: [[a], [b]] }] });
    expect(groupBy('a WITH CUBE')).toEqual({ all: false, elements: [{ kind: 'cube', items: [[a]] }] });
  });

  it('rollup() and grouping() stay functions outside their forms', () => {
    expect(groupBy('(a + 1) * 2')).toMatchObject({ elements: [{ kind: 'groupExpr', expr: { op: '*' } }] });
    expect(selectOf('SELECT grouping(a) FROM t').items).toMatchObject([{ expr: { kind: 'call', name: ['grouping'] } }]);
  });
});

describe('query clauses', () => {
  it('ORDER BY with directions and NULLS, LIMIT, OFFSET', () => {
    expect(parse('SELECT a FROM t ORDER BY a ASC NULLS LAST, b DESC, c LIMIT 10 OFFSET 5')).toEqual(
      query(selectA('t'), {
        orderBy: [{ expr: a, direction: 'asc', nulls: 'last' }, { expr: b, direction: 'desc' }, { expr: c }],
        limit: num('10'),
        offset: num('5'),
      }),
    );
  });

  it('LIMIT ALL is no limit', () => {
    expect(parse('SELECT a FROM t LIMIT ALL')).toEqual(query(selectA('t')));
  });

  it('CLUSTER BY, DISTRIBUTE BY, SORT BY', () => {
    expect(parse('SELECT a FROM t CLUSTER BY a')).toEqual(query(selectA('t'), { clusterBy: [a] }));
    expect(parse('SELECT a FROM t DISTRIBUTE BY a, b SORT BY b DESC')).toEqual(
      query(selectA('t'), { distributeBy: [a, b], sortBy: [{ expr: b, direction: 'desc' }] }),
    );
  });

  it('WITH: several CTEs, column lists, optional AS, RECURSIVE', () => {
    expect(parse('WITH x (p, q) AS (SELECT a FROM t), y (SELECT a FROM u) SELECT a FROM x').with).toEqual({
      recursive: false,
      ctes: [
        { name: 'x', columns: ['p', 'q'], query: query(selectA('t')) },
        { name: 'y', query: query(selectA('u')) },
      ],
    });
    expect(parse('WITH RECURSIVE r AS (SELECT a FROM t) SELECT a FROM r').with?.recursive).toBe(true);
    expect(parse('WITH recursive AS (SELECT a FROM t) SELECT a FROM recursive').with?.ctes[0]?.name).toBe('recursive');
  });

  it('named windows', () => {
    expect(selectOf('SELECT a FROM t WINDOW w AS (PARTITION BY a), v AS (w ORDER BY b)').windows).toEqual([
      { name: 'w', spec: { kind: 'windowSpec', partitionBy: [a], orderBy: [] } },
      { name: 'v', spec: { kind: 'windowSpec', base: 'w', partitionBy: [], orderBy: [{ expr: b }] } },
    ]);
  });
});

describe('set operations and other bodies', () => {
  it('UNION / EXCEPT / MINUS associate to the left; INTERSECT binds tighter', () => {
    expect(parse('SELECT a FROM t UNION SELECT a FROM u INTERSECT ALL SELECT a FROM v EXCEPT DISTINCT SELECT a FROM w').body).toEqual({
      kind: 'setOperation',
      op: 'except',
      all: false,
      left: {
        kind: 'setOperation',
        op: 'union',
        all: false,
        left: selectA('t'),
        right: { kind: 'setOperation', op: 'intersect', all: true, left: selectA('u'), right: selectA('v') },
      },
      right: selectA('w'),
    });
    expect(parse('SELECT a FROM t MINUS ALL SELECT a FROM u').body).toMatchObject({ op: 'except', all: true });
  });

  it('parenthesised queries keep their own clauses; ORDER BY after a set operation applies to all', () => {
    expect(parse('(SELECT a FROM t LIMIT 1) UNION ALL (SELECT a FROM u) ORDER BY a')).toEqual(
      query(
        {
          kind: 'setOperation',
          op: 'union',
          all: true,
          left: { kind: 'nestedQuery', query: query(selectA('t'), { limit: num('1') }) },
          right: { kind: 'nestedQuery', query: query(selectA('u')) },
        },
        { orderBy: [{ expr: a }] },
      ),
    );
  });

  it('VALUES and TABLE as bodies', () => {
    expect(parse('VALUES (1, 2), (3, 4)').body).toEqual({
      kind: 'valuesBody',
      rows: [
        [num('1'), num('2')],
        [num('3'), num('4')],
      ],
    });
    expect(parse('VALUES 1, 2').body).toEqual({ kind: 'valuesBody', rows: [[num('1')], [num('2')]] });
    expect(parse('TABLE db.t UNION TABLE u').body).toEqual({
      kind: 'setOperation',
      op: 'union',
      all: false,
      left: { kind: 'tableBody', name: ['db', 't'] },
      right: { kind: 'tableBody', name: ['u'] },
    });
  });
});
