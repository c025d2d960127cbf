// bool_and / every and bool_or / any / some: NULLs are skipped, and a group without a non-NULL value is NULL.
import type { AccumulatorFactory } from './accumulator.js';
import { numberVector } from './result-vectors.js';
import { grow } from './state.js';

function booleanFold(name: 'bool_and' | 'bool_or'): AccumulatorFactory {
  // bool_and starts true and turns false on a false value; bool_or starts false and turns true on a true one.
  const start = name === 'bool_and' ? 1 : 0;
  const decisive = 1 - start;
  return (call) => {
    let results = new Float64Array(0);
    let empty = new Uint8Array(0);
    return {
      inputs: call.args,
      update(args, groups, groupCount, rows) {
        results = grow(results, groupCount, start);
        empty = grow(empty, groupCount, 1);
        const v = args[0]!;
        if (v.data.layout !== 'bool') throw new TypeError(`${name} needs a boolean vector, not ${v.data.layout}`);
        const values = v.data.values;
        const nulls = v.nulls;
        for (let k = 0; k < groups.length; k++) {
          const r = rows === undefined ? k : rows[k]!;
          if (nulls !== undefined && nulls[r] === 1) continue;
          const g = groups[k]!;
          empty[g] = 0;
          if (values[r] === decisive) results[g] = decisive;
        }
      },
      results: (groupCount) => numberVector(call.type, grow(results, groupCount, start), groupCount, grow(empty, groupCount, 1)),
      result: (group) => (empty[group] === 0 ? results[group] === 1 : null),
    };
  };
}

export const boolAnd = booleanFold('bool_and');
export const boolOr = booleanFold('bool_or');
