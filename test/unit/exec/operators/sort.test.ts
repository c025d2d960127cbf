// SortExec: every type, NULLS FIRST/LAST, DESC, stability across batches, several keys, output batch sizes.
import { describe, expect, it } from 'vitest';
import { execute } from '../../../../src/exec/execute.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import type { SortKey } from '../../../../src/logical/expr.js';
import { columnRef } from '../../../../src/logical/expr-builders.js';
import type { PhysicalPlan, SortExec } from '../../../../src/physical/plan.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { arrayOf, decimal, T } from '../../../../src/types/data-type.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

function sortBy(input: PhysicalPlan, keys: readonly [column: number, direction: 'asc' | 'desc', nulls?: 'first' | 'last'][]): SortExec {
  const order: SortKey[] = keys.map(([c, direction, nulls]) => ({
    expr: columnRef(input.output[c]!),
    ascending: direction === 'asc',
    nullsFirst: nulls ? nulls === 'first' : direction === 'asc',
  }));
  return { kind: 'sortExec', input, order, output: input.output };
}

/** Sorts one column of `values` (with its row number alongside) and returns the values in output order. */
async function sortColumn(type: DataType, values: readonly JsValue[], direction: 'asc' | 'desc', nulls?: 'first' | 'last'): Promise<JsValue[]> {
  const input = valuesNode([type, T.int], values.map((v, i) => [v, i]));
  return (await runRows(sortBy(input, [[0, direction, nulls]]))).map((r) => r[0]);
}

describe('sort', () => {
  it('sorts every type, NULLs first ascending and last descending by default', async () => {
    const cases: [DataType, JsValue[], JsValue[]][] = [
      [T.boolean, [true, null, false], [null, false, true]],
      [T.tinyint, [3, -128, null, 127], [null, -128, 3, 127]],
      [T.int, [5, null, -7, 0], [null, -7, 0, 5]],
      [T.bigint, [2n ** 62n, -1n, null, 3n], [null, -1n, 3n, 2n ** 62n]],
      [T.float, [1.5, NaN, -2, null], [null, -2, 1.5, NaN]],
      [T.double, [Infinity, NaN, -Infinity, 0.1, null], [null, -Infinity, 0.1, Infinity, NaN]],
      [decimal(10, 2), [1050n, -5n, null, 0n], [null, -5n, 0n, 1050n]],
      [T.date, [19500, -3, null], [null, -3, 19500]],
      [T.timestamp, [1_000_000n, null, -1n], [null, -1n, 1_000_000n]],
      [T.string, ['b', null, 'B', '\u{1F600}', '\uFF5E'], [null, 'B', 'b', '\uFF5E', '\u{1F600}']],
      [T.binary, [Uint8Array.of(1, 2), Uint8Array.of(1), null], [null, Uint8Array.of(1), Uint8Array.of(1, 2)]],
      [arrayOf(T.int), [[2], [1, 5], null, [1]], [null, [1], [1, 5], [2]]],
    ];
    for (const [type, values, ascending] of cases) {
      expect(await sortColumn(type, values, 'asc')).toEqual(ascending);
      const nonNull = ascending.filter((v) => v !== null);
      expect(await sortColumn(type, values, 'desc')).toEqual([...nonNull.reverse(), ...ascending.filter((v) => v === null)]);
    }
  });

  it('honours explicit NULLS FIRST / NULLS LAST', async () => {
    expect(await sortColumn(T.int, [2, null, 1], 'asc', 'last')).toEqual([1, 2, null]);
    expect(await sortColumn(T.int, [2, null, 1], 'desc', 'first')).toEqual([null, 2, 1]);
  });

  it('is stable across input batches and sorts by several keys', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => [i % 3 === 0 ? null : `k${i % 4}`, i % 5, i]);
    const input = valuesNode([T.string, T.int, T.int], rows);
    const plan = sortBy(input, [[0, 'desc', 'last'], [1, 'asc']]);
    const got = await runRows(plan, testContext({ batchSize: 7 }));
    const expected = [...rows].sort((a, b) => {
      const [ka, kb] = [a[0] as string | null, b[0] as string | null];
      if (ka !== kb) return ka === null ? 1 : kb === null ? -1 : ka < kb ? 1 : -1;
      return (a[1] as number) - (b[1] as number) || (a[2] as number) - (b[2] as number);
    });
    expect(got).toEqual(expected);
  });

  it('emits batches of ctx.batchSize rows, and nothing for no input', async () => {
    const input = valuesNode([T.int], Array.from({ length: 10 }, (_, i) => [10 - i]));
    const sizes: number[] = [];
    for await (const b of execute(sortBy(input, [[0, 'asc']]), testContext({ batchSize: 4 }))) sizes.push(b.length);
    expect(sizes).toEqual([4, 4, 2]);
    expect(await runRows(sortBy(valuesNode([T.int], []), [[0, 'asc']]))).toEqual([]);
  });
});
