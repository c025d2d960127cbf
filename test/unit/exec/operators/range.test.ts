// RangeExec: Spark's range() ids, ascending and descending, empty ranges, batch boundaries, bad arguments.
import { describe, expect, it, vi } from 'vitest';
import type { RangeExec } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { execute } from '../../../../src/exec/execute.js';
import { OPERATORS } from '../../../../src/exec/operators/index.js';
import { range } from '../../../../src/exec/operators/range.js';
import { columnsOf, runRows, testContext } from '../../../helpers/exec.js';

// The operator table imports operators written in parallel; these tests need only this one.
vi.mock('../../../../src/exec/operators/index.js', () => ({ OPERATORS: {} }));
Object.assign(OPERATORS as Record<string, unknown>, { rangeExec: range });

const node = (start: number, end: number, step = 1): RangeExec => ({ kind: 'rangeExec', output: columnsOf([T.bigint]), start, end, step });
const ids = async (start: number, end: number, step = 1) => (await runRows(node(start, end, step))).map((r) => r[0]);

describe('range', () => {
  it.each([
    [0, 5, 1, [0n, 1n, 2n, 3n, 4n]],
    [0, 10, 3, [0n, 3n, 6n, 9n]],
    [10, 0, -3, [10n, 7n, 4n, 1n]],
    [-2, 2, 1, [-2n, -1n, 0n, 1n]],
    [5, 5, 1, []],
    [0, 10, -1, []],
    [10, 0, 1, []],
  ])('range(%d, %d, %d)', async (start, end, step, expected) => {
    expect(await ids(start, end, step)).toEqual(expected);
  });

  it('cuts ids into batches of ctx.batchSize as exact bigints (f64 layout)', async () => {
    const sizes: number[] = [];
    for await (const b of execute(node(0, 2500), testContext({ batchSize: 1000 }))) {
      sizes.push(b.length);
      expect(b.columns[0]!.data.layout).toBe('f64');
      expect(b.columns[0]!.nulls).toBeUndefined();
    }
    expect(sizes).toEqual([1000, 1000, 500]);
    expect(await ids(2 ** 53 - 3, 2 ** 53 - 1)).toEqual([2n ** 53n - 3n, 2n ** 53n - 2n]);
  });

  it('rejects a zero step and bounds beyond the exact integers', async () => {
    await expect(ids(0, 10, 0)).rejects.toMatchObject({ code: 'EXEC_INVALID_ARGUMENT' });
    await expect(ids(0, 2 ** 60)).rejects.toMatchObject({ code: 'EXEC_UNSUPPORTED' });
    await expect(ids(0, 1.5)).rejects.toMatchObject({ code: 'EXEC_UNSUPPORTED' });
  });
});
