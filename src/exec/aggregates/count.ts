// count(x, …): the rows where every argument is non-NULL. count(*) arrives as count(1), which counts every row
// without looking at the literal.
import type { AccumulatorFactory } from './accumulator.js';
import { isNonNullLiteral } from './constant-args.js';
import { numberVector } from './result-vectors.js';
import { grow } from './state.js';

export const count: AccumulatorFactory = (call) => {
  let counts = new Float64Array(0);
  return {
    inputs: call.args.filter((a) => !isNonNullLiteral(a)),
    update(args, groups, groupCount, rows) {
      counts = grow(counts, groupCount);
      const nullFlags = args.flatMap((a) => (a.nulls ? [a.nulls] : []));
      if (nullFlags.length === 0) {
        // count(*) and columns without NULLs: one increment per row, without the checks below.
        for (let k = 0; k < groups.length; k++) counts[groups[k]!]!++;
        return;
      }
      rowLoop: for (let k = 0; k < groups.length; k++) {
        const r = rows === undefined ? k : rows[k]!;
        for (let a = 0; a < nullFlags.length; a++) if (nullFlags[a]![r] === 1) continue rowLoop;
        const g = groups[k]!;
        counts[g] = counts[g]! + 1;
      }
    },
    results: (groupCount) => numberVector(call.type, grow(counts, groupCount), groupCount),
    result: (group) => BigInt(counts[group] ?? 0),
  };
};
