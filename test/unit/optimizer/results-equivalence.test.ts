// Property: for random small tables and random queries (joins of every type, derived tables, grouping, unions,
// correlated subqueries of the shapes the decorrelation rules rewrite and of those they leave, windows, filters), the optimized plan returns the same rows as the plan with every optimizer rule switched off.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { Session } from '../../../src/api/session.js';
import { DEFAULT_RULES } from '../../../src/optimizer/rules/index.js';

/** A cell of the generated tables: a small int, often NULL, so that joins match and NULL handling matters. */
const cellArb = fc.oneof({ weight: 4, arbitrary: fc.integer({ min: -2, max: 2 }) }, { weight: 1, arbitrary: fc.constant(null) });
const tableArb = fc.array(fc.tuple(cellArb, cellArb, cellArb), { minLength: 1, maxLength: 6 });

const LEFT = ['a', 'b', 'c'];
const RIGHT = ['x', 'y', 'z'];

interface From {
  readonly sql: string;
  /** The columns the query can see, in output order. */
  readonly columns: readonly string[];
}

const pick = (columns: readonly string[]) => fc.constantFrom(...columns);
const literalArb = fc.integer({ min: -2, max: 2 }).map(String);

/** A comparison or null test over `columns`. */
function atomArb(columns: readonly string[]): fc.Arbitrary<string> {
  const operand = fc.oneof(pick(columns), literalArb, fc.tuple(pick(columns), literalArb).map(([c, l]) => `${c} + ${l}`));
  return fc.oneof(
    { weight: 4, arbitrary: fc.tuple(pick(columns), fc.constantFrom('=', '<>', '<', '>=', '<=>'), operand).map(([c, op, r]) => `${c} ${op} ${r}`) },
    { weight: 1, arbitrary: fc.tuple(pick(columns), fc.boolean()).map(([c, not]) => `${c} IS ${not ? 'NOT ' : ''}NULL`) },
  );
}

/** A predicate: atoms, ORs of atoms, and (uncorrelated or correlated) subqueries over t2. */
function predicateArb(columns: readonly string[]): fc.Arbitrary<string> {
  const atom = atomArb(columns);
  return fc.oneof(
    { weight: 5, arbitrary: atom },
    { weight: 1, arbitrary: fc.tuple(atom, atom).map(([p, q]) => `(${p} OR ${q})`) },
    { weight: 1, arbitrary: fc.tuple(pick(columns), fc.boolean()).map(([c, not]) => `${c} ${not ? 'NOT ' : ''}IN (SELECT y FROM t2)`) },
    {
      weight: 1,
      arbitrary: fc.tuple(pick(columns), fc.boolean()).map(([c, not]) => `${not ? 'NOT ' : ''}EXISTS (SELECT * FROM t2 q WHERE q.x = ${c})`),
    },
    { weight: 2, arbitrary: correlatedArb(columns) },
  );
}

/** t2 with names no outer column has, so that the subqueries' unqualified outer references stay outer. */
const T2 = '(SELECT x AS k, y AS v, z AS w FROM t2)';

/** Correlated subqueries the decorrelation rules rewrite, and some they must leave (count, a non-equality correlation). */
function correlatedArb(columns: readonly string[]): fc.Arbitrary<string> {
  const c = pick(columns);
  const not = fc.constantFrom('', 'NOT ');
  return fc.oneof(
    fc.tuple(c, c, not).map(([c1, c2, n]) => `${n}EXISTS (SELECT * FROM ${T2} q WHERE q.k = ${c1} AND q.v <> ${c2})`),
    fc.tuple(c, c, not).map(([c1, c2, n]) => `${n}EXISTS (SELECT q.k FROM ${T2} q, ${T2} r WHERE q.k = r.v AND r.w = ${c1} AND q.v < ${c2})`),
    fc.tuple(c, c, not).map(([c1, c2, n]) => `${c1} ${n}IN (SELECT q.v FROM ${T2} q WHERE q.k = ${c2})`),
    fc.tuple(c, c, fc.constantFrom('max(q.v)', 'sum(q.v) + 1', 'avg(q.w) * 2', 'count(*)', 'count(q.v)', 'coalesce(min(q.v), 0)')).map(
      ([c1, c2, agg]) => `${c1} > (SELECT ${agg} FROM ${T2} q WHERE q.k = ${c2})`,
    ),
    fc.tuple(c, c, c).map(([c1, c2, c3]) => `${c1} <=> (SELECT max(q.v) FROM ${T2} q WHERE q.k = ${c2} AND q.w = ${c3} + 1)`),
    fc.tuple(c, c, c).map(([c1, c2, c3]) => `${c1} < (SELECT min(q.v) FROM ${T2} q WHERE q.k = ${c2} AND q.w > ${c3})`),
  );
}

