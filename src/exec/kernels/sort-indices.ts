// Stable multi-key sorting into an index permutation (ORDER BY, top-n, window partitions), in Spark's order: NULLs
// first or last as asked, NaN above every other double, -0.0 equal to 0.0, strings by code point.
import { assertNever } from '../../common/assert-never.js';
import { comparatorOf, compareNumbers, compareStrings } from '../aggregates/compare.js';
import type { Vector } from '../vector.js';

/** One ORDER BY key, evaluated over the rows being sorted. */
export interface SortColumn {
  readonly vector: Vector;
  readonly ascending: boolean;
  readonly nullsFirst: boolean;
}

/** Compares rows i and j of the same vectors: negative when i sorts first, 0 when their keys are equal. */
export type RowComparator = (i: number, j: number) => number;

/**
 * The permutation listing rows 0 … length-1 in key order; rows with equal keys keep their input order.
 *
 * @example
 * const order = sortIndices([{ vector: price, ascending: false, nullsFirst: false }], batch.length);
 * const sorted = takeBatch(batch, order);
 */
export function sortIndices(keys: readonly SortColumn[], length: number): Int32Array {
  let order: Int32Array = new Int32Array(length);
  for (let i = 0; i < length; i++) order[i] = i;
  // Least significant key first: every pass is stable, so the first key decides and the later ones break its ties.
  for (let k = keys.length - 1; k >= 0; k--) order = sortByKey(keys[k]!, order);
  return order;
}

/**
 * A comparator of rows by all `keys`, agreeing with `sortIndices` (ties compare 0: callers that need stability
 * break them by position).
 */
export function rowComparator(keys: readonly SortColumn[]): RowComparator {
  const compares = keys.map(keyComparator);
  if (compares.length === 1) return compares[0]!;
  return (i, j) => {
    for (const compare of compares) {
      const c = compare(i, j);
      if (c !== 0) return c;
    }
    return 0;
  };
}

function keyComparator(key: SortColumn): RowComparator {
  const compare = valueComparator(key.vector);
  const nulls = key.vector.nulls;
  const direction = key.ascending ? 1 : -1;
  if (!nulls) return key.ascending ? compare : (i, j) => compare(j, i);
  const nullSide = key.nullsFirst ? -1 : 1;
  return (i, j) => {
    const a = nulls[i]!;
    const b = nulls[j]!;
    if (a === 1 || b === 1) return a === b ? 0 : a === 1 ? nullSide : -nullSide;
    return direction * compare(i, j);
  };
}

/** Ascending comparison of two non-NULL rows of `v`. */
function valueComparator(v: Vector): RowComparator {
  const d = v.data;
  switch (d.layout) {
    case 'bool':
    case 'i32': {
      const values = d.values;
      return (i, j) => values[i]! - values[j]!;
    }
    case 'f64': {
      const values = d.values;
      return (i, j) => compareNumbers(values[i]!, values[j]!);
    }
    case 'dict': {
      const ranks = dictionaryRanks(d.dictionary);
      const codes = d.codes;
      return (i, j) => ranks[codes[i]!]! - ranks[codes[j]!]!;
    }
    case 'str': {
      const values = d.values;
      const compare = stringComparator(values);
      return (i, j) => compare(values[i]!, values[j]!);
    }
    case 'big': {
      const values = d.values;
      return (i, j) => {
        const a = values[i]!;
        const b = values[j]!;
        return a < b ? -1 : a > b ? 1 : 0;
      };
    }
    case 'obj': {
      const values = d.values;
      const compare = comparatorOf(v.type);
      return (i, j) => compare(values[i], values[j]);
    }
    default:
      return assertNever(d, 'vector layout');
  }
}

/** Stable sort of `order` (row ids) by one key, NULL rows gathered first or last. */
function sortByKey(key: SortColumn, order: Int32Array): Int32Array {
  const nulls = key.vector.nulls;
  if (!nulls) return sortValues(key.vector, key.ascending, order);
  const valueRows = new Int32Array(order.length);
  const nullRows = new Int32Array(order.length);
  let values = 0;
  let nullCount = 0;
  for (let q = 0; q < order.length; q++) {
    const row = order[q]!;
    if (nulls[row] === 1) nullRows[nullCount++] = row;
    else valueRows[values++] = row;
  }
  const sorted = sortValues(key.vector, key.ascending, valueRows.subarray(0, values));
  const out = new Int32Array(order.length);
  out.set(key.nullsFirst ? nullRows.subarray(0, nullCount) : sorted, 0);
  out.set(key.nullsFirst ? sorted : nullRows.subarray(0, nullCount), key.nullsFirst ? nullCount : values);
  return out;
}

