import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import { aggregate, arg, run, runOne } from './harness.js';

const types = [T.string, T.int];

describe('max_by and min_by', () => {
  it('match the examples in Spark’s documentation', () => {
    const rows = [['a', 10], ['b', 50], ['c', 20]];
    expect(runOne(aggregate('max_by', [arg(0, T.string), arg(1, T.int)]), types, rows)).toBe('b');
    expect(runOne(aggregate('min_by', [arg(0, T.string), arg(1, T.int)]), types, rows)).toBe('a');
  });

  it('skip NULL orderings, keep NULL values, and let the last of equal orderings win', () => {
    const rows = [['a', null], [null, 9], ['b', 5], ['c', 9], ['d', 5]];
    expect(runOne(aggregate('max_by', [arg(0, T.string), arg(1, T.int)]), types, rows)).toBe('c');
    expect(runOne(aggregate('min_by', [arg(0, T.string), arg(1, T.int)]), types, rows)).toBe('d');
    expect(runOne(aggregate('max_by', [arg(0, T.string), arg(1, T.int)]), types, [['z', 1], [null, 2]])).toBeNull();
    expect(runOne(aggregate('max_by', [arg(0, T.string), arg(1, T.int)]), types, [['z', null]])).toBeNull();
  });

  it('order by strings and 64-bit values, per group', () => {
    const rows = [[1, 'b'], [2, 'a'], [3, 'c'], [4, 'a']];
    expect(run(aggregate('max_by', [arg(0, T.int), arg(1, T.string)]), [T.int, T.string], rows, { groups: [0, 0, 1, 1] })).toEqual([1, 3]);
    const big = [[1, 2n ** 60n], [2, 5n], [3, 2n ** 60n + 1n]];
    expect(runOne(aggregate('max_by', [arg(0, T.int), arg(1, T.bigint)]), [T.int, T.bigint], big, 1)).toBe(3);
    expect(runOne(aggregate('min_by', [arg(0, T.int), arg(1, T.bigint)]), [T.int, T.bigint], big, 1)).toBe(2);
  });
});