const conjunctionArb = (columns: readonly string[]) => fc.array(predicateArb(columns), { maxLength: 3 }).map((ps) => ps.join(' AND '));

const fromArb: fc.Arbitrary<From> = fc.oneof(
  fc.constant<From>({ sql: 't1', columns: LEFT }),
  fc.constant<From>({ sql: 't1, t2', columns: [...LEFT, ...RIGHT] }),
  fc
    .tuple(fc.constantFrom('JOIN', 'LEFT JOIN', 'RIGHT JOIN', 'FULL JOIN', 'LEFT SEMI JOIN', 'LEFT ANTI JOIN'), conjunctionArb([...LEFT, ...RIGHT]))
    .map(([join, on]): From => ({
      sql: `t1 ${join} t2 ON ${on || 'a = x'}`,
      columns: join.includes('SEMI') || join.includes('ANTI') ? LEFT : [...LEFT, ...RIGHT],
    })),
  conjunctionArb(LEFT).map((where): From => ({ sql: `(SELECT a, b + 1 AS b, c FROM t1${where ? ` WHERE ${where}` : ''}) s`, columns: LEFT })),
  fc.constant<From>({ sql: '(SELECT a, count(*) AS b, sum(c) AS c FROM t1 GROUP BY a) s', columns: LEFT }),
  fc.constant<From>({ sql: '(SELECT a, b, c FROM t1 UNION ALL SELECT x, y, z FROM t2) s', columns: LEFT }),
  fc.constant<From>({ sql: '(SELECT DISTINCT a, b, c FROM t1) s', columns: LEFT }),
  fc.constant<From>({ sql: '(SELECT a, b, sum(c) OVER (PARTITION BY a) AS c FROM t1) s', columns: LEFT }),
  fc.constant<From>({ sql: '(SELECT t1.a, t1.b, t1.c FROM t1, t2, t1 t3 WHERE t1.a = t3.b AND y = t3.c) s', columns: LEFT }),
);

const queryArb = fromArb.chain((from) =>
  fc
    .tuple(conjunctionArb(from.columns), fc.subarray([...from.columns], { minLength: 1 }))
    .chain(([where, selected]) =>
      fc
        .option(fc.tuple(pick(from.columns), fc.constantFrom('max(q.v)', 'count(*)', 'sum(q.w) - 1')), { nil: undefined })
        // Sometimes a correlated scalar subquery in the select list too.
        .map((scalar) => (scalar ? [...selected, `(SELECT ${scalar[1]} FROM ${T2} q WHERE q.k = ${scalar[0]}) AS s`] : selected))
        .map((items) => `SELECT ${items.join(', ')} FROM ${from.sql}${where ? ` WHERE ${where}` : ''}`),
    ),
);

function valuesSql(rows: readonly (readonly (number | null)[])[], name: string, columns: readonly string[]): string {
  const cell = (v: number | null) => (v === null ? 'CAST(NULL AS INT)' : String(v));
  return `CREATE OR REPLACE TEMPORARY VIEW ${name} AS SELECT * FROM VALUES ${rows.map((r) => `(${r.map(cell).join(', ')})`).join(', ')} AS ${name}(${columns.join(', ')})`;
}

/** The rows as sorted text: the result as a multiset. */
function multiset(table: Table): string[] {
  return table
    .toArray()
    .map((r) => JSON.stringify(Object.values(r.toJSON()), (_, v) => (typeof v === 'bigint' ? `${v}n` : v)))
    .sort();
}

describe('optimized and unoptimized plans', () => {
  it('return the same rows', async () => {
    const optimized = new Session();
    const plain = new Session({ config: { 'sqlopt.optimizer.disabled': DEFAULT_RULES.map((r) => r.name).join(',') } });
    await fc.assert(
      fc.asyncProperty(tableArb, tableArb, queryArb, async (t1, t2, query) => {
        const script = `${valuesSql(t1, 't1', LEFT)}; ${valuesSql(t2, 't2', RIGHT)}; ${query}`;
        expect(multiset(await optimized.sql(script)), query).toEqual(multiset(await plain.sql(script)));
      }),
      { numRuns: 200 },
    );
  });
});
