// count_if(condition): the rows where the condition is true (not false, not NULL).
import type { AccumulatorFactory } from './accumulator.js';
import { numberVector } from './result-vectors.js';
import { grow } from './state.js';

export const countIf: AccumulatorFactory = (call) => {
  let counts = new Float64Array(0);
  return {
    inputs: call.args,
    update(args, groups, groupCount, rows) {
      counts = grow(counts, groupCount);
      const v = args[0]!;
      if (v.data.layout !== 'bool') throw new TypeError(`count_if needs a boolean vector, not ${v.data.layout}`);
      const values = v.data.values;
      const nulls = v.nulls;
      for (let k = 0; k < groups.length; k++) {
        const r = rows === undefined ? k : rows[k]!;
        if (values[r] === 1 && (nulls === undefined || nulls[r] === 0)) {
          const g = groups[k]!;
          counts[g] = counts[g]! + 1;
        }
      }
    },
    results: (groupCount) => numberVector(call.type, grow(counts, groupCount), groupCount),
    result: (group) => BigInt(counts[group] ?? 0),
  };
};
