// sum(x): exact for integers (bigint result, wrapping around like Java's long) and decimals (NULL when the total
// needs more digits than the result type has); in double arithmetic for float and double; per field for intervals.
import type { IntervalValue } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { interval } from '../kernels/interval.js';
import { vectorFromValues } from '../vector.js';
import type { Accumulator, AccumulatorFactory } from './accumulator.js';
import { exceedsPrecision } from './decimal-math.js';
import { ExactSums } from './exact-sum.js';
import { IntervalSums } from './interval-sum.js';
import { int64Vector, numberVector } from './result-vectors.js';
import { doubleArgs, grow } from './state.js';

export const sum: AccumulatorFactory = (call) => {
  const input = call.args[0]!;
  switch (input.type.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
      return exactSum(call.type, (total) => (typeof total === 'number' ? total : BigInt.asIntN(64, total)), [input]);
    case 'decimal': {
      const precision = (call.type as Extract<DataType, { kind: 'decimal' }>).precision;
      return exactSum(call.type, (total) => (exceedsPrecision(total, precision) ? null : total), [input]);
    }
    case 'interval':
      return intervalSum(call.type, [input]);
    default:
      return doubleSum(call.type, [input]);
  }
};

// `finish` turns an exact total into the result: wrapped to 64 bits, or NULL on decimal overflow.
function exactSum(type: DataType, finish: (total: number | bigint) => number | bigint | null, inputs: Accumulator['inputs']): Accumulator {
  const sums = new ExactSums();
  const valueOf = (g: number) => (sums.count(g) === 0 ? null : finish(sums.total(g)));
  return {
    inputs,
    update: (args, groups, groupCount, rows) => sums.add(args[0]!, groups, groupCount, rows),
    results: (groupCount) => int64Vector(type, groupCount, valueOf),
    result: (group) => {
      const v = valueOf(group);
      return v === null ? null : BigInt(v);
    },
  };
}

function doubleSum(type: DataType, inputs: Accumulator['inputs']): Accumulator {
  let sums = new Float64Array(0);
  let empty = new Uint8Array(0);
  return {
    inputs,
    update(args, groups, groupCount, rows) {
      sums = grow(sums, groupCount);
      empty = grow(empty, groupCount, 1);
      const input = doubleArgs(args, rows);
      const values = input.values[0]!;
      const nulls = input.nulls[0];
      const at = input.rows;
      for (let k = 0; k < groups.length; k++) {
        const r = at === undefined ? k : at[k]!;
        if (nulls !== undefined && nulls[r] === 1) continue;
        const g = groups[k]!;
        sums[g] = sums[g]! + values[r]!;
        empty[g] = 0;
      }
    },
    results: (groupCount) => numberVector(type, grow(sums, groupCount), groupCount, grow(empty, groupCount, 1)),
    result: (group) => (empty[group] === 0 ? sums[group]! : null),
  };
}

function intervalSum(type: DataType, inputs: Accumulator['inputs']): Accumulator {
  const sums = new IntervalSums();
  const result = (group: number): IntervalValue | null => {
    if (sums.count(group) === 0) return null;
    const { months, days, micros } = sums.total(group);
    return interval(months, days, micros);
  };
  return {
    inputs,
    update: (args, groups, groupCount, rows) => sums.add(args[0]!, groups, groupCount, rows),
    results: (groupCount) => vectorFromValues(type, Array.from({ length: groupCount }, (_, g) => result(g))),
    result,
  };
}
