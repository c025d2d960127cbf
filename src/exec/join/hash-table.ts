// The build side of a hash join: each key code mapped to its first build row, and the rows of each key side by side.
import type { Vector } from '../vector.js';
import type { KeyCodes } from './key-codes.js';
import { NumberMap } from './number-map.js';

/**
 * `heads` gives each probe row the first build row of its key; `next[row]` is the key's following row, -1 ending
 * the chain, in row order. Flat Int32 arrays instead of an array per key keep a build side of millions of rows to one
 * index entry per distinct key and a few bytes per row. When a key's rows lie scattered, following the chain would
 * miss the cache once per row, so they are also laid out side by side in `runs`.
 */
export interface JoinHashTable {
  /**
   * The first build row with each probe row's key (-1: none, and for every row without a code). The array is reused
   * by the next call.
   */
  heads(probe: KeyCodes): Int32Array;
  /**
   * `heads` straight from a probe key column, for a direct table of one integer column coded by its value minus
   * `offset`: no codes written out and read back. Undefined when the table or the column's layout has no such path.
   */
  headsOfColumn(column: Vector, offset: number): Int32Array | undefined;
  readonly next: Int32Array;
  /** No two build rows share a key: a primary key, the common case. */
  readonly unique: boolean;
  /** The rows of each key in `rows`, from `start[first]` for `length[first]` rows; absent when chains are short or in sequence. */
  readonly runs: Runs | undefined;
  /** The build rows with a NULL key: they match no probe row, and NOT IN needs them apart. */
  readonly nullKeyRows: Int32Array;
  /** Number of build rows, NULL keys included. */
  readonly length: number;
}

// Codes that are integers in a range at most this many times the build rows index an array directly: one load per
// probe row instead of a hashed probe, in no more memory than a NumberMap (which keeps 2-4 slots of 12 bytes per key).
const DIRECT_SPREAD = 4;
const DIRECT_MIN = 1 << 20;
// A direct array wider than this (in entries) and filled less than 1 in this many gets a bitmap screen.
const SCREEN_MIN_RANGE = 1 << 15;
const SCREEN_SPARSENESS = 8;
// Sparser integer codes still get a bitmap of the codes present when it is this small.
const BITMAP_MIN_BYTES = 2 << 20;
const BITMAP_BYTES_PER_ROW = 16;

/**
 * Indexes build rows by their key codes: in an array when the codes are dense integers (primary keys, dictionary
 * ids), else in a NumberMap.
 *
 * @example
 * const keys = encodeBuildKeys(keyVectors, build.length);
 * const table = buildHashTable(keys.build, keys.range);
 * const heads = table.heads(keys.probe(probeKeyVectors, probe.length));
 * for (let row = heads[p]!; row >= 0; row = table.next[row]!) { … }
 */
export function buildHashTable(keys: KeyCodes, range: number | undefined): JoinHashTable {
  const { codes, absent } = keys;
  const length = codes.length;
  const next = new Int32Array(length);
  let nullCount = 0;
  if (absent !== undefined) for (let row = 0; row < length; row++) nullCount += absent[row]!;
  const nullKeyRows = new Int32Array(nullCount);
  if (absent !== undefined) for (let row = 0, k = 0; row < length; row++) if (absent[row] === 1) nullKeyRows[k++] = row;
  const direct = range !== undefined && range <= Math.max(DIRECT_MIN, DIRECT_SPREAD * length);
  const first = direct ? indexDirect(codes, absent, next, range) : indexHashed(codes, absent, next, length - nullCount, range);
  let out = new Int32Array(0);
  const scratch = (n: number): Int32Array => {
    if (out.length < n) out = new Int32Array(n);
    return out.subarray(0, n);
  };
  const heads = (probe: KeyCodes): Int32Array => first(probe, scratch(probe.codes.length));
  const headsOfColumn = (column: Vector, offset: number): Int32Array | undefined => {
    const d = column.data;
    if (first.ofInts !== undefined && d.layout === 'i32') return first.ofInts(d.values, column.nulls, offset, scratch(column.length));
    if (first.ofDoubles !== undefined && d.layout === 'f64') return first.ofDoubles(d.values, column.nulls, offset, scratch(column.length));
    return undefined;
  };
  // One pass tells unique keys, and chains that only ever step to the next row (a build side clustered by its key,
  // as lineitem is by order), which are walked in sequence already.
  let unique = true;
  let adjacent = true;
  for (let row = 0; row < length; row++) {
    const n = next[row]!;
    if (n === -1 || (absent !== undefined && absent[row] === 1)) continue;
    unique = false;
    if (n !== row + 1) {
      adjacent = false;
      break;
    }
  }
  const runs = unique || adjacent ? undefined : runsOf(first(keys, new Int32Array(length)), length - nullCount);
  return { heads, headsOfColumn, next, unique, runs, nullKeyRows, length };
}

