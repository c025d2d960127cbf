// Where the non-NULL values lie in window order: what IGNORE NULLS counts over (lag/lead, first/last/nth_value).
import type { Vector } from '../vector.js';

export interface NonNullIndex {
  /** The positions holding a non-NULL value, in order. */
  readonly positions: Int32Array;
  /** before[p]: how many of them lie before position p (one entry more than positions, so before[length] is the total). */
  readonly before: Int32Array;
}

/** The non-NULL positions of `v`, whose row ids in window order are `order`. */
export function nonNullIndex(v: Vector, order: Int32Array): NonNullIndex {
  const n = order.length;
  const positions = new Int32Array(n);
  const before = new Int32Array(n + 1);
  let count = 0;
  for (let p = 0; p < n; p++) {
    before[p] = count;
    if (v.nulls === undefined || v.nulls[order[p]!] === 0) positions[count++] = p;
  }
  before[n] = count;
  return { positions: positions.subarray(0, count), before };
}
