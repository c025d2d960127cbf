import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lookupFunction } from '../../../../src/analyzer/functions/registry.js';
import type { AggregateExpr, Expr } from '../../../../src/logical/expr.js';
import { columnRef } from '../../../../src/logical/expr-builders.js';
import type { Column } from '../../../../src/logical/plan.js';
import type { HashAggregateExec, PhysicalPlan } from '../../../../src/physical/plan.js';
import { T, decimal } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

let nextId = 1000;

function aggregate(name: string, args: readonly Expr[], options: { distinct?: boolean; filter?: Expr } = {}): AggregateExpr {
  const resolved = lookupFunction(name)!.resolve(args.map((a) => a.type));
  if (typeof resolved === 'string') throw new Error(resolved);
  return {
    kind: 'aggregate',
    name,
    args,
    distinct: options.distinct ?? false,
    ...(options.filter ? { filter: options.filter } : {}),
    ignoreNulls: false,
    type: resolved.returnType,
    nullable: true,
  };
}

/** GROUP BY `keys` computing `aggregates` over `input`. */
function groupBy(input: PhysicalPlan, keys: readonly Expr[], aggregates: readonly AggregateExpr[]): HashAggregateExec {
  const named = (expr: Expr) => ({ id: nextId++, name: `x${nextId}`, expr });
  const groupKeys = keys.map(named);
  const aggs = aggregates.map(named);
  const output: Column[] = [...groupKeys, ...aggs].map((n) => ({ id: n.id, name: n.name, type: n.expr.type, nullable: true }));
  return { kind: 'hashAggregateExec', input, groupKeys, aggregates: aggs, output };
}

const col = (input: PhysicalPlan, i: number): Expr => columnRef(input.output[i]!);