/** Stable sort of non-NULL rows by their values: radix sort for numbers and dictionary strings, else a comparator. */
function sortValues(v: Vector, ascending: boolean, order: Int32Array): Int32Array {
  const d = v.data;
  switch (d.layout) {
    case 'bool':
    case 'i32':
    case 'f64':
      return sortNumbers(d.values, ascending, order);
    case 'dict': {
      const ranks = dictionaryRanks(d.dictionary);
      const rowRanks = new Int32Array(v.length);
      for (const row of order) rowRanks[row] = ranks[d.codes[row]!]!;
      return sortNumbers(rowRanks, ascending, order);
    }
    case 'str':
    case 'big':
    case 'obj':
      return sortWithComparator(valueComparator(v), ascending, order);
    default:
      return assertNever(d, 'vector layout');
  }
}

function sortWithComparator(compare: RowComparator, ascending: boolean, order: Int32Array): Int32Array {
  // Sort positions in `order`, not row ids, so that ties fall back to the current order.
  const positions = new Int32Array(order.length);
  for (let q = 0; q < positions.length; q++) positions[q] = q;
  positions.sort(
    ascending
      ? (a, b) => compare(order[a]!, order[b]!) || a - b
      : (a, b) => compare(order[b]!, order[a]!) || a - b,
  );
  const out = new Int32Array(order.length);
  for (let q = 0; q < out.length; q++) out[q] = order[positions[q]!]!;
  return out;
}

// ───────────────────────────── radix sort of numbers ─────────────────────────────

const DIGIT_BITS = 11;
const RADIX = 1 << DIGIT_BITS;
const DIGIT_MASK = RADIX - 1;
/** Digit shifts within one 32-bit word: 11 + 11 + 10 bits. */
const SHIFTS = [0, DIGIT_BITS, 2 * DIGIT_BITS] as const;

/**
 * Integers spanning less than 2^16 (booleans, dictionary ranks, most ints and dates) sort by counting; spanning less
 * than 2^32 (also integral doubles such as decimals and timestamps) as one 32-bit word offset from their minimum; any
 * other doubles as 64 order-preserving bits.
 */
function sortNumbers(values: Float64Array | Int32Array | Uint8Array, ascending: boolean, order: Int32Array): Int32Array {
  const n = order.length;
  if (n < 2) return order.slice();
  // Gathered once: `order` is usually a permutation already, and random reads are the slow part.
  const keys = new Float64Array(n);
  let min = Infinity;
  let max = -Infinity;
  let integral = true;
  for (let q = 0; q < n; q++) {
    const x = values[order[q]!]!;
    keys[q] = x;
    if (x < min) min = x;
    if (x > max) max = x;
    // NaN and infinities fail this too.
    if (x - Math.floor(x) !== 0) integral = false;
  }
  if (integral && max - min < COUNTING_LIMIT) return countingSort(order, keys, ascending ? -min : max, ascending ? 1 : -1, max - min + 1);
  if (integral && max - min < 2 ** 32) {
    const word = new Uint32Array(n);
    for (let q = 0; q < n; q++) word[q] = ascending ? keys[q]! - min : max - keys[q]!;
    return radixSort(order, word, undefined);
  }
  const lo = new Uint32Array(n);
  const hi = new Uint32Array(n);
  const scratch = new Float64Array(1);
  const bits = new Uint32Array(scratch.buffer);
  // Little-endian word order, as on every platform Node runs on.
  for (let q = 0; q < n; q++) {
    const x = keys[q]!;
    // One NaN bit pattern (above +Infinity once transformed), and -0.0 as 0.0.
    scratch[0] = x !== x ? NaN : x === 0 ? 0 : x;
    let h = bits[1]!;
    let l = bits[0]!;
    // IEEE order → unsigned order: negatives have every bit flipped, positives only the sign bit.
    if (h >>> 31 === 1) {
      h = ~h >>> 0;
      l = ~l >>> 0;
    } else h = (h | 0x80000000) >>> 0;
    hi[q] = ascending ? h : ~h >>> 0;
    lo[q] = ascending ? l : ~l >>> 0;
  }
  return radixSort(order, lo, hi);
}

const COUNTING_LIMIT = 1 << 16;

/** One stable counting pass over `buckets` values: the bucket of position q is offset + sign·keys[q]. */
function countingSort(order: Int32Array, keys: Float64Array, offset: number, sign: number, buckets: number): Int32Array {
  const n = order.length;
  const starts = new Int32Array(buckets + 1);
  for (let q = 0; q < n; q++) starts[offset + sign * keys[q]! + 1]!++;
  for (let b = 0; b < buckets; b++) starts[b + 1]! += starts[b]!;
  const out = new Int32Array(n);
  for (let q = 0; q < n; q++) out[starts[offset + sign * keys[q]!]!++] = order[q]!;
  return out;
}

