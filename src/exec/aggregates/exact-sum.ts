// Exact per-group sums of integers (integral values, and decimals' unscaled values): each group's running sum is a
// double while it stays inside ±2^53, where doubles are exact, and spills into a bigint part when it would leave.
// Per-value bigint arithmetic is many times slower than double arithmetic, and spills are rare.
import type { Vector } from '../vector.js';
import { MAX_EXACT } from '../vector.js';
import { grow } from './state.js';

export class ExactSums {
  /** The part of each sum kept in a double, always strictly inside ±2^53. */
  private low = new Float64Array(0);
  /** The part spilled out of `low`, for groups whose sum left ±2^53 at least once. */
  private readonly high: (bigint | undefined)[] = [];
  /** The non-NULL values added to each group. */
  private counts = new Float64Array(0);

  /** Adds the non-NULL integer values of `v` (layouts `i32`, `f64` holding integers, or `big`). */
  add(v: Vector, groups: Int32Array, groupCount: number, rows?: Int32Array): void {
    this.low = grow(this.low, groupCount);
    this.counts = grow(this.counts, groupCount);
    const { low, high, counts } = this;
    const nulls = v.nulls;
    const d = v.data;
    if (d.layout === 'big') {
      for (let k = 0; k < groups.length; k++) {
        const r = rows === undefined ? k : rows[k]!;
        if (nulls !== undefined && nulls[r] === 1) continue;
        const g = groups[k]!;
        high[g] = (high[g] ?? 0n) + d.values[r]!;
        counts[g]!++;
      }
      return;
    }
    if (d.layout !== 'i32' && d.layout !== 'f64') throw new TypeError(`an exact sum cannot read a ${d.layout} vector`);
    // The common shape (every row, no NULLs, doubles) gets its own loop: no per-row checks of `rows` or `nulls`,
    // and one element type, as V8's fastest loops want.
    let spill: number;
    if (d.layout === 'i32') spill = addI32(low, counts, d.values, groups, nulls, rows);
    else if (rows === undefined && nulls === undefined) spill = addDense(low, counts, d.values, groups);
    else spill = addF64(low, counts, d.values, groups, nulls, rows);
    if (spill >= 0) this.addSlowly(d.values, groups, nulls, rows, spill);
  }

  // From position `from` on, with spills into bigints (kept out of the loops below, which they would slow).
  private addSlowly(values: Float64Array | Int32Array, groups: Int32Array, nulls: Uint8Array | undefined, rows: Int32Array | undefined, from: number): void {
    const { low, counts } = this;
    for (let k = from; k < groups.length; k++) {
      const r = rows === undefined ? k : rows[k]!;
      if (nulls !== undefined && nulls[r] === 1) continue;
      const g = groups[k]!;
      const x = values[r]!;
      const s = low[g]! + x;
      // Both terms are exact integers below 2^53, so a sum that stays below 2^53 is exact; one that does not may be
      // rounded, but rounding never brings it back below 2^53, so the test catches every inexact sum.
      if (s < MAX_EXACT && s > -MAX_EXACT) low[g] = s;
      else this.spill(g, x);
      counts[g]!++;
    }
  }

  // Moves a group's double part and `x` into its bigint part (kept out of the loop above, which it would slow).
  private spill(g: number, x: number): void {
    this.high[g] = (this.high[g] ?? 0n) + BigInt(this.low[g]!) + BigInt(x);
    this.low[g] = 0;
  }

  /** How many non-NULL values reached the group. */
  count(group: number): number {
    return this.counts[group] ?? 0;
  }

  /** The exact sum: a number while it never left ±2^53, else a bigint. */
  total(group: number): number | bigint {
    const low = this.low[group] ?? 0;
    const high = this.high[group];
    return high === undefined ? low : high + BigInt(low);
  }
}

// The loops below stop at the first sum that would leave ±2^53 and return its position (-1 when there is none), so
// that the caller finishes the batch on the slow path; they leave that row untouched.

function addDense(low: Float64Array, counts: Float64Array, values: Float64Array, groups: Int32Array): number {
  for (let k = 0; k < groups.length; k++) {
    const g = groups[k]!;
    const s = low[g]! + values[k]!;
    if (!(s < MAX_EXACT && s > -MAX_EXACT)) return k;
    low[g] = s;
    counts[g]!++;
  }
  return -1;
}

function addF64(low: Float64Array, counts: Float64Array, values: Float64Array, groups: Int32Array, nulls: Uint8Array | undefined, rows: Int32Array | undefined): number {
  for (let k = 0; k < groups.length; k++) {
    const r = rows === undefined ? k : rows[k]!;
    if (nulls !== undefined && nulls[r] === 1) continue;
    const g = groups[k]!;
    const s = low[g]! + values[r]!;
    if (!(s < MAX_EXACT && s > -MAX_EXACT)) return k;
    low[g] = s;
    counts[g]!++;
  }
  return -1;
}

function addI32(low: Float64Array, counts: Float64Array, values: Int32Array, groups: Int32Array, nulls: Uint8Array | undefined, rows: Int32Array | undefined): number {
  for (let k = 0; k < groups.length; k++) {
    const r = rows === undefined ? k : rows[k]!;
    if (nulls !== undefined && nulls[r] === 1) continue;
    const g = groups[k]!;
    const s = low[g]! + values[r]!;
    if (!(s < MAX_EXACT && s > -MAX_EXACT)) return k;
    low[g] = s;
    counts[g]!++;
  }
  return -1;
}
