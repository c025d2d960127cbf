// min(x) and max(x) over any orderable type, NULLs skipped; see compare.ts for the order.
import type { AccumulatorFactory } from './accumulator.js';
import { Extremes } from './extremes.js';

function extreme(direction: 'least' | 'greatest'): AccumulatorFactory {
  return (call) => {
    const extremes = new Extremes(call.type, { direction, replaceTies: false });
    return {
      inputs: call.args,
      update: (args, groups, groupCount, rows) => extremes.offer(args[0]!, groups, groupCount, rows),
      results: (groupCount) => extremes.vector(groupCount),
      result: (group) => extremes.value(group),
    };
  };
}

export const min = extreme('least');
export const max = extreme('greatest');
