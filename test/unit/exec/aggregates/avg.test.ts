import { describe, expect, it } from 'vitest';
import { T, decimal } from '../../../../src/types/data-type.js';
import { aggregate, arg, run, runOne } from './harness.js';

describe('avg', () => {
  it('averages numbers as doubles, NULL when there are none', () => {
    expect(runOne(aggregate('avg', [arg(0, T.int)]), [T.int], [[1], [2], [null]])).toBe(1.5);
    expect(runOne(aggregate('avg', [arg(0, T.bigint)]), [T.bigint], [[2n ** 62n], [2n ** 62n]])).toBe(2 ** 62);
    expect(runOne(aggregate('avg', [arg(0, T.double)]), [T.double], [])).toBeNull();
    expect(run(aggregate('avg', [arg(0, T.double)]), [T.double], [[1], [3]], { groups: [0, 2] })).toEqual([1, null, 3]);
  });

  it('averages decimals exactly into decimal(p+4, s+4), rounding HALF_UP', () => {
    const d = decimal(1, 0);
    const call = aggregate('avg', [arg(0, d)]);
    expect(call.type).toEqual(decimal(5, 4));
    // 1/32 = 0.03125: HALF_UP gives 0.0313 (HALF_EVEN would give 0.0312); -1/32 rounds away from zero.
    const ones = (sign: bigint) => [[sign], ...Array.from({ length: 31 }, () => [0n])];
    expect(runOne(call, [d], ones(1n))).toBe(313n);
    expect(runOne(call, [d], ones(-1n))).toBe(-313n);
    expect(runOne(call, [d], [[1n], [2n], [2n]])).toBe(16667n);
  });

  it('keeps TPC-H money averages exact', () => {
    const money = decimal(15, 2);
    const rows = Array.from({ length: 1000 }, (_, i) => [BigInt(i * 1_000_003 + 7)]);
    const total = rows.reduce((s, [v]) => s + (v as bigint), 0n);
    // decimal(19,6): the sum at scale 2 times 10^4 over the count, rounded HALF_UP.
    const scaled = total * 10_000n;
    const expected = scaled / 1000n + (2n * (scaled % 1000n) >= 1000n ? 1n : 0n);
    expect(runOne(aggregate('avg', [arg(0, money)]), [money], rows, 100)).toBe(expected);
  });

  it('rounds twice, as Spark does, when the quotient fills 38 digits', () => {
    // (13·10^32 + 2) / 13 = 10^32 + 0.153846…: Spark keeps 38 digits (…0.15385), then rounds to 4 (…0.1539).
    const wide = decimal(38, 0);
    const rows = [...Array.from({ length: 12 }, () => [10n ** 32n]), [10n ** 32n + 2n]];
    expect(runOne(aggregate('avg', [arg(0, wide)]), [wide], rows)).toBe(10n ** 36n + 1539n);
  });

  it('is NULL when the average does not fit the result type', () => {
    const wide = decimal(38, 0);
    expect(runOne(aggregate('avg', [arg(0, wide)]), [wide], [[10n ** 36n]])).toBeNull();
  });

  it('divides intervals as Spark does', () => {
    const rows = [[{ months: 3, days: 3, micros: '0' }], [{ months: 0, days: 0, micros: '1' }]];
    // months 3/2 → 1 (the fraction is dropped); days 3/2 → 1 and half a day of microseconds; micros 1/2 → round(0.5).
    expect(runOne(aggregate('avg', [arg(0, T.interval)]), [T.interval], rows)).toEqual({ months: 1, days: 1, micros: String(43_200_000_000 + 1) });
  });
});
