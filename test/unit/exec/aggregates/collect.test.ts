import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../../src/types/data-type.js';
import { aggregate, arg, run, runOne } from './harness.js';

describe('collect_list and collect_set', () => {
  it('collect non-NULL values in arrival order', () => {
    const rows = [['b'], [null], ['a'], ['b']];
    expect(runOne(aggregate('collect_list', [arg(0, T.string)]), [T.string], rows)).toEqual(['b', 'a', 'b']);
    expect(runOne(aggregate('collect_set', [arg(0, T.string)]), [T.string], rows)).toEqual(['b', 'a']);
  });

  it('give an empty array, not NULL, for a group without values', () => {
    expect(run(aggregate('collect_list', [arg(0, T.int)]), [T.int], [[null]], { groupCount: 2 })).toEqual([[], []]);
    expect(runOne(aggregate('collect_set', [arg(0, T.int)]), [T.int], [])).toEqual([]);
  });

  it('deduplicate equal values whatever layout their batch has', () => {
    const d = decimal(38, 0);
    const rows = [[5n], [2n ** 60n], [5n], [7n], [2n ** 60n]];
    expect(runOne(aggregate('collect_set', [arg(0, d)]), [d], rows, 2)).toEqual([5n, 2n ** 60n, 7n]);
  });

  it('keep groups apart', () => {
    const rows = [[1], [2], [1], [3]];
    expect(run(aggregate('collect_set', [arg(0, T.int)]), [T.int], rows, { groups: [0, 1, 1, 0] })).toEqual([[1, 3], [2, 1]]);
  });
});