/** The rows of each key side by side: see `JoinHashTable`. */
export interface Runs {
  readonly start: Int32Array;
  readonly length: Int32Array;
  readonly rows: Int32Array;
}

/** The runs of rows by their first row (`firstOf[row]`, -1 for rows without a key), by a stable counting sort. */
function runsOf(firstOf: Int32Array, rowCount: number): Runs {
  const n = firstOf.length;
  const length = new Int32Array(n);
  for (let row = 0; row < n; row++) {
    const f = firstOf[row]!;
    if (f >= 0) length[f]!++;
  }
  const start = new Int32Array(n);
  for (let row = 0, at = 0; row < n; row++) {
    start[row] = at;
    at += length[row]!;
  }
  const rows = new Int32Array(rowCount);
  const cursor = start.slice();
  for (let row = 0; row < n; row++) {
    const f = firstOf[row]!;
    if (f >= 0) rows[cursor[f]!++] = row;
  }
  return { start, length, rows };
}

// Both index from the last row, which makes every chain run in row order, so the first row of a key is its first in
// row order (and output order follows the build side).

/** Writes each probe row's first build row into `out`, as long as the probe. */
type FirstRows = ((probe: KeyCodes, out: Int32Array) => Int32Array) & {
  /** The same from the values of one key column whose codes are integers: the value minus `offset`. */
  readonly ofInts?: (values: Int32Array, nulls: Uint8Array | undefined, offset: number, out: Int32Array) => Int32Array;
  readonly ofDoubles?: (values: Float64Array, nulls: Uint8Array | undefined, offset: number, out: Int32Array) => Int32Array;
};

function indexDirect(codes: Float64Array, absent: Uint8Array | undefined, next: Int32Array, range: number): FirstRows {
  const first = new Int32Array(range).fill(-1);
  for (let row = codes.length - 1; row >= 0; row--) {
    if (absent !== undefined && absent[row] === 1) continue;
    const code = codes[row]!;
    next[row] = first[code]!;
    first[code] = row;
  }
  // Probe codes lie in [0, range): the encoding gives a code only to values some build row has.
  const present = range > SCREEN_MIN_RANGE && codes.length * SCREEN_SPARSENESS < range ? bitmapOf(codes, absent, range) : undefined;
  const lookup: FirstRows = present
    ? (probe, out) => {
        // A large, sparse array (a filtered dimension table) is read through a bitmap that stays in cache: most probes miss.
        const n = out.length;
        const { codes: probeCodes, absent: probeAbsent } = probe;
        for (let i = 0; i < n; i++) {
          const code = probeCodes[i]!;
          const hit = (probeAbsent === undefined || probeAbsent[i] === 0) && (present[code >>> 5]! & (1 << (code & 31))) !== 0;
          out[i] = hit ? first[code]! : -1;
        }
        return out;
      }
    : (probe, out) => {
        const n = out.length;
        const { codes: probeCodes, absent: probeAbsent } = probe;
        if (probeAbsent === undefined) for (let i = 0; i < n; i++) out[i] = first[probeCodes[i]!]!;
        else for (let i = 0; i < n; i++) out[i] = probeAbsent[i] === 1 ? -1 : first[probeCodes[i]!]!;
        return out;
      };
  const ofInts = (values: Int32Array, nulls: Uint8Array | undefined, offset: number, out: Int32Array): Int32Array => {
    const n = out.length;
    for (let i = 0; i < n; i++) {
      // Out of range (or NULL) finds nothing.
      const code = values[i]! - offset;
      const hit = code >= 0 && code < range && (nulls === undefined || nulls[i] === 0) && (present === undefined || (present[code >>> 5]! & (1 << (code & 31))) !== 0);
      out[i] = hit ? first[code]! : -1;
    }
    return out;
  };
  const ofDoubles = (values: Float64Array, nulls: Uint8Array | undefined, offset: number, out: Int32Array): Int32Array => {
    const n = out.length;
    for (let i = 0; i < n; i++) {
      // Fractions and NaN, which a double key may hold, find nothing either.
      const code = values[i]! - offset;
      const hit =
        code >= 0 && code < range && code === Math.floor(code) && (nulls === undefined || nulls[i] === 0) && (present === undefined || (present[code >>> 5]! & (1 << (code & 31))) !== 0);
      out[i] = hit ? first[code]! : -1;
    }
    return out;
  };
  return Object.assign(lookup, { ofInts, ofDoubles });
}

