// The build side of a hash join: each key mapped to its first build row, the rest of its rows chained by index.
import type { RowKey } from '../kernels/row-keys.js';
import type { JoinKey } from './join-keys.js';
import { NumberMap } from './number-map.js';

/**
 * Rows with one key form a chain: `first(key)` gives the first, `next[row]` the following one, -1 ending both, in
 * row order. Flat Int32 chains instead of an array per key keep a build side of millions of rows to one map entry
 * per distinct key and 4 bytes per row.
 */
export interface JoinHashTable {
  readonly first: (key: RowKey) => number;
  readonly next: Int32Array;
  /** The build rows with a NULL key: they match no probe row, and NOT IN needs them apart. */
  readonly nullKeyRows: Int32Array;
  /** Number of build rows, NULL keys included. */
  readonly length: number;
}

/**
 * Indexes build rows by their join keys: in a NumberMap when every key is a number (one numeric key column, the
 * common case and the one a JS Map is slowest at), else in a Map.
 *
 * @example
 * const table = buildHashTable(joinKeys(keyVectors, build.length));
 * for (let row = table.first(key); row >= 0; row = table.next[row]!) { … }
 */
export function buildHashTable(keys: readonly JoinKey[]): JoinHashTable {
  const length = keys.length;
  const next = new Int32Array(length);
  let nullCount = 0;
  let numeric = true;
  for (let row = 0; row < length; row++) {
    const key = keys[row];
    if (key === undefined) nullCount++;
    else if (typeof key !== 'number') numeric = false;
  }
  // Inserting from the last row makes every chain run in row order, so output order follows the build side.
  const first = numeric ? indexNumbers(keys as readonly (number | undefined)[], next, length - nullCount) : indexKeys(keys, next);
  const nullKeyRows = new Int32Array(nullCount);
  if (nullCount > 0) for (let row = 0, k = 0; row < length; row++) if (keys[row] === undefined) nullKeyRows[k++] = row;
  return { first, next, nullKeyRows, length };
}

function indexNumbers(keys: readonly (number | undefined)[], next: Int32Array, count: number): JoinHashTable['first'] {
  const heads = new NumberMap(count);
  for (let row = keys.length - 1; row >= 0; row--) {
    const key = keys[row];
    if (key === undefined) continue;
    next[row] = heads.get(key);
    heads.set(key, row);
  }
  // A probe key that is not a number (a bigint beyond 2^53) cannot equal a build key that is.
  return (key) => (typeof key === 'number' ? heads.get(key) : -1);
}

function indexKeys(keys: readonly JoinKey[], next: Int32Array): JoinHashTable['first'] {
  const heads = new Map<RowKey, number>();
  for (let row = keys.length - 1; row >= 0; row--) {
    const key = keys[row];
    if (key === undefined) continue;
    next[row] = heads.get(key) ?? -1;
    heads.set(key, row);
  }
  return (key) => heads.get(key) ?? -1;
}
