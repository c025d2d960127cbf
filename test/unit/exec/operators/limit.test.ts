// LimitExec: OFFSET then LIMIT across batch boundaries, the edge cases, and that it stops pulling its input.
import { describe, expect, it } from 'vitest';
import type { LimitExec, PhysicalPlan, RangeExec } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { columnsOf, runRows, testContext, valuesNode } from '../../../helpers/exec.js';

function limitOf(input: PhysicalPlan, limit: number | undefined, offset = 0): LimitExec {
  return { kind: 'limitExec', input, ...(limit === undefined ? {} : { limit }), offset, output: input.output };
}

const ten = valuesNode([T.int], Array.from({ length: 10 }, (_, i) => [i]));
const ids = (from: number, to: number) => Array.from({ length: to - from }, (_, i) => [from + i]);

describe('limit', () => {
  it('skips the offset and keeps the limit, across batch boundaries', async () => {
    const ctx = testContext({ batchSize: 3 });
    expect(await runRows(limitOf(ten, 4), ctx)).toEqual(ids(0, 4));
    expect(await runRows(limitOf(ten, 4, 2), ctx)).toEqual(ids(2, 6));
    expect(await runRows(limitOf(ten, 5, 7), ctx)).toEqual(ids(7, 10));
    expect(await runRows(limitOf(ten, undefined, 8), ctx)).toEqual(ids(8, 10));
    expect(await runRows(limitOf(ten, 3, 3), ctx)).toEqual(ids(3, 6));
  });

  it('gives nothing for LIMIT 0 or an offset past the end, and everything for a limit past it', async () => {
    expect(await runRows(limitOf(ten, 0))).toEqual([]);
    expect(await runRows(limitOf(ten, 0, 3))).toEqual([]);
    expect(await runRows(limitOf(ten, 5, 10))).toEqual([]);
    expect(await runRows(limitOf(ten, undefined, 25))).toEqual([]);
    expect(await runRows(limitOf(ten, 100))).toEqual(ids(0, 10));
    expect(await runRows(limitOf(valuesNode([T.int], []), 1))).toEqual([]);
  });

  it('stops pulling its input once it has the rows', async () => {
    // A trillion ids: the test would not finish if the limit read them all.
    const huge: RangeExec = { kind: 'rangeExec', start: 0, end: 1e12, step: 1, output: columnsOf([T.bigint]) };
    const ctx = testContext({ batchSize: 100 });
    expect(await runRows(limitOf(huge, 150, 20), ctx)).toEqual(Array.from({ length: 150 }, (_, i) => [BigInt(20 + i)]));
    expect(ctx.metricsOf(huge).batches).toBe(2);
  });
});
