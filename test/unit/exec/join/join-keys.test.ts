// Join keys: equal exactly for equal SQL values, whatever the layout, and absent for NULLs.
import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';
import { columnKeys, joinKeys, sameKey } from '../../../../src/exec/join/join-keys.js';
import { dictVector } from './vectors.js';

describe('joinKeys', () => {
  it('keys a bigint the same in the f64 and the big layout', () => {
    const f64 = vectorFromValues(T.bigint, [5n, -7n, null]);
    const big = vectorFromValues(T.bigint, [2n ** 60n, 5n, -7n]);
    expect([f64.data.layout, big.data.layout]).toEqual(['f64', 'big']);
    const [a, b] = [joinKeys([f64], 3), joinKeys([big], 3)];
    expect([b[1], b[2]]).toEqual([a[0], a[1]]);
    expect(b[0]).not.toBe(joinKeys([vectorFromValues(T.bigint, [2n ** 60n + 1n])], 1)[0]);
    expect(a[2]).toBeUndefined();
  });

  it('keys strings by value whatever their dictionary', () => {
    const one = dictVector(['x', 'y', null], ['y', 'x']);
    const other = dictVector(['y', 'x', 'x'], ['x', 'y']);
    const plain = vectorFromValues(T.string, ['x', 'y', 'x']);
    expect(joinKeys([one], 3)).toEqual(['x', 'y', undefined]);
    expect(joinKeys([other], 3)).toEqual(['y', 'x', 'x']);
    expect(joinKeys([plain], 3)).toEqual(['x', 'y', 'x']);
  });

  it('tells multi-column keys apart by type and by where one part ends', () => {
    const keys = joinKeys(
      [vectorFromValues(T.string, ['1', 'a;', 'a', 'a', null]), vectorFromValues(T.string, ['x', 'b', ';b', 'b', 'b'])],
      5,
    );
    const numeric = joinKeys([vectorFromValues(T.int, [1]), vectorFromValues(T.string, ['x'])], 1);
    expect(new Set([...keys.slice(0, 3), numeric[0]]).size).toBe(4);
    expect(keys[3]).not.toBe(keys[1]);
    expect(keys[4]).toBeUndefined();
  });

  it('makes a row with a NULL in any key column match nothing', () => {
    const keys = joinKeys([vectorFromValues(T.int, [1, null, 3]), vectorFromValues(T.int, [1, 2, null])], 3);
    expect(keys[0]).toBeDefined();
    expect(keys.slice(1)).toEqual([undefined, undefined]);
  });

  it('equates -0 with 0 and NaN with NaN, as Spark compares join keys', () => {
    const [zero, negZero, nan] = columnKeys(vectorFromValues(T.double, [0, -0, NaN]), 3);
    expect(Object.is(zero, negZero)).toBe(true);
    expect(sameKey(nan!, NaN)).toBe(true);
    expect(sameKey(1, '1')).toBe(false);
  });
});