/**
 * LSD radix sort of `order` by the unsigned key (hi·2^32 + lo) held at each position (not each row id), 11 bits a
 * pass; digits that are equal everywhere are skipped, so small ranges take one or two passes.
 */
function radixSort(order: Int32Array, lo: Uint32Array, hi: Uint32Array | undefined): Int32Array {
  const n = order.length;
  const words = hi ? 2 : 1;
  const counts = new Int32Array(words * SHIFTS.length * RADIX);
  for (let q = 0; q < n; q++) {
    const l = lo[q]!;
    counts[l & DIGIT_MASK]!++;
    counts[RADIX + ((l >>> DIGIT_BITS) & DIGIT_MASK)]!++;
    counts[2 * RADIX + (l >>> (2 * DIGIT_BITS))]!++;
  }
  if (hi) {
    for (let q = 0; q < n; q++) {
      const h = hi[q]!;
      counts[3 * RADIX + (h & DIGIT_MASK)]!++;
      counts[4 * RADIX + ((h >>> DIGIT_BITS) & DIGIT_MASK)]!++;
      counts[5 * RADIX + (h >>> (2 * DIGIT_BITS))]!++;
    }
  }
  let rows: Int32Array = order.slice();
  let rowsOut: Int32Array = new Int32Array(n);
  let loIn = lo;
  let loOut: Uint32Array = new Uint32Array(n);
  let hiIn = hi;
  let hiOut: Uint32Array | undefined = hi ? new Uint32Array(n) : undefined;
  for (let pass = 0; pass < words * SHIFTS.length; pass++) {
    const base = pass * RADIX;
    if (!toOffsets(counts, base, n)) continue;
    const shift = SHIFTS[pass % SHIFTS.length]!;
    if (pass < SHIFTS.length) {
      // Passes over the low word carry both words along, so later passes read them in order.
      scatter(counts, base, shift, loIn, rows, rowsOut, loOut, hiIn, hiOut);
      [loIn, loOut] = [loOut, loIn];
      [hiIn, hiOut] = [hiOut, hiIn];
    } else {
      scatter(counts, base, shift, hiIn!, rows, rowsOut, hiOut!, undefined, undefined);
      [hiIn, hiOut] = [hiOut, hiIn];
    }
    [rows, rowsOut] = [rowsOut, rows];
  }
  return rows;
}

/** Turns one digit's counts into starting offsets; false when one digit value holds every row (nothing to do). */
function toOffsets(counts: Int32Array, base: number, n: number): boolean {
  let sum = 0;
  for (let d = 0; d < RADIX; d++) {
    const c = counts[base + d]!;
    if (c === n) return false;
    counts[base + d] = sum;
    sum += c;
  }
  return true;
}

function scatter(
  offsets: Int32Array,
  base: number,
  shift: number,
  key: Uint32Array,
  rows: Int32Array,
  rowsOut: Int32Array,
  keyOut: Uint32Array,
  carried: Uint32Array | undefined,
  carriedOut: Uint32Array | undefined,
): void {
  const n = rows.length;
  if (carried && carriedOut) {
    for (let q = 0; q < n; q++) {
      const k = key[q]!;
      const at = offsets[base + ((k >>> shift) & DIGIT_MASK)]!++;
      rowsOut[at] = rows[q]!;
      keyOut[at] = k;
      carriedOut[at] = carried[q]!;
    }
    return;
  }
  for (let q = 0; q < n; q++) {
    const k = key[q]!;
    const at = offsets[base + ((k >>> shift) & DIGIT_MASK)]!++;
    rowsOut[at] = rows[q]!;
    keyOut[at] = k;
  }
}

// ───────────────────────────── strings ─────────────────────────────

/** The rank of every dictionary entry in code point order (equal entries share a rank). */
function dictionaryRanks(dictionary: readonly string[]): Int32Array {
  const entries = Array.from(dictionary.keys()).sort((a, b) => compareStrings(dictionary[a]!, dictionary[b]!));
  const ranks = new Int32Array(dictionary.length);
  let rank = 0;
  for (let k = 0; k < entries.length; k++) {
    if (k > 0 && dictionary[entries[k]!] !== dictionary[entries[k - 1]!]) rank++;
    ranks[entries[k]!] = rank;
  }
  return ranks;
}

const SURROGATE = /[\uD800-\uDFFF]/;

/**
 * JS's `<` (UTF-16 unit order, fast) when no value has a surrogate pair, since only those order differently by
 * code point; else the exact code point comparison.
 */
function stringComparator(values: readonly string[]): (a: string, b: string) => number {
  if (values.some((s) => SURROGATE.test(s))) return compareStrings;
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}
