import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import { aggregate, arg, run } from './harness.js';

describe('bool_and and bool_or', () => {
  it('fold booleans per group, skipping NULLs; NULL for no values', () => {
    const rows = [[true], [false], [null], [true], [true], [null]];
    const groups = [0, 0, 1, 1, 2, 3];
    expect(run(aggregate('bool_and', [arg(0, T.boolean)]), [T.boolean], rows, { groups, batchSize: 4 })).toEqual([false, true, true, null]);
    expect(run(aggregate('bool_or', [arg(0, T.boolean)]), [T.boolean], rows, { groups, batchSize: 4 })).toEqual([true, true, true, null]);
    expect(run(aggregate('bool_or', [arg(0, T.boolean)]), [T.boolean], [[false], [false]])).toEqual([false]);
  });
});