describe('hash aggregate', () => {
  it('groups rows by key, NULL keys together, keys first then aggregates', async () => {
    const input = valuesNode([T.string, T.int], [['a', 1], [null, 2], ['b', 3], ['a', null], [null, 5]]);
    const plan = groupBy(input, [col(input, 0)], [aggregate('count', [col(input, 1)]), aggregate('sum', [col(input, 1)])]);
    expect(await runRows(plan)).toEqual([
      ['a', 1n, 1n],
      [null, 2n, 7n],
      ['b', 1n, 3n],
    ]);
  });

  it('groups by several keys with NULLs in any of them', async () => {
    const input = valuesNode(
      [T.string, T.int, T.double],
      [['x', null, 1], ['x', 1, 2], [null, null, 3], ['x', null, 4], [null, 1, 5], [null, null, 6]],
    );
    const plan = groupBy(input, [col(input, 0), col(input, 1)], [aggregate('sum', [col(input, 2)])]);
    expect(await runRows(plan)).toEqual([
      ['x', null, 5],
      ['x', 1, 2],
      [null, null, 9],
      [null, 1, 5],
    ]);
  });

  it('returns one row for a global aggregate, even over no rows', async () => {
    const input = valuesNode([T.int, T.string], []);
    const plan = groupBy(input, [], [
      aggregate('count', [col(input, 0)]),
      aggregate('sum', [col(input, 0)]),
      aggregate('max', [col(input, 1)]),
      aggregate('collect_list', [col(input, 1)]),
      aggregate('avg', [col(input, 0)]),
    ]);
    expect(await runRows(plan)).toEqual([[0n, null, null, [], null]]);
    const filled = valuesNode([T.int, T.string], [[1, 'a'], [2, 'b']]);
    expect(await runRows(groupBy(filled, [], [aggregate('count', [col(filled, 0)]), aggregate('max', [col(filled, 1)])]))).toEqual([[2n, 'b']]);
  });

  it('returns no rows for a grouped aggregate over no rows', async () => {
    const input = valuesNode([T.int], []);
    expect(await runRows(groupBy(input, [col(input, 0)], [aggregate('count', [col(input, 0)])]))).toEqual([]);
  });

  it('feeds an aggregate with a FILTER only the rows where it is true', async () => {
    const input = valuesNode([T.string, T.int, T.boolean], [['a', 1, true], ['a', 2, false], ['a', 4, null], ['b', 8, false], ['a', 16, true]]);
    const plan = groupBy(input, [col(input, 0)], [
      aggregate('sum', [col(input, 1)], { filter: col(input, 2) }),
      aggregate('count', [col(input, 1)], { filter: col(input, 2) }),
      aggregate('sum', [col(input, 1)]),
    ]);
    expect(await runRows(plan)).toEqual([
      ['a', 17n, 2n, 23n],
      ['b', null, 0n, 8n],
    ]);
  });

  it('runs DISTINCT aggregates next to plain ones', async () => {
    const input = valuesNode([T.int, T.int], [[1, 5], [1, 5], [1, 6], [2, 5], [1, null], [2, 5]]);
    const plan = groupBy(input, [col(input, 0)], [
      aggregate('count', [col(input, 1)], { distinct: true }),
      aggregate('sum', [col(input, 1)], { distinct: true }),
      aggregate('count', [col(input, 1)]),
    ]);
    expect(await runRows(plan)).toEqual([
      [1, 2n, 11n, 3n],
      [2, 1n, 5n, 2n],
    ]);
  });

  it('keeps groups across input batches and cuts its output into batches of ctx.batchSize', async () => {
    const rows = Array.from({ length: 50 }, (_, i) => [i % 11, i]);
    const input = valuesNode([T.int, T.int], rows);
    const plan = groupBy(input, [col(input, 0)], [aggregate('sum', [col(input, 1)]), aggregate('min', [col(input, 1)])]);
    const ctx = testContext({ batchSize: 4 });
    const sizes: number[] = [];
    for await (const b of execute(plan, ctx)) sizes.push(b.length);
    expect(sizes).toEqual([4, 4, 3]);
    const expected = Array.from({ length: 11 }, (_, k) => {
      const members = rows.filter((r) => r[0] === k).map((r) => r[1]!);
      return [k, BigInt(members.reduce((s, x) => s + x, 0)), members[0]];
    });
    expect(await runRows(plan, ctx)).toEqual(expected);
  });

  it('sums decimals exactly where doubles would lose cents', async () => {
    const money = decimal(15, 2);
    const rows = Array.from({ length: 300 }, (_, i) => [i % 2, 999_999_999_999_99n - BigInt(i)]);
    const input = valuesNode([T.int, money], rows);
    const plan = groupBy(input, [col(input, 0)], [aggregate('sum', [col(input, 1)]), aggregate('avg', [col(input, 1)])]);
    const result = await runRows(plan, testContext({ batchSize: 16 }));
    for (const [k, total, average] of result) {
      const members = rows.filter((r) => r[0] === k).map((r) => r[1] as bigint);
      const exact = members.reduce((s, x) => s + x, 0n);
      expect(total).toBe(exact);
      const scaled = exact * 10_000n;
      const n = BigInt(members.length);
      expect(average).toBe(scaled / n + (2n * (scaled % n) >= n ? 1n : 0n));
    }
  });

  it('reconstructs keys of every type from their first row', async () => {
    const d = decimal(20, 3);
    const input = valuesNode([T.date, d, T.boolean, T.timestamp], [[19000, 1234n, true, 5n], [19000, 1234n, true, 5n], [null, -1n, false, null]]);
    const plan = groupBy(input, [col(input, 0), col(input, 1), col(input, 2), col(input, 3)], [aggregate('count', [col(input, 0)])]);
    expect(await runRows(plan)).toEqual([
      [19000, 1234n, true, 5n, 2n],
      [null, -1n, false, null, 0n],
    ]);
  });

  it('handles a few hundred thousand groups quickly', async () => {
    const n = 300_000;
    const input: PhysicalPlan = { kind: 'rangeExec', start: 0, end: n, step: 1, output: [{ id: 1, name: 'id', type: T.bigint, nullable: false }] };
    const id = col(input, 0);
    const plan = groupBy(input, [id], [aggregate('count', [id]), aggregate('sum', [id]), aggregate('max', [id])]);
    const started = performance.now();
    let groups = 0;
    let total = 0n;
    for await (const b of execute(plan, testContext({ batchSize: 8192 }))) {
      groups += b.length;
      const sums = b.columns[2]!.data as { values: Float64Array };
      for (let i = 0; i < b.length; i++) total += BigInt(sums.values[i]!);
    }
    const elapsed = performance.now() - started;
    expect(groups).toBe(n);
    expect(total).toBe(BigInt((n * (n - 1)) / 2));
    expect(elapsed).toBeLessThan(5000);
  });
});

