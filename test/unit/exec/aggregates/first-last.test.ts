import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import { aggregate, arg, lit, run, runOne } from './harness.js';

const rows = [[null], [1n], [2n], [null]];

describe('first, last and any_value', () => {
  it('take the first or last row, NULL or not', () => {
    expect(runOne(aggregate('first', [arg(0, T.bigint)]), [T.bigint], rows)).toBeNull();
    expect(runOne(aggregate('last', [arg(0, T.bigint)]), [T.bigint], rows)).toBeNull();
    expect(runOne(aggregate('any_value', [arg(0, T.bigint)]), [T.bigint], rows)).toBeNull();
  });

  it('skip NULLs with IGNORE NULLS or a true second argument', () => {
    expect(runOne(aggregate('first', [arg(0, T.bigint)], { ignoreNulls: true }), [T.bigint], rows)).toBe(1n);
    expect(runOne(aggregate('last', [arg(0, T.bigint)], { ignoreNulls: true }), [T.bigint], rows)).toBe(2n);
    expect(runOne(aggregate('first', [arg(0, T.bigint), lit(true, T.boolean)]), [T.bigint], rows)).toBe(1n);
    expect(runOne(aggregate('last', [arg(0, T.bigint), lit(true, T.boolean)]), [T.bigint], rows)).toBe(2n);
    expect(runOne(aggregate('last', [arg(0, T.bigint), lit(false, T.boolean)]), [T.bigint], rows)).toBeNull();
  });

  it('follow row order across batches and groups', () => {
    const values = Array.from({ length: 40 }, (_, i) => [`v${i}`]);
    const groups = values.map((_, i) => i % 3);
    expect(run(aggregate('first', [arg(0, T.string)]), [T.string], values, { groups, batchSize: 7 })).toEqual(['v0', 'v1', 'v2']);
    expect(run(aggregate('last', [arg(0, T.string)]), [T.string], values, { groups, batchSize: 7 })).toEqual(['v39', 'v37', 'v38']);
  });

  it('are NULL for empty groups', () => {
    expect(run(aggregate('last', [arg(0, T.int)], { ignoreNulls: true }), [T.int], [[null]], { groupCount: 2 })).toEqual([null, null]);
  });
});
