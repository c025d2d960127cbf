// Hash keys for grouping and DISTINCT that stay equal for equal values across batches, built on rowKeys with two
// gaps of rowKeys closed (reported to the kernel's owner; drop this file once rowKeys closes them):
// - a `big` vector keys each value as a tagged string, even the small ones that an `f64` vector of the same column
//   (another batch) keys as plain numbers, so 5 would form two groups;
// - one column keys NULL as the string '\u0001', the same key as that one-character string.
import type { RowKey } from '../kernels/row-keys.js';
import { rowKeys } from '../kernels/row-keys.js';
import { MAX_EXACT } from '../vector.js';
import type { Vector } from '../vector.js';

/** The key of a NULL in a one-column key: a value no string or number can equal. */
export const NULL_KEY: unique symbol = Symbol('NULL');

export type StableKey = RowKey | typeof NULL_KEY;

/** One key per row over `columns` (NULLs equal to each other), equal for equal values whatever the layouts. */
export function stableRowKeys(columns: readonly Vector[], length: number): StableKey[] {
  const keys = rowKeys(columns.map(exactNumbers), length, 'nullsEqual') as StableKey[];
  const bigColumns = columns.filter((c) => c.data.layout === 'big');
  if (bigColumns.length > 0) {
    // Rows holding a value beyond 2^53 keep rowKeys' tagged-string keys, which no number-keyed row can equal.
    const original = rowKeys(columns, length, 'nullsEqual') as StableKey[];
    for (let i = 0; i < length; i++) if (bigColumns.some((c) => isWide(c, i))) keys[i] = original[i]!;
  }
  if (columns.length === 1) {
    const nulls = columns[0]!.nulls;
    if (nulls) for (let i = 0; i < length; i++) if (nulls[i] === 1) keys[i] = NULL_KEY;
  }
  return keys;
}

// A `big` vector as an `f64` one, where the values that fit (the others are rekeyed by the caller).
function exactNumbers(v: Vector): Vector {
  const d = v.data;
  if (d.layout !== 'big') return v;
  const values = new Float64Array(v.length);
  for (let i = 0; i < v.length; i++) values[i] = Number(d.values[i]!);
  return { ...v, data: { layout: 'f64', values } };
}

function isWide(v: Vector, i: number): boolean {
  if (v.data.layout !== 'big' || v.nulls?.[i] === 1) return false;
  const x = v.data.values[i]!;
  return x >= MAX_EXACT || x <= -MAX_EXACT;
}
