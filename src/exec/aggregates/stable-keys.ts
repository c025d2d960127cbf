// Hash keys for grouping and DISTINCT that stay equal for equal values across batches: rowKeys with NULLs equal, and
// a one-column NULL keyed by a symbol, so that GroupIndex's per-layout fast paths (which key NULL without rowKeys)
// and this path give a column's NULLs one key whatever each batch's layout.
import type { RowKey } from '../kernels/row-keys.js';
import { rowKeys } from '../kernels/row-keys.js';
import type { Vector } from '../vector.js';

/** The key of a NULL in a one-column key: a value no string or number can equal. */
export const NULL_KEY: unique symbol = Symbol('NULL');

export type StableKey = RowKey | typeof NULL_KEY;

/** One key per row over `columns` (NULLs equal to each other), equal for equal values whatever the layouts. */
export function stableRowKeys(columns: readonly Vector[], length: number): StableKey[] {
  const keys = rowKeys(columns, length, 'nullsEqual') as StableKey[];
  if (columns.length === 1) {
    const nulls = columns[0]!.nulls;
    if (nulls) for (let i = 0; i < length; i++) if (nulls[i] === 1) keys[i] = NULL_KEY;
  }
  return keys;
}
