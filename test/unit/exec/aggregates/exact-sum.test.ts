// ExactSums: its specialised loops (dense doubles, with NULLs or chosen rows, int32) against a bigint reference,
// including sums that cross ±2^53 part-way through a batch.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExactSums } from '../../../../src/exec/aggregates/exact-sum.js';
import type { Vector } from '../../../../src/exec/vector.js';
import { T } from '../../../../src/types/data-type.js';

const near53 = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.constantFrom(2 ** 52, -(2 ** 52), 2 ** 53 - 1, -(2 ** 53 - 1), 2 ** 51 + 7));

describe('ExactSums', () => {
  it('agrees with bigint sums on every layout and row shape', () => {
    fc.assert(
      fc.property(
        fc.array(fc.record({ value: near53, isNull: fc.boolean(), group: fc.integer({ min: 0, max: 3 }) }), { maxLength: 40 }),
        fc.constantFrom('f64', 'i32'),
        fc.boolean(),
        fc.boolean(),
        (rowsIn, layout, withNulls, withRows) => {
          const n = rowsIn.length;
          const values = rowsIn.map((r) => (layout === 'i32' ? r.value | 0 : r.value));
          const data = layout === 'i32' ? { layout: 'i32' as const, values: Int32Array.from(values) } : { layout: 'f64' as const, values: Float64Array.from(values) };
          const nulls = withNulls ? Uint8Array.from(rowsIn, (r) => (r.isNull ? 1 : 0)) : undefined;
          const v: Vector = nulls ? { type: T.bigint, length: n, data, nulls } : { type: T.bigint, length: n, data };
          // With `rows`, every other row in reverse order.
          const chosen = withRows ? Int32Array.from(Array.from({ length: n }, (_, i) => n - 1 - i).filter((i) => i % 2 === 0)) : undefined;
          const order = chosen ? Array.from(chosen) : Array.from({ length: n }, (_, i) => i);
          const groups = Int32Array.from(order, (r) => rowsIn[r]!.group);
          const sums = new ExactSums();
          // Two adds, so a spilled group goes on adding.
          sums.add(v, groups, 4, chosen);
          sums.add(v, groups, 4, chosen);
          for (let g = 0; g < 4; g++) {
            const hits = order.filter((r) => rowsIn[r]!.group === g && !(withNulls && rowsIn[r]!.isNull));
            const expected = 2n * hits.reduce((s, r) => s + BigInt(values[r]!), 0n);
            expect(BigInt(sums.total(g))).toBe(expected);
            expect(sums.count(g)).toBe(2 * hits.length);
          }
        },
      ),
    );
  });

  it('adds nothing from an empty batch', () => {
    const sums = new ExactSums();
    sums.add({ type: T.bigint, length: 0, data: { layout: 'f64', values: new Float64Array(0) } }, new Int32Array(0), 1);
    expect(sums.count(0)).toBe(0);
    expect(sums.total(0)).toBe(0);
  });
});
