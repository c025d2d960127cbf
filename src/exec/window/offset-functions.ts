// lag and lead: the value `offset` rows before or after the current one in its partition (of the non-NULL rows with
// IGNORE NULLS), or the default — evaluated at the current row, NULL when absent — where that row does not exist.
import { concatVectors } from '../kernels/concat.js';
import { take } from '../kernels/take.js';
import type { Vector } from '../vector.js';
import { nonNullIndex } from './non-null-index.js';
import type { WindowRows } from './window-rows.js';

/**
 * For every input row (in row id order). `shift` is the signed distance in window order: lag(x, 2) is -2, lead(x, 2)
 * is +2; a shift of 0 is the current row.
 */
export function offsetColumn(shift: number, ignoreNulls: boolean, arg: Vector, fallback: Vector | undefined, rows: WindowRows): Vector {
  const { order, partitionStarts } = rows;
  const n = order.length;
  // Index n + row picks the fallback's value at that row (the fallback is appended after the argument).
  const source = new Int32Array(n);
  const nonNull = ignoreNulls && shift !== 0 ? nonNullIndex(arg, order) : undefined;
  for (let part = 0; part < rows.partitionCount; part++) {
    const first = partitionStarts[part]!;
    const last = partitionStarts[part + 1]!;
    for (let p = first; p < last; p++) {
      const row = order[p]!;
      let target = -1;
      if (!nonNull) {
        const at = p + shift;
        if (at >= first && at < last) target = order[at]!;
      } else {
        // Backwards: the |shift|-th non-NULL position before p; forwards: the shift-th after it.
        const k = shift < 0 ? nonNull.before[p]! + shift : nonNull.before[p + 1]! + shift - 1;
        if (k >= nonNull.before[first]! && k < nonNull.before[last]!) target = order[nonNull.positions[k]!]!;
      }
      source[row] = target >= 0 ? target : fallback ? n + row : -1;
    }
  }
  return take(fallback ? concatVectors([arg, fallback]) : arg, source);
}
