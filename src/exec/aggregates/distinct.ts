// DISTINCT aggregates (count(DISTINCT a, b), sum(DISTINCT x), …): a group passes a combination of argument values
// on to the wrapped accumulator only the first time it sees it. NULLs count as values here; the wrapped
// aggregate skips them as it always does.
import type { Accumulator } from './accumulator.js';
import type { StableKey } from './stable-keys.js';
import { stableRowKeys } from './stable-keys.js';
import { selectRows } from './state.js';

/** Wraps `inner` so that each group sees each distinct combination of its inputs once. */
export function distinct(inner: Accumulator): Accumulator {
  const seen: Set<StableKey>[] = [];
  return {
    inputs: inner.inputs,
    update(args, groups, groupCount, rows) {
      // No inputs (count(DISTINCT 1)): every row has the same, empty combination.
      const keys = args.length > 0 ? stableRowKeys(selectRows(args, rows), groups.length) : undefined;
      const keptGroups = new Int32Array(groups.length);
      const keptRows = new Int32Array(groups.length);
      let kept = 0;
      for (let k = 0; k < groups.length; k++) {
        const g = groups[k]!;
        const key = keys ? keys[k]! : '';
        const groupSeen = (seen[g] ??= new Set());
        if (groupSeen.has(key)) continue;
        groupSeen.add(key);
        keptGroups[kept] = g;
        keptRows[kept++] = rows === undefined ? k : rows[k]!;
      }
      inner.update(args, keptGroups.subarray(0, kept), groupCount, keptRows.subarray(0, kept));
    },
    results: (groupCount) => inner.results(groupCount),
    result: (group) => inner.result(group),
  };
}
