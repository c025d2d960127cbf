// TopNExec: equals a full sort followed by OFFSET/LIMIT (property on random data and batch sizes), ties kept in
// input order, and LIMIT 0 reads nothing.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { JsValue } from '../../../../src/exec/vector.js';
import type { SortKey } from '../../../../src/logical/expr.js';
import { columnRef } from '../../../../src/logical/expr-builders.js';
import type { PhysicalPlan, SortExec, TopNExec } from '../../../../src/physical/plan.js';
import { T } from '../../../../src/types/data-type.js';
import { runRows, testContext, valuesNode } from '../../../helpers/exec.js';

const TYPES = [T.int, T.string, T.double, T.int];

function orderOf(input: PhysicalPlan, keys: readonly { column: number; ascending: boolean; nullsFirst: boolean }[]): SortKey[] {
  return keys.map((k) => ({ expr: columnRef(input.output[k.column]!), ascending: k.ascending, nullsFirst: k.nullsFirst }));
}

function topN(input: PhysicalPlan, order: readonly SortKey[], limit: number, offset = 0): TopNExec {
  return { kind: 'topNExec', input, order, limit, offset, output: input.output };
}

const rowArb = fc.tuple(
  fc.option(fc.integer({ min: 0, max: 5 }), { nil: null }),
  fc.option(fc.constantFrom('a', 'b', 'c', '\u{1F600}'), { nil: null }),
  fc.option(fc.oneof(fc.constantFrom(NaN, -0, 0), fc.double({ noNaN: true })), { nil: null }),
);

describe('top-n', () => {
  it('equals sort then offset and limit (property)', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(rowArb, { maxLength: 80 }),
        fc.array(fc.record({ column: fc.integer({ min: 0, max: 2 }), ascending: fc.boolean(), nullsFirst: fc.boolean() }), { minLength: 1, maxLength: 3 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 10 }),
        fc.integer({ min: 1, max: 16 }),
        async (rows, keys, limit, offset, batchSize) => {
          // The last column numbers the rows, so that ties show which row came out.
          const input = valuesNode(TYPES, rows.map((r, i) => [...r, i]));
          const order = orderOf(input, keys);
          const ctx = testContext({ batchSize });
          const sorted = await runRows({ kind: 'sortExec', input, order, output: input.output } satisfies SortExec, ctx);
          expect(await runRows(topN(input, order, limit, offset), ctx)).toEqual(sorted.slice(offset, offset + limit));
        },
      ),
      { numRuns: 300 },
    );
  });

  it('keeps the earliest of tied rows', async () => {
    const input = valuesNode([T.int, T.int], [[1, 0], [0, 1], [1, 2], [0, 3], [1, 4], [0, 5]]);
    const order = orderOf(input, [{ column: 0, ascending: true, nullsFirst: true }]);
    const rows: JsValue[][] = await runRows(topN(input, order, 4), testContext({ batchSize: 2 }));
    expect(rows).toEqual([[0, 1], [0, 3], [0, 5], [1, 0]]);
  });

  it('returns nothing for LIMIT 0 without reading its input, and nothing when the offset passes the end', async () => {
    const input = valuesNode([T.int], [[3], [1], [2]]);
    const order = orderOf(input, [{ column: 0, ascending: false, nullsFirst: false }]);
    const ctx = testContext();
    expect(await runRows(topN(input, order, 0), ctx)).toEqual([]);
    expect(ctx.metricsOf(input).rows).toBe(0);
    expect(await runRows(topN(input, order, 5, 3))).toEqual([]);
    expect(await runRows(topN(input, order, 5, 1))).toEqual([[2], [1]]);
  });
});
