// avg(x): for decimals the exact sum divided by the count, rounded HALF_UP to the result's scale (Spark's Average);
// for other numbers the double sum over the count; for intervals the field-wise sum divided as Spark divides one.
import type { IntervalValue } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { interval, scaleInterval } from '../kernels/interval.js';
import { vectorFromValues } from '../vector.js';
import type { Accumulator, AccumulatorFactory } from './accumulator.js';
import { decimalAverage, exceedsPrecision } from './decimal-math.js';
import { ExactSums } from './exact-sum.js';
import { IntervalSums } from './interval-sum.js';
import { doubleVector, int64Vector } from './result-vectors.js';
import { doubleArgs, grow } from './state.js';

type DecimalType = Extract<DataType, { kind: 'decimal' }>;

export const avg: AccumulatorFactory = (call) => {
  const input = call.args[0]!;
  if (input.type.kind === 'decimal') return decimalAvg(input.type, call.type as DecimalType, [input]);
  if (input.type.kind === 'interval') return intervalAvg(call.type, [input]);
  return doubleAvg(call.type, [input]);
};

function decimalAvg(input: DecimalType, result: DecimalType, inputs: Accumulator['inputs']): Accumulator {
  const sums = new ExactSums();
  const valueOf = (g: number): number | bigint | null => {
    const count = sums.count(g);
    if (count === 0) return null;
    const q = decimalAverage(sums.total(g), count, input.scale, result.scale);
    return exceedsPrecision(q, result.precision) ? null : q;
  };
  return {
    inputs,
    update: (args, groups, groupCount, rows) => sums.add(args[0]!, groups, groupCount, rows),
    results: (groupCount) => int64Vector(result, groupCount, valueOf),
    result: (group) => {
      const v = valueOf(group);
      return v === null ? null : BigInt(v);
    },
  };
}

function doubleAvg(type: DataType, inputs: Accumulator['inputs']): Accumulator {
  let sums = new Float64Array(0);
  let counts = new Float64Array(0);
  const result = (group: number): number | null => (counts[group] ? sums[group]! / counts[group]! : null);
  return {
    inputs,
    update(args, groups, groupCount, rows) {
      sums = grow(sums, groupCount);
      counts = grow(counts, groupCount);
      const input = doubleArgs(args, rows);
      const values = input.values[0]!;
      const nulls = input.nulls[0];
      const at = input.rows;
      for (let k = 0; k < groups.length; k++) {
        const r = at === undefined ? k : at[k]!;
        if (nulls !== undefined && nulls[r] === 1) continue;
        const g = groups[k]!;
        sums[g] = sums[g]! + values[r]!;
        counts[g] = counts[g]! + 1;
      }
    },
    results: (groupCount) => doubleVector(type, groupCount, result),
    result,
  };
}

function intervalAvg(type: DataType, inputs: Accumulator['inputs']): Accumulator {
  const sums = new IntervalSums();
  const result = (group: number): IntervalValue | null => {
    const count = sums.count(group);
    if (count === 0) return null;
    const { months, days, micros } = sums.total(group);
    // Spark's interval / n: months and days truncated, the days' fraction carried into microseconds.
    return scaleInterval(interval(months, days, micros), count, true) ?? null;
  };
  return {
    inputs,
    update: (args, groups, groupCount, rows) => sums.add(args[0]!, groups, groupCount, rows),
    results: (groupCount) => vectorFromValues(type, Array.from({ length: groupCount }, (_, g) => result(g))),
    result,
  };
}
