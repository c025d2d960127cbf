import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import { createAccumulator } from '../../../../src/exec/aggregates/index.js';
import { aggregate, arg, ctx, lit, run, runOne } from './harness.js';

describe('count', () => {
  it('counts non-NULL values, and every row for count(1)', () => {
    const rows = [[1], [null], [3], [null]];
    expect(runOne(aggregate('count', [arg(0, T.int)]), [T.int], rows)).toBe(2n);
    expect(runOne(aggregate('count', [lit(1, T.int)]), [T.int], rows)).toBe(4n);
  });

  it('does not evaluate a non-NULL literal argument per row', () => {
    expect(createAccumulator(aggregate('count', [lit(1, T.int)]), ctx).inputs).toEqual([]);
    const acc = aggregate('count', [lit(1, T.int), arg(0, T.string)]);
    expect(runOne(acc, [T.string], [['a'], [null], ['b']])).toBe(2n);
  });

  it('counts only rows where every argument is non-NULL', () => {
    const rows = [['a', 1], ['b', null], [null, 3], ['d', 4]];
    expect(runOne(aggregate('count', [arg(0, T.string), arg(1, T.int)]), [T.string, T.int], rows)).toBe(2n);
  });

  it('is 0 for no rows and for a group no row reached', () => {
    expect(runOne(aggregate('count', [arg(0, T.int)]), [T.int], [])).toBe(0n);
    expect(run(aggregate('count', [arg(0, T.int)]), [T.int], [[1], [2]], { groups: [0, 2] })).toEqual([1n, 0n, 1n]);
  });

  it('counts per group across batch boundaries', () => {
    const rows = Array.from({ length: 100 }, (_, i) => [i % 7 === 0 ? null : i]);
    const groups = rows.map((_, i) => i % 3);
    const expected = [0, 1, 2].map((g) => BigInt(rows.filter((r, i) => groups[i] === g && r[0] !== null).length));
    expect(run(aggregate('count', [arg(0, T.int)]), [T.int], rows, { groups, batchSize: 7 })).toEqual(expected);
  });

  it('counts NULL literals as nothing', () => {
    expect(runOne(aggregate('count', [lit(null, T.int)]), [T.int], [[1], [2]])).toBe(0n);
  });
});

describe('count_if', () => {
  it('counts true values only', () => {
    const rows = [[true], [false], [null], [true]];
    expect(runOne(aggregate('count_if', [arg(0, T.boolean)]), [T.boolean], rows)).toBe(2n);
    expect(runOne(aggregate('count_if', [arg(0, T.boolean)]), [T.boolean], [])).toBe(0n);
  });
});
