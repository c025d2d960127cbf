// Growable per-group state: typed arrays indexed by group id that double in length when a larger id arrives; and
// the rows an update brings.
import { take } from '../kernels/take.js';
import { doublesOf } from '../kernels/vector-helpers.js';
import type { Vector } from '../vector.js';

type StateArray = Float64Array | Int32Array | Uint8Array;

/**
 * `array` if it already holds `groupCount` groups, else a copy at least twice as long whose new entries are `fill`.
 *
 * @example counts = grow(counts, groupCount); // then counts[g] exists for every g < groupCount
 */
export function grow<T extends StateArray>(array: T, groupCount: number, fill = 0): T {
  if (groupCount <= array.length) return array;
  const Ctor = array.constructor as new (length: number) => T;
  const next = new Ctor(Math.max(groupCount, array.length * 2, 16));
  next.set(array as never);
  if (fill !== 0) next.fill(fill, array.length);
  return next;
}

/** The group ids of the chosen rows, aligned with `rows` (a FILTER keeps some rows of a batch whose ids are per row). */
export function groupsOfRows(groupIds: Int32Array, rows: Int32Array): Int32Array {
  const out = new Int32Array(rows.length);
  for (let k = 0; k < rows.length; k++) out[k] = groupIds[rows[k]!]!;
  return out;
}

/**
 * The argument vectors cut down to `rows` (row k of the result is row `rows[k]`), or as they are without `rows`. For
 * accumulators that read or convert whole vectors: a window adding one row at a time to a group must not pay for
 * the whole partition on every step.
 */
export function selectRows(args: readonly Vector[], rows: Int32Array | undefined): readonly Vector[] {
  return rows === undefined ? args : args.map((a) => take(a, rows));
}

/** An update's numeric arguments as typed arrays of numbers, for aggregates that compute in doubles. */
export interface DoubleArgs {
  readonly values: readonly (Float64Array | Int32Array | Uint8Array)[];
  readonly nulls: readonly (Uint8Array | undefined)[];
  /** The rows to read, as for `update` (absent once the arguments were cut down to the update's rows). */
  readonly rows: Int32Array | undefined;
}

/**
 * The arguments as numbers: typed-array layouts as they are, `big` vectors (64-bit values beyond 2^53) rounded to
 * the nearest doubles, converting only the update's rows. Not for decimals, whose values are unscaled.
 */
export function doubleArgs(args: readonly Vector[], rows: Int32Array | undefined): DoubleArgs {
  const convert = args.some((a) => a.data.layout === 'big');
  const vectors = convert ? selectRows(args, rows) : args;
  return { values: vectors.map(doublesOf), nulls: vectors.map((v) => v.nulls), rows: convert ? undefined : rows };
}
