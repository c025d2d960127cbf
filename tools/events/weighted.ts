// Sampling from a discrete distribution given by weights: a cumulative table searched by binary search.

export interface Sampler {
  /** The number of outcomes. */
  readonly size: number;
  /** The outcome (0-based) for a uniform `u` in [0, 1). */
  pick(u: number): number;
}

export function weightedSampler(weights: ArrayLike<number>): Sampler {
  const cumulative = new Float64Array(weights.length);
  let total = 0;
  for (let i = 0; i < weights.length; i++) {
    const w = weights[i]!;
    if (!(w >= 0)) throw new RangeError(`weight ${i} is ${w}`);
    total += w;
    cumulative[i] = total;
  }
  if (!(total > 0)) throw new RangeError('weights sum to zero');
  return {
    size: weights.length,
    pick(u: number): number {
      const target = u * total;
      let lo = 0;
      let hi = cumulative.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (cumulative[mid]! > target) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    },
  };
}

/** Zipf's law over ranks 1..n: rank r has weight 1 / r^exponent, so a few ranks take much of the mass. */
export function zipfSampler(n: number, exponent: number): Sampler {
  const weights = new Float64Array(n);
  for (let r = 0; r < n; r++) weights[r] = 1 / Math.pow(r + 1, exponent);
  return weightedSampler(weights);
}
