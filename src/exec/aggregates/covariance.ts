// covar_pop, covar_samp and corr over pairs where both values are non-NULL: Spark's one-pass co-moment updates
// (Covariance, PearsonCorrelation). Where Spark would divide by zero (one pair for covar_samp and corr) the result is
// NULL, as with spark.sql.legacy.statisticalAggregate=false, Spark's default since 3.1.
import type { AccumulatorFactory } from './accumulator.js';
import { doubleVector } from './result-vectors.js';
import { doubleArgs, grow } from './state.js';

/** One group's pair count, co-moment and (corr only) the two variables' second moments. */
interface CoMoments {
  readonly n: number;
  readonly ck: number;
  readonly xMk: number;
  readonly yMk: number;
}

function coMoment(withVariances: boolean, evaluate: (m: CoMoments) => number | null): AccumulatorFactory {
  return (call) => {
    let n = new Float64Array(0);
    let xAvg = new Float64Array(0);
    let yAvg = new Float64Array(0);
    let ck = new Float64Array(0);
    let xMk = new Float64Array(0);
    let yMk = new Float64Array(0);
    const result = (g: number): number | null => {
      const count = n[g] ?? 0;
      return count === 0 ? null : evaluate({ n: count, ck: ck[g]!, xMk: xMk[g]!, yMk: yMk[g]! });
    };
    return {
      inputs: call.args,
      update(args, groups, groupCount, rows) {
        n = grow(n, groupCount);
        xAvg = grow(xAvg, groupCount);
        yAvg = grow(yAvg, groupCount);
        ck = grow(ck, groupCount);
        xMk = grow(xMk, groupCount);
        yMk = grow(yMk, groupCount);
        const input = doubleArgs(args, rows);
        const [xs, ys] = [input.values[0]!, input.values[1]!];
        const [xNulls, yNulls] = input.nulls;
        const at = input.rows;
        for (let k = 0; k < groups.length; k++) {
          const r = at === undefined ? k : at[k]!;
          if ((xNulls !== undefined && xNulls[r] === 1) || (yNulls !== undefined && yNulls[r] === 1)) continue;
          const g = groups[k]!;
          const x = xs[r]!;
          const y = ys[r]!;
          const newN = n[g]! + 1;
          const dx = x - xAvg[g]!;
          const dy = y - yAvg[g]!;
          const newXAvg = xAvg[g]! + dx / newN;
          const newYAvg = yAvg[g]! + dy / newN;
          ck[g] = ck[g]! + dx * (y - newYAvg);
          if (withVariances) {
            xMk[g] = xMk[g]! + dx * (x - newXAvg);
            yMk[g] = yMk[g]! + dy * (y - newYAvg);
          }
          n[g] = newN;
          xAvg[g] = newXAvg;
          yAvg[g] = newYAvg;
        }
      },
      results: (groupCount) => doubleVector(call.type, groupCount, result),
      result,
    };
  };
}

export const covarPop = coMoment(false, ({ n, ck }) => ck / n);
export const covarSamp = coMoment(false, ({ n, ck }) => (n === 1 ? null : ck / (n - 1)));
export const corr = coMoment(true, ({ n, ck, xMk, yMk }) => (n === 1 ? null : ck / Math.sqrt(xMk * yMk)));
