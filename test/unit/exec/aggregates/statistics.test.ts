import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import { aggregate, arg, run, runOne } from './harness.js';

const one = (name: string, values: readonly (number | null)[]) =>
  runOne(aggregate(name, [arg(0, T.double)]), [T.double], values.map((v) => [v]));
const two = (name: string, pairs: readonly (readonly (number | null)[])[]) =>
  runOne(aggregate(name, [arg(0, T.double), arg(1, T.double)]), [T.double, T.double], pairs);

describe('variance, standard deviation, skewness and kurtosis', () => {
  it('match the examples in Spark’s documentation', () => {
    expect(one('stddev_pop', [1, 2, 3])).toBe(0.816496580927726);
    expect(one('stddev_samp', [1, 2, 3])).toBe(1);
    expect(one('var_pop', [1, 2, 3])).toBe(0.6666666666666666);
    expect(one('var_samp', [1, 2, 3, null])).toBe(1);
    expect(one('skewness', [-10, -20, 100, 1000])).toBeCloseTo(1.1135657469022011, 14);
    expect(one('kurtosis', [-10, -20, 100, 1000])).toBeCloseTo(-0.7014368047529627, 14);
    expect(one('kurtosis', [1, 10, 100, 10, 1])).toBeCloseTo(0.19432323191699075, 14);
  });

  it('are NULL for no values, and where Spark divides by zero', () => {
    for (const name of ['stddev_pop', 'stddev_samp', 'var_pop', 'var_samp', 'skewness', 'kurtosis']) expect(one(name, [null])).toBeNull();
    expect(one('var_samp', [5])).toBeNull();
    expect(one('stddev_samp', [5])).toBeNull();
    expect(one('var_pop', [5])).toBe(0);
    expect(one('skewness', [2, 2, 2])).toBeNull();
    expect(one('kurtosis', [2, 2])).toBeNull();
  });

  it('propagate NaN', () => {
    expect(one('var_pop', [1, Number.NaN])).toBeNaN();
  });

  it('keep groups apart across batches', () => {
    const rows = Array.from({ length: 30 }, (_, i) => [i]);
    const groups = rows.map((_, i) => i % 2);
    const [even, odd] = run(aggregate('var_pop', [arg(0, T.double)]), [T.double], rows, { groups, batchSize: 4 });
    const variance = (xs: number[]) => xs.reduce((s, x) => s + (x - xs.reduce((a, b) => a + b) / xs.length) ** 2, 0) / xs.length;
    expect(even).toBeCloseTo(variance(rows.filter((_, i) => i % 2 === 0).map((r) => r[0]!)), 10);
    expect(odd).toBeCloseTo(variance(rows.filter((_, i) => i % 2 === 1).map((r) => r[0]!)), 10);
  });
});

describe('covariance and correlation', () => {
  it('match the examples in Spark’s documentation', () => {
    expect(two('corr', [[3, 2], [3, 3], [6, 4]])).toBe(0.8660254037844387);
    expect(two('covar_pop', [[1, 1], [2, 2], [3, 3]])).toBe(0.6666666666666666);
    expect(two('covar_samp', [[1, 1], [2, 2], [3, 3]])).toBe(1);
  });

  it('use only pairs where both values are non-NULL', () => {
    expect(two('covar_samp', [[1, 1], [2, null], [null, 7], [2, 2], [3, 3]])).toBe(1);
    expect(two('covar_pop', [[null, 1]])).toBeNull();
    expect(two('covar_samp', [[1, 1]])).toBeNull();
    expect(two('corr', [[1, 1]])).toBeNull();
    expect(two('covar_pop', [[1, 1]])).toBe(0);
  });
});
