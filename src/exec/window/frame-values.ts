// first_value, last_value, nth_value (and any_value, which is first): the value at the first, last or n-th row of
// each frame — of its non-NULL rows with IGNORE NULLS — or NULL when the frame has no such row. O(1) per row.
import { take } from '../kernels/take.js';
import type { Vector } from '../vector.js';
import type { FrameBounds } from './frame-bounds.js';
import { nonNullIndex } from './non-null-index.js';
import type { WindowRows } from './window-rows.js';

/** Which row of the frame: the first, the last, or the n-th (1-based). */
export type FramePick = { readonly kind: 'first' } | { readonly kind: 'last' } | { readonly kind: 'nth'; readonly n: number };

/** `arg`'s value at the picked row of every row's frame, for every input row (in row id order). */
export function frameValueColumn(pick: FramePick, ignoreNulls: boolean, arg: Vector, rows: WindowRows, frame: FrameBounds): Vector {
  const { order } = rows;
  const source = new Int32Array(order.length).fill(-1);
  const { start, end } = frame;
  if (!ignoreNulls) {
    for (let p = 0; p < order.length; p++) {
      const at = pick.kind === 'first' ? start[p]! : pick.kind === 'last' ? end[p]! - 1 : start[p]! + pick.n - 1;
      if (at >= start[p]! && at < end[p]!) source[order[p]!] = order[at]!;
    }
    return take(arg, source);
  }
  // Count in non-NULL positions instead: the frame holds the k-th of them for before[start] ≤ k < before[end].
  const { positions, before } = nonNullIndex(arg, order);
  for (let p = 0; p < order.length; p++) {
    const from = before[start[p]!]!;
    const to = before[end[p]!]!;
    const k = pick.kind === 'first' ? from : pick.kind === 'last' ? to - 1 : from + pick.n - 1;
    if (k >= from && k < to) source[order[p]!] = order[positions[k]!]!;
  }
  return take(arg, source);
}
