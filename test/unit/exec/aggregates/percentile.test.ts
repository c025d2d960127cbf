import { describe, expect, it } from 'vitest';
import { T, arrayOf, decimal } from '../../../../src/types/data-type.js';
import type { Expr } from '../../../../src/logical/expr.js';
import { compileExpr } from '../../../../src/exec/expr/compile.js';
import { aggregate, arg, ctx, lit, run, runOne } from './harness.js';

const fractions = (...ps: number[]): Expr => ({
  kind: 'call',
  name: 'array',
  args: ps.map((p) => lit(p, T.double)),
  type: arrayOf(T.double, false),
  nullable: false,
});

function evaluatesArrays(): boolean {
  try {
    compileExpr(fractions(0.5), [], ctx);
    return true;
  } catch {
    return false;
  }
}

describe('percentile and median', () => {
  it('interpolate between neighbours as Spark does', () => {
    const rows = [[0], [10]];
    expect(runOne(aggregate('percentile', [arg(0, T.int), lit(0.3, T.double)]), [T.int], rows)).toBe(3);
    expect(runOne(aggregate('median', [arg(0, T.int)]), [T.int], rows)).toBe(5);
    expect(runOne(aggregate('percentile', [arg(0, T.int), lit(1, T.double)]), [T.int], [[3], [1], [2], [null]])).toBe(3);
  });

  it('weigh rows by a frequency column', () => {
    const rows = [[1, 3], [10, 1], [5, 0], [7, null]];
    const call = aggregate('percentile', [arg(0, T.int), lit(0.5, T.double), arg(1, T.int)]);
    expect(runOne(call, [T.int, T.int], rows)).toBe(1);
  });

  it('read decimals as their values and are NULL for no values', () => {
    const d = decimal(5, 2);
    expect(runOne(aggregate('median', [arg(0, d)]), [d], [[150n], [250n]])).toBe(2);
    expect(run(aggregate('median', [arg(0, T.double)]), [T.double], [], { groupCount: 1 })).toEqual([null]);
  });

  // array(…) arguments need the expression compiler's array function.
  it.skipIf(!evaluatesArrays())('answer several fractions at once when given an array', () => {
    const call = aggregate('percentile', [arg(0, T.int), fractions(0.25, 0.75)]);
    expect(runOne(call, [T.int], [[0], [10]])).toEqual([2.5, 7.5]);
    const approx = aggregate('percentile_approx', [arg(0, T.int), fractions(0.5, 0.4, 0.1), lit(100, T.int)]);
    expect(runOne(approx, [T.int], [[0], [1], [2], [10]])).toEqual([1, 1, 0]);
  });
});

describe('percentile_approx', () => {
  it('matches the examples in Spark’s documentation', () => {
    const call = aggregate('percentile_approx', [arg(0, T.int), lit(0.5, T.double), lit(100, T.int)]);
    expect(runOne(call, [T.int], [[0], [6], [7], [9], [10]])).toBe(7);
    const low = aggregate('percentile_approx', [arg(0, T.int), lit(0.1, T.double), lit(100, T.int)]);
    expect(runOne(low, [T.int], [[0], [1], [2], [10]])).toBe(0);
  });

  it('returns values of the column type, extremes at the ends', () => {
    const call = (p: number) => aggregate('percentile_approx', [arg(0, T.bigint), lit(p, T.double)]);
    const rows = [[3n], [2n ** 60n], [1n], [null]];
    expect(runOne(call(0), [T.bigint], rows)).toBe(1n);
    expect(runOne(call(1), [T.bigint], rows, 1)).toBe(2n ** 60n);
    expect(runOne(call(0.5), [T.bigint], rows)).toBe(3n);
    expect(runOne(aggregate('percentile_approx', [arg(0, T.date), lit(0.5, T.double)]), [T.date], [[10], [30], [20]])).toBe(20);
  });

  it('rejects fractions outside [0, 1]', () => {
    expect(() => runOne(aggregate('percentile_approx', [arg(0, T.int), lit(1.5, T.double)]), [T.int], [])).toThrow(/between 0.0 and 1.0/);
  });
});
