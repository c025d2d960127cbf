// Math functions and bitwise operators, written as SQL: Spark's rounding, NULL domains, decimals kept exact.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { T } from '../../../../src/types/data-type.js';
import { roundDouble } from '../../../../src/exec/kernels/math-functions.js';
import { bitNot, bitwise, shift } from '../../../../src/exec/kernels/bitwise.js';
import { evalColumns, evalValue } from '../expr/sql-expr.js';
import { vec } from './vectors.js';

describe('math functions', () => {
  it.each<[string, JsValue]>([
    ['abs(-5)', 5],
    ['abs(-2147483648)', -2147483648],
    ['abs(-1.50)', 150n],
    ["abs(INTERVAL '-1 day')", { months: 0, days: 1, micros: '0' }],
    ['negative(5)', -5],
    ['positive(-5)', -5],
    ['round(2.5D)', 3],
    ['round(-2.5D)', -3],
    ['round(0.125D, 2)', 0.13],
    ['round(1.005D, 2)', 1.01],
    ['round(123.456D, -1)', 120],
    ['round(1.23456, 3)', 1235n],
    ['round(125, -1)', 130],
    ['round(-125, -1)', -130],
    ['round(9.95, 1)', 100n],
    ['bround(2.5D)', 2],
    ['bround(3.5D)', 4],
    ['bround(0.125, 2)', 12n],
    ["round(CAST('NaN' AS DOUBLE))", NaN],
    ['ceil(1.2D)', 2n],
    ['ceil(-1.2D)', -1n],
    ['floor(-1.2D)', -2n],
    ['floor(1e30D)', 9223372036854775807n],
    ['ceil(1.21)', 2n],
    ['floor(-1.21)', -2n],
    ['ceil(1.234, 2)', 124n],
    ['floor(5L)', 5n],
    ['mod(7, 3)', 1],
    ['mod(-7.5, 2)', -15n],
    ['pmod(-7, 3)', 2],
    ['pmod(-7.5, 2)', 5n],
    ['pmod(7, 0)', null],
    ['greatest(1, NULL, 3)', 3],
    ["greatest('a', 'b')", 'b'],
    ["greatest(CAST('NaN' AS DOUBLE), 1D)", NaN],
    ['least(NULL, NULL)', null],
    ['least(1.5, 2)', 15n],
    ['pow(2, 10)', 1024],
    ['power(-8, 1.0 / 3)', NaN],
    ['sqrt(-1)', NaN],
    ['sqrt(16)', 4],
    ['ln(0)', null],
    ['log(-1)', null],
    ['log(2, 8)', 3],
    ['log10(1000)', 3],
    ['log2(8)', 3],
    ['log1p(-1)', null],
    ['exp(0)', 1],
    ['cbrt(27)', 3],
    ['degrees(pi())', 180],
    ['radians(180)', Math.PI],
    ['rint(2.5)', 2],
    ['rint(-3.5)', -4],
    ['sign(-3)', -1],
    ['signum(0)', 0],
    ['factorial(20)', 2432902008176640000n],
    ['factorial(21)', null],
    ['e()', Math.E],
    ['atan2(1, 1)', Math.PI / 4],
    ['5 & 3', 1],
    ['5 | 3', 7],
    ['5 ^ 3', 6],
    ['~5', -6],
    ['5L & 3L', 1n],
  ])('%s', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected);
  });

  it('gives NULL for NULL and keeps columns apart', async () => {
    expect(await evalColumns('sqrt(x), round(x, 1), greatest(x, 0D)', { x: 'double?' }, [[4], [null], [-2.25]])).toEqual([
      [2, null, NaN],
      [4, null, -2.3],
      [4, 0, 0],
    ]);
  });

  it('draws rand(seed) as Spark does for a partition', async () => {
    expect(await evalValue('rand(0)')).toBe(0.7604953758285915);
    expect(await evalValue('randn(0)')).toBe(1.6034991609278433);
    const [values] = (await evalColumns('rand(7)', { a: 'int' }, [[1], [2], [3]])) as [number[]];
    expect(new Set(values).size).toBe(3);
    for (const v of values) expect(v >= 0 && v < 1).toBe(true);
  });

  it('rounds doubles like BigDecimal of their decimal text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1_000_000, max: 1_000_000 }), fc.integer({ min: 0, max: 3 }), (n, d) => {
        const x = n / 1000;
        const scaled = Math.abs(n) * 10 ** d;
        const q = Math.floor(scaled / 1000);
        const r = scaled - q * 1000;
        const rounded = (r * 2 >= 1000 ? q + 1 : q) / 10 ** d;
        expect(roundDouble(x, d, 'halfUp')).toBe(n < 0 && rounded !== 0 ? -rounded : rounded);
      }),
    );
  });
});

describe('bitwise kernels', () => {
  it('works on 64-bit values beyond 32 bits', () => {
    expect(vectorValues(bitwise('&', vec(T.bigint, [2n ** 40n + 3n, null]), vec(T.bigint, [2n ** 40n + 1n, 1n])))).toEqual([2n ** 40n + 1n, null]);
    expect(vectorValues(bitNot(vec(T.bigint, [2n ** 40n])))).toEqual([-(2n ** 40n) - 1n]);
    expect(vectorValues(shift('right', vec(T.bigint, [6n, -1n, 2n ** 62n]), vec(T.int, [1, 40, 61]), T.bigint))).toEqual([3n, -1n, 2n]);
    expect(vectorValues(shift('left', vec(T.bigint, [1n]), vec(T.int, [63]), T.bigint))).toEqual([-(2n ** 63n)]);
    expect(vectorValues(shift('rightUnsigned', vec(T.int, [-1]), vec(T.int, [28]), T.int))).toEqual([15]);
    expect(vectorValues(shift('left', vec(T.int, [1]), vec(T.int, [33]), T.int))).toEqual([2]);
  });
});
