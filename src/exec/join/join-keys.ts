// Join keys: one Map key per row over the key columns, equal exactly when `=` holds in every column.
import type { RowKey } from '../kernels/row-keys.js';
import { rowKeys } from '../kernels/row-keys.js';
import type { Vector } from '../vector.js';

/** A row's join key; `undefined` when a key column is NULL there, so the row matches nothing. */
export type JoinKey = RowKey | undefined;

/**
 * The join key of each row over `columns` (one vector per key expression, all of `length` rows).
 *
 * @example
 * joinKeys([ids], batch.length) // [7, 12, undefined, …] for ids 7, 12, NULL, …
 */
export function joinKeys(columns: readonly Vector[], length: number): JoinKey[] {
  return rowKeys(columns, length, 'nullsNeverMatch');
}

/** The key of each value of one column (`undefined` at NULLs); multi-column NOT IN compares these one by one. */
export function columnKeys(c: Vector, length: number): JoinKey[] {
  return rowKeys([c], length, 'nullsNeverMatch');
}

/** Whether two non-NULL column keys are equal values: SQL `=` as Spark has it, where NaN equals NaN. */
export function sameKey(a: RowKey, b: RowKey): boolean {
  return a === b || (a !== a && b !== b);
}