function indexHashed(codes: Float64Array, absent: Uint8Array | undefined, next: Int32Array, count: number, range: number | undefined): FirstRows {
  const first = new NumberMap(count);
  for (let row = codes.length - 1; row >= 0; row--) {
    if (absent !== undefined && absent[row] === 1) continue;
    next[row] = first.swap(codes[row]!, row);
  }
  const present = range !== undefined && range <= 2 ** 31 && range / 8 <= Math.max(BITMAP_MIN_BYTES, BITMAP_BYTES_PER_ROW * codes.length) ? bitmapOf(codes, absent, range) : undefined;
  const lookup: FirstRows = present
    ? (probe, out) => {
        // A cache-resident bit per code settles most misses (a selective build side) before the map's random access.
        const n = out.length;
        const { codes: probeCodes, absent: probeAbsent } = probe;
        for (let i = 0; i < n; i++) {
          const code = probeCodes[i]!;
          const hit = (probeAbsent === undefined || probeAbsent[i] === 0) && (present[code >>> 5]! & (1 << (code & 31))) !== 0;
          out[i] = hit ? first.get(code) : -1;
        }
        return out;
      }
    : (probe, out) => {
        const n = out.length;
        const { codes: probeCodes, absent: probeAbsent } = probe;
        for (let i = 0; i < n; i++) out[i] = probeAbsent !== undefined && probeAbsent[i] === 1 ? -1 : first.get(probeCodes[i]!);
        return out;
      };
  if (range === undefined) return lookup;
  const ofInts = (values: Int32Array, nulls: Uint8Array | undefined, offset: number, out: Int32Array): Int32Array => {
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const code = values[i]! - offset;
      const hit = code >= 0 && code < range && (nulls === undefined || nulls[i] === 0) && (present === undefined || (present[code >>> 5]! & (1 << (code & 31))) !== 0);
      out[i] = hit ? first.get(code) : -1;
    }
    return out;
  };
  const ofDoubles = (values: Float64Array, nulls: Uint8Array | undefined, offset: number, out: Int32Array): Int32Array => {
    const n = out.length;
    for (let i = 0; i < n; i++) {
      const code = values[i]! - offset;
      const hit =
        code >= 0 && code < range && code === Math.floor(code) && (nulls === undefined || nulls[i] === 0) && (present === undefined || (present[code >>> 5]! & (1 << (code & 31))) !== 0);
      out[i] = hit ? first.get(code) : -1;
    }
    return out;
  };
  return Object.assign(lookup, { ofInts, ofDoubles });
}

/** One bit per code in [0, range), set for the codes some build row has. */
function bitmapOf(codes: Float64Array, absent: Uint8Array | undefined, range: number): Int32Array {
  const bits = new Int32Array(Math.ceil(range / 32));
  for (let row = 0; row < codes.length; row++) {
    if (absent !== undefined && absent[row] === 1) continue;
    const code = codes[row]!;
    bits[code >>> 5]! |= 1 << (code & 31);
  }
  return bits;
}
