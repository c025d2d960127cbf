// collect_list(x) and collect_set(x): a group's non-NULL values as an array (empty, never NULL, for a group without
// any), in arrival order; collect_set keeps only the first of equal values.
import type { JsValue } from '../vector.js';
import { isNullAt, valueAt, vectorFromValues } from '../vector.js';
import type { AccumulatorFactory } from './accumulator.js';
import type { StableKey } from './stable-keys.js';
import { stableRowKeys } from './stable-keys.js';
import { selectRows } from './state.js';

function collect(distinct: boolean): AccumulatorFactory {
  return (call) => {
    const lists: JsValue[][] = [];
    const seen: Set<StableKey>[] = [];
    // A copy: a window reads a group's list, then keeps adding rows to it.
    const result = (group: number): JsValue[] => lists[group]?.slice() ?? [];
    return {
      inputs: call.args,
      update(args, groups, _groupCount, rows) {
        const v = args[0]!;
        const keys = distinct ? stableRowKeys(selectRows([v], rows), groups.length) : undefined;
        for (let k = 0; k < groups.length; k++) {
          const r = rows === undefined ? k : rows[k]!;
          if (isNullAt(v, r)) continue;
          const g = groups[k]!;
          if (keys) {
            const groupSeen = (seen[g] ??= new Set());
            if (groupSeen.has(keys[k]!)) continue;
            groupSeen.add(keys[k]!);
          }
          (lists[g] ??= []).push(valueAt(v, r));
        }
      },
      results: (groupCount) => vectorFromValues(call.type, Array.from({ length: groupCount }, (_, g) => result(g))),
      result,
    };
  };
}

export const collectList = collect(false);
export const collectSet = collect(true);
