import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../../src/types/data-type.js';
import { aggregate, arg, lit, run, runOne } from './harness.js';

describe('DISTINCT aggregates', () => {
  it('count each distinct value once per group, NULLs not counted', () => {
    const rows = [[1], [1], [null], [2], [null], [2], [3]];
    const call = aggregate('count', [arg(0, T.int)], { distinct: true });
    expect(runOne(call, [T.int], rows, 2)).toBe(3n);
    expect(run(call, [T.int], rows, { groups: [0, 1, 0, 1, 1, 1, 0], batchSize: 3 })).toEqual([2n, 2n]);
  });

  it('count distinct combinations of several arguments', () => {
    const rows = [['a', 1], ['a', 1], ['a', 2], ['b', 1], ['a', null], [null, null]];
    expect(runOne(aggregate('count', [arg(0, T.string), arg(1, T.int)], { distinct: true }), [T.string, T.int], rows)).toBe(3n);
  });

  it('sum and average distinct values', () => {
    const rows = [[5n], [5n], [7n], [null]];
    const d = decimal(10, 0);
    expect(runOne(aggregate('sum', [arg(0, d)], { distinct: true }), [d], rows)).toBe(12n);
    expect(runOne(aggregate('avg', [arg(0, T.int)], { distinct: true }), [T.int], [[1], [1], [4]])).toBe(2.5);
  });

  it('see equal 64-bit values as equal whichever layout their batch has', () => {
    const rows = [[5n], [2n ** 60n], [5n], [2n ** 60n]];
    expect(runOne(aggregate('count', [arg(0, T.bigint)], { distinct: true }), [T.bigint], rows, 2)).toBe(2n);
  });

  it('count(DISTINCT 1) is 1 for a group with rows', () => {
    expect(run(aggregate('count', [lit(1, T.int)], { distinct: true }), [T.int], [[0], [0]], { groupCount: 2 })).toEqual([1n, 0n]);
  });

  it('keep a NULL apart from the string "\\u0001"', () => {
    const call = aggregate('collect_list', [arg(0, T.string)], { distinct: true });
    expect(runOne(call, [T.string], [[null], ['\u0001'], ['\u0001']])).toEqual(['\u0001']);
  });
});

describe('approx_count_distinct', () => {
  it('counts distinct non-NULL values exactly', () => {
    const rows = [[1], [1], [2], [null]];
    expect(runOne(aggregate('approx_count_distinct', [arg(0, T.int)]), [T.int], rows)).toBe(2n);
    expect(runOne(aggregate('approx_count_distinct', [arg(0, T.int), lit(0.01, T.double)]), [T.int], rows)).toBe(2n);
    const many = Array.from({ length: 5000 }, (_, i) => [`k${i % 1234}`]);
    expect(runOne(aggregate('approx_count_distinct', [arg(0, T.string)]), [T.string], many, 500)).toBe(1234n);
    expect(runOne(aggregate('approx_count_distinct', [arg(0, T.string)]), [T.string], [])).toBe(0n);
  });
});
