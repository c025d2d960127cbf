import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../../src/types/data-type.js';
import { aggregate, arg, run, runOne } from './harness.js';

describe('sum of integers', () => {
  it('adds ints into a bigint and skips NULLs; NULL for no values', () => {
    expect(runOne(aggregate('sum', [arg(0, T.int)]), [T.int], [[1], [null], [2 ** 31 - 1], [2 ** 31 - 1]])).toBe(2n ** 32n - 1n);
    expect(runOne(aggregate('sum', [arg(0, T.int)]), [T.int], [[null], [null]])).toBeNull();
    expect(runOne(aggregate('sum', [arg(0, T.int)]), [T.int], [])).toBeNull();
  });

  it('wraps around like a Java long', () => {
    const max = 2n ** 63n - 1n;
    expect(runOne(aggregate('sum', [arg(0, T.bigint)]), [T.bigint], [[max], [1n]])).toBe(-(2n ** 63n));
    expect(runOne(aggregate('sum', [arg(0, T.bigint)]), [T.bigint], [[max], [max], [2n]])).toBe(0n);
  });

  it('stays exact beyond 2^53 whether values arrive as doubles or bigints', () => {
    const big = 2n ** 52n + 1n;
    const rows = [[big], [big], [big], [3n]];
    const exact = big * 3n + 3n;
    expect(runOne(aggregate('sum', [arg(0, T.bigint)]), [T.bigint], rows)).toBe(exact);
    // A batch holding a value beyond 2^53 uses the bigint layout.
    expect(runOne(aggregate('sum', [arg(0, T.bigint)]), [T.bigint], [...rows, [2n ** 60n], [-(2n ** 60n)]], 2)).toBe(exact);
  });
});

describe('sum of decimals', () => {
  const money = decimal(15, 2);

  it('is exact where a double sum would not be, with the result type decimal(p+10, s)', () => {
    const call = aggregate('sum', [arg(0, money)]);
    expect(call.type).toEqual(decimal(25, 2));
    // 0.10 ten times, and large amounts whose double sum loses cents.
    const rows = [...Array.from({ length: 10 }, () => [10n]), ...Array.from({ length: 2000 }, () => [999_999_999_999_99n])];
    expect(runOne(call, [money], rows, 128)).toBe(100n + 2000n * 999_999_999_999_99n);
    let double = 0;
    for (const [v] of rows) double += Number(v) / 100;
    expect(BigInt(Math.round(double * 100))).not.toBe(100n + 2000n * 999_999_999_999_99n);
  });

  it('sums per group, negative values too', () => {
    const rows = [[150n], [-250n], [null], [1n], [99n]];
    expect(run(aggregate('sum', [arg(0, money)]), [money], rows, { groups: [0, 0, 1, 1, 2] })).toEqual([-100n, 1n, 99n]);
  });

  it('is NULL when the total needs more digits than decimal(38, s) has', () => {
    const wide = decimal(38, 0);
    const nines = 10n ** 37n * 9n;
    expect(runOne(aggregate('sum', [arg(0, wide)]), [wide], [[nines], [nines]])).toBeNull();
    // Spark checks only the final sum: a total that comes back in range is kept.
    expect(runOne(aggregate('sum', [arg(0, wide)]), [wide], [[nines], [nines], [-nines]])).toBe(nines);
  });
});

describe('sum of doubles and intervals', () => {
  it('adds doubles in row order, NaN and infinities included', () => {
    expect(runOne(aggregate('sum', [arg(0, T.double)]), [T.double], [[0.1], [0.2], [null]])).toBe(0.1 + 0.2);
    expect(runOne(aggregate('sum', [arg(0, T.double)]), [T.double], [[1], [Number.NaN]])).toBeNaN();
    expect(runOne(aggregate('sum', [arg(0, T.float)]), [T.float], [[Math.fround(0.5)], [Math.fround(0.25)]])).toBe(0.75);
  });

  it('adds intervals field by field', () => {
    const rows = [[{ months: 1, days: 2, micros: '3' }], [null], [{ months: -1, days: 5, micros: '9007199254740993' }]];
    expect(runOne(aggregate('sum', [arg(0, T.interval)]), [T.interval], rows)).toEqual({ months: 0, days: 7, micros: '9007199254740996' });
    expect(runOne(aggregate('sum', [arg(0, T.interval)]), [T.interval], [])).toBeNull();
  });
});
