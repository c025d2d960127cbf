// max_by(x, ord) and min_by(x, ord): the x of the row with the greatest / least ord. Rows with a NULL ord are
// skipped, x may be NULL, and among rows with equal ords the last one wins, as in Spark's MaxMinBy.
import type { JsValue } from '../vector.js';
import { valueAt, vectorFromValues } from '../vector.js';
import type { AccumulatorFactory } from './accumulator.js';
import { Extremes } from './extremes.js';

function extremeBy(direction: 'least' | 'greatest'): AccumulatorFactory {
  return (call) => {
    const orderings = new Extremes(call.args[1]!.type, { direction, replaceTies: true });
    const values: JsValue[] = [];
    const result = (group: number): JsValue => (orderings.has(group) ? (values[group] ?? null) : null);
    return {
      inputs: call.args,
      update(args, groups, groupCount, rows) {
        const x = args[0]!;
        orderings.offer(args[1]!, groups, groupCount, rows, (k) => {
          values[groups[k]!] = valueAt(x, rows === undefined ? k : rows[k]!);
        });
      },
      results: (groupCount) => vectorFromValues(call.type, Array.from({ length: groupCount }, (_, g) => result(g))),
      result,
    };
  };
}

export const maxBy = extremeBy('greatest');
export const minBy = extremeBy('least');
