// SetOperationExec: INTERSECT and EXCEPT, ALL (multisets) or DISTINCT, with NULLs equal. The right side is counted
// by row value; the left side streams through the counts, and the rows it keeps are the output, in its order.
import type { SetOperationExec } from '../../physical/plan.js';
import type { StableKey } from '../aggregates/stable-keys.js';
import { stableRowKeys } from '../aggregates/stable-keys.js';
import { execute } from '../execute.js';
import { materialize } from '../join/materialize.js';
import { takeBatch } from '../kernels/take.js';
import type { Operator } from '../operator.js';

export const setOperation: Operator<'setOperationExec'> = async function* (node, ctx) {
  const right = await materialize(node.right, ctx);
  const counts = new Map<StableKey, number>();
  for (const key of stableRowKeys(right.columns, right.length)) counts.set(key, (counts.get(key) ?? 0) + 1);
  const keeps = leftRowFilter(node, counts);
  for await (const batch of execute(node.left, ctx)) {
    const keys = stableRowKeys(batch.columns, batch.length);
    const kept = new Int32Array(batch.length);
    let n = 0;
    for (let i = 0; i < batch.length; i++) if (keeps(keys[i]!)) kept[n++] = i;
    if (n > 0) yield n === batch.length ? batch : takeBatch(batch, kept.subarray(0, n));
  }
};

/**
 * Whether the next left row with `key` is output; it consumes `counts` (right-side rows per key) as it goes:
 * - INTERSECT ALL: a left row pairs off with one right row, so min(left, right) copies remain;
 * - EXCEPT ALL: a left row is cancelled by one right row, so max(left − right, 0) copies remain;
 * - DISTINCT: the first left row of a key that is (INTERSECT) or is not (EXCEPT) on the right, then its count
 *   drops to 0 so no later copy follows.
 */
function leftRowFilter(node: SetOperationExec, counts: Map<StableKey, number>): (key: StableKey) => boolean {
  if (node.op === 'intersect') {
    return (key) => {
      const c = counts.get(key);
      if (c === undefined || c === 0) return false;
      counts.set(key, node.all ? c - 1 : 0);
      return true;
    };
  }
  if (node.all) {
    return (key) => {
      const c = counts.get(key);
      if (c === undefined || c === 0) return true;
      counts.set(key, c - 1);
      return false;
    };
  }
  return (key) => {
    if (counts.has(key)) return false;
    // Seen now: later copies are dropped as if the key were on the right.
    counts.set(key, 0);
    return true;
  };
}
