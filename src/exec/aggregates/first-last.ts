// first(x[, ignoreNulls]), last(x[, ignoreNulls]) and any_value(x[, ignoreNulls]) (which is first): the value of
// the first or last row a group receives; with IGNORE NULLS (or a true second argument), of its first or last
// non-NULL one.
import type { ExecContext } from '../context.js';
import type { JsValue } from '../vector.js';
import { isNullAt, valueAt, vectorFromValues } from '../vector.js';
import type { AccumulatorFactory, AggregateCall } from './accumulator.js';
import { constantArg } from './constant-args.js';
import { grow } from './state.js';

function ignoresNulls(call: AggregateCall, ctx: ExecContext): boolean {
  return call.ignoreNulls || constantArg(call, 1, ctx) === true;
}

export const first: AccumulatorFactory = (call, ctx) => {
  const skipNulls = ignoresNulls(call, ctx);
  let taken = new Uint8Array(0);
  const values: JsValue[] = [];
  const result = (group: number): JsValue => values[group] ?? null;
  return {
    inputs: [call.args[0]!],
    update(args, groups, groupCount, rows) {
      taken = grow(taken, groupCount);
      const v = args[0]!;
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k]!;
        if (taken[g] === 1) continue;
        const r = rows === undefined ? k : rows[k]!;
        if (skipNulls && isNullAt(v, r)) continue;
        taken[g] = 1;
        values[g] = valueAt(v, r);
      }
    },
    results: (groupCount) => vectorFromValues(call.type, Array.from({ length: groupCount }, (_, g) => result(g))),
    result,
  };
};

export const last: AccumulatorFactory = (call, ctx) => {
  const skipNulls = ignoresNulls(call, ctx);
  // Each update walks its rows backwards and keeps only a group's last row of that update, found when the group's
  // stamp is not yet the update's number: one value read per group per update, not one per row.
  let stamps = new Int32Array(0);
  let update = 0;
  const values: JsValue[] = [];
  const result = (group: number): JsValue => values[group] ?? null;
  return {
    inputs: [call.args[0]!],
    update(args, groups, groupCount, rows) {
      stamps = grow(stamps, groupCount);
      update++;
      const v = args[0]!;
      for (let k = groups.length - 1; k >= 0; k--) {
        const g = groups[k]!;
        if (stamps[g] === update) continue;
        const r = rows === undefined ? k : rows[k]!;
        if (skipNulls && isNullAt(v, r)) continue;
        stamps[g] = update;
        values[g] = valueAt(v, r);
      }
    },
    results: (groupCount) => vectorFromValues(call.type, Array.from({ length: groupCount }, (_, g) => result(g))),
    result,
  };
};
