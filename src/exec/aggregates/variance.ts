// var_samp, var_pop, stddev_samp, stddev_pop, skewness, kurtosis: Spark's one-pass central moments (CentralMomentAgg,
// the same update formulas, so results match Spark's bit for bit on the same row order). Where Spark would divide by
// zero (one value for the sample statistics, no spread for skewness and kurtosis) the result is NULL, as with
// spark.sql.legacy.statisticalAggregate=false, Spark's default since 3.1.
import type { AccumulatorFactory } from './accumulator.js';
import { doubleVector } from './result-vectors.js';
import { doubleArgs, grow } from './state.js';

/** The moments of one group: count, mean and the sums of squared, cubed and fourth-power deviations. */
interface Moments {
  readonly n: number;
  readonly m2: number;
  readonly m3: number;
  readonly m4: number;
}

/** The statistic from a group's moments (n > 0), null where Spark divides by zero. */
type Evaluate = (m: Moments) => number | null;

function centralMoment(order: 2 | 3 | 4, evaluate: Evaluate): AccumulatorFactory {
  return (call) => {
    let n = new Float64Array(0);
    let mean = new Float64Array(0);
    let m2 = new Float64Array(0);
    let m3 = new Float64Array(0);
    let m4 = new Float64Array(0);
    const result = (g: number): number | null => {
      const count = n[g] ?? 0;
      return count === 0 ? null : evaluate({ n: count, m2: m2[g]!, m3: m3[g]!, m4: m4[g]! });
    };
    return {
      inputs: call.args,
      update(args, groups, groupCount, rows) {
        n = grow(n, groupCount);
        mean = grow(mean, groupCount);
        m2 = grow(m2, groupCount);
        m3 = grow(m3, groupCount);
        m4 = grow(m4, groupCount);
        const input = doubleArgs(args, rows);
        const values = input.values[0]!;
        const nulls = input.nulls[0];
        const at = input.rows;
        for (let k = 0; k < groups.length; k++) {
          const r = at === undefined ? k : at[k]!;
          if (nulls !== undefined && nulls[r] === 1) continue;
          const g = groups[k]!;
          const newN = n[g]! + 1;
          const delta = values[r]! - mean[g]!;
          const deltaN = delta / newN;
          const newM2 = m2[g]! + delta * (delta - deltaN);
          n[g] = newN;
          mean[g] = mean[g]! + deltaN;
          if (order >= 3) {
            const delta2 = delta * delta;
            const deltaN2 = deltaN * deltaN;
            const newM3 = m3[g]! - 3 * deltaN * newM2 + delta * (delta2 - deltaN2);
            if (order === 4) m4[g] = m4[g]! - 4 * deltaN * newM3 - 6 * deltaN2 * newM2 + delta * (delta * delta2 - deltaN * deltaN2);
            m3[g] = newM3;
          }
          m2[g] = newM2;
        }
      },
      results: (groupCount) => doubleVector(call.type, groupCount, result),
      result,
    };
  };
}

export const varPop = centralMoment(2, ({ n, m2 }) => m2 / n);
export const varSamp = centralMoment(2, ({ n, m2 }) => (n === 1 ? null : m2 / (n - 1)));
export const stddevPop = centralMoment(2, ({ n, m2 }) => Math.sqrt(m2 / n));
export const stddevSamp = centralMoment(2, ({ n, m2 }) => (n === 1 ? null : Math.sqrt(m2 / (n - 1))));
export const skewness = centralMoment(3, ({ n, m2, m3 }) => (m2 === 0 ? null : (Math.sqrt(n) * m3) / Math.sqrt(m2 * m2 * m2)));
export const kurtosis = centralMoment(4, ({ n, m2, m4 }) => (m2 === 0 ? null : (n * m4) / (m2 * m2) - 3));