/** avg of decimal(9,2) values as decimal(13,6): the exact sum times 10^4 over the count, rounded HALF_UP. */
function averageHalfUp(values: readonly bigint[]): bigint {
  const scaled = values.reduce((s, x) => s + x, 0n) * 10_000n;
  const n = BigInt(values.length);
  const magnitude = (scaled < 0n ? -scaled : scaled);
  const q = magnitude / n + (2n * (magnitude % n) >= n ? 1n : 0n);
  return scaled < 0n ? -q : q;
}

describe('hash aggregate, property', () => {
  // Random tables of (key1 int?, key2 string?, value int?, amount decimal(9,2)?) and a naive row-at-a-time reference.
  const row = fc.tuple(
    fc.option(fc.integer({ min: 0, max: 3 }), { nil: null }),
    fc.option(fc.constantFrom('a', 'b', 'c'), { nil: null }),
    fc.option(fc.integer({ min: -1000, max: 1000 }), { nil: null }),
    fc.option(fc.bigInt({ min: -(10n ** 9n) + 1n, max: 10n ** 9n - 1n }), { nil: null }),
  );
  const types: DataType[] = [T.int, T.string, T.int, decimal(9, 2)];

  it('matches a row-at-a-time reference on random tables and batch sizes', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(row, { maxLength: 60 }), fc.integer({ min: 1, max: 9 }), async (rows, batchSize) => {
        const input = valuesNode(types, rows);
        const [k1, k2, v, amount] = [0, 1, 2, 3].map((i) => col(input, i)) as [Expr, Expr, Expr, Expr];
        const plan = groupBy(input, [k1, k2], [
          aggregate('count', [v]),
          aggregate('sum', [v]),
          aggregate('sum', [amount]),
          aggregate('min', [amount]),
          aggregate('max', [v]),
          aggregate('count', [v], { distinct: true }),
          aggregate('avg', [amount]),
          aggregate('collect_list', [v]),
        ]);
        const actual = await runRows(plan, testContext({ batchSize }));

        const groups = new Map<string, (typeof rows)[number][]>();
        for (const r of rows) {
          const key = JSON.stringify([r[0], r[1]]);
          groups.set(key, [...(groups.get(key) ?? []), r]);
        }
        const expected = [...groups.values()].map((members) => {
          const vs = members.map((m) => m[2]).filter((x): x is number => x !== null);
          const amounts = members.map((m) => m[3]).filter((x): x is bigint => x !== null);
          return [
            members[0]![0],
            members[0]![1],
            BigInt(vs.length),
            vs.length ? BigInt(vs.reduce((s, x) => s + x, 0)) : null,
            amounts.length ? amounts.reduce((s, x) => s + x, 0n) : null,
            amounts.length ? amounts.reduce((m, x) => (x < m ? x : m)) : null,
            vs.length ? Math.max(...vs) : null,
            BigInt(new Set(vs).size),
            amounts.length ? averageHalfUp(amounts) : null,
            vs,
          ];
        });
        // Groups come out in order of first appearance, as the reference's Map keeps them.
        expect(actual).toEqual(expected);
      }),
      { numRuns: 150 },
    );
  });
});
