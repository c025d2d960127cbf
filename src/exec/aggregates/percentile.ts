// percentile(x, p[, frequency]) and median(x): exact, interpolating between the two nearest values as Spark's
// Percentile does. percentile_approx(x, p[, accuracy]): the value at rank ceil(p·n), which is what Spark's sketch
// returns exactly while a group has at most `accuracy` values, and lies within its error bound beyond.
// p may be one fraction or an array of them (then the result is an array). Every value of a group is kept.
import { fail } from '../../common/errors.js';
import type { DataType } from '../../types/data-type.js';
import type { ExecContext } from '../context.js';
import type { JsValue, Vector } from '../vector.js';
import { isNullAt, usesBigInt, valueAt, vectorFromValues } from '../vector.js';
import type { Accumulator, AccumulatorFactory, AggregateCall } from './accumulator.js';
import { decimalToDouble } from '../kernels/decimal.js';
import { doublesOf } from '../kernels/vector-helpers.js';
import { compareNumbers } from './compare.js';
import { constantArg } from './constant-args.js';
import { selectRows } from './state.js';

/** Spark's default accuracy of percentile_approx (relative error 1/accuracy). */
const DEFAULT_ACCURACY = 10_000;

/** The fractions asked for, and whether the result is an array of them. */
interface Fractions {
  readonly values: readonly number[];
  readonly asArray: boolean;
}

function fractionsOf(call: AggregateCall, ctx: ExecContext): Fractions {
  const p = constantArg(call, 1, ctx);
  const asArray = Array.isArray(p);
  const values = (asArray ? p : [p]) as readonly JsValue[];
  if (!values.every((x) => typeof x === 'number' && x >= 0 && x <= 1)) {
    fail('EXEC_INVALID_ARGUMENT', `the percentage(s) of ${call.name} must be between 0.0 and 1.0, not ${String(p)}`);
  }
  return { values: values as number[], asArray };
}

// A group's result: one value per fraction, as an array when the call asked for one.
function shape(fractions: Fractions, pick: (p: number) => JsValue): JsValue {
  return fractions.asArray ? fractions.values.map(pick) : pick(fractions.values[0]!);
}

export const percentile: AccumulatorFactory = (call, ctx) => exactPercentile(call, fractionsOf(call, ctx));

export const median: AccumulatorFactory = (call) => exactPercentile(call, { values: [0.5], asArray: false });

function exactPercentile(call: AggregateCall, fractions: Fractions): Accumulator {
  const input = call.args[0]!;
  const frequency = call.args[2];
  const toDouble = doubleReader(input.type);
  const values: number[][] = [];
  const weights: number[][] = [];
  const result = (group: number): JsValue => {
    const xs = values[group];
    if (xs === undefined) return null;
    const order = Array.from(xs.keys()).sort((a, b) => compareNumbers(xs[a]!, xs[b]!));
    const ws = weights[group];
    // cumulative[i]: the total weight of the values up to the i-th in sorted order.
    const cumulative: number[] = [];
    let total = 0;
    for (const i of order) cumulative.push((total += ws ? ws[i]! : 1));
    const valueAtCount = (c: number) => xs[order[firstAtLeast(cumulative, c)]!]!;
    return shape(fractions, (p) => {
      const position = (total - 1) * p;
      const lower = Math.floor(position);
      const higher = Math.ceil(position);
      const low = valueAtCount(lower + 1);
      if (higher === lower) return low;
      const high = valueAtCount(higher + 1);
      return high === low ? low : (higher - position) * low + (position - lower) * high;
    });
  };
  return {
    inputs: frequency ? [input, frequency] : [input],
    update(args, groups, _groupCount, rows) {
      // Row k of the selected vectors goes to group k.
      const [v, f] = selectRows(args, rows) as [Vector, Vector | undefined];
      const xs = toDouble(v);
      for (let k = 0; k < groups.length; k++) {
        if (isNullAt(v, k) || (f && isNullAt(f, k))) continue;
        const g = groups[k]!;
        if (f) {
          const w = Number(valueAt(f, k));
          if (w < 0) fail('EXEC_INVALID_ARGUMENT', `the frequency of ${call.name} must not be negative, not ${w}`);
          if (w === 0) continue;
          (weights[g] ??= []).push(w);
        }
        (values[g] ??= []).push(xs[k]!);
      }
    },
    results: (groupCount) => vectorFromValues(call.type, Array.from({ length: groupCount }, (_, g) => result(g))),
    result,
  };
}

// The first index whose cumulative count reaches `count` (Spark's binarySearchCount).
function firstAtLeast(cumulative: readonly number[], count: number): number {
  let lo = 0;
  let hi = cumulative.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (cumulative[mid]! < count) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

// Percentile computes in doubles; a decimal's double is the one nearest its value.
function doubleReader(type: DataType): (v: Vector) => ArrayLike<number> {
  if (type.kind !== 'decimal') return doublesOf;
  return (v) => {
    const d = v.data;
    return d.layout === 'big' ? d.values.map((x) => decimalToDouble(x, type.scale)) : Float64Array.from(doublesOf(v), (x) => decimalToDouble(x, type.scale));
  };
}

export const percentileApprox: AccumulatorFactory = (call, ctx) => {
  const input = call.args[0]!;
  if (input.type.kind === 'interval') fail('EXEC_UNSUPPORTED', 'percentile_approx of an interval is not supported');
  const fractions = fractionsOf(call, ctx);
  const accuracy = Number(constantArg(call, 2, ctx) ?? DEFAULT_ACCURACY);
  if (!(accuracy > 0 && accuracy <= 2 ** 31 - 1)) {
    fail('EXEC_INVALID_ARGUMENT', `the accuracy of percentile_approx must be between 1 and 2147483647, not ${accuracy}`);
  }
  const relativeError = 1 / accuracy;
  // 64-bit values are numbers or (from `big` vectors) bigints, which JS's < and > compare with each other.
  const compare = usesBigInt(input.type)
    ? (a: number | bigint, b: number | bigint) => (a < b ? -1 : a > b ? 1 : 0)
    : (a: number | bigint, b: number | bigint) => compareNumbers(a as number, b as number);
  const toJs = usesBigInt(input.type) ? (x: number | bigint): JsValue => BigInt(x) : (x: number | bigint): JsValue => x;
  const values: (number | bigint)[][] = [];
  const result = (group: number): JsValue => {
    const xs = values[group];
    if (xs === undefined) return null;
    const sorted = xs.slice().sort(compare);
    return shape(fractions, (p) => {
      // QuantileSummaries.query on samples that are all still exact.
      if (p <= relativeError) return toJs(sorted[0]!);
      if (p >= 1 - relativeError) return toJs(sorted[sorted.length - 1]!);
      return toJs(sorted[Math.ceil(p * sorted.length) - 1]!);
    });
  };
  return {
    inputs: [input],
    update(args, groups, _groupCount, rows) {
      const [v] = selectRows(args, rows) as [Vector];
      const d = v.data;
      const xs = d.layout === 'big' ? d.values : doublesOf(v);
      for (let k = 0; k < groups.length; k++) if (!isNullAt(v, k)) (values[groups[k]!] ??= []).push(xs[k]!);
    },
    results: (groupCount) => vectorFromValues(call.type, Array.from({ length: groupCount }, (_, g) => result(g))),
    result,
  };
};
