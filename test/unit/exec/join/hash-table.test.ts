// The build-side hash table: one chain per key in row order, NULL-keyed rows set apart.
import { expect, it } from 'vitest';
import { buildHashTable } from '../../../../src/exec/join/hash-table.js';
import type { JoinHashTable } from '../../../../src/exec/join/hash-table.js';
import type { RowKey } from '../../../../src/exec/kernels/row-keys.js';

function chain(table: JoinHashTable, key: RowKey): number[] {
  const rows: number[] = [];
  for (let row = table.first(key); row >= 0; row = table.next[row]!) rows.push(row);
  return rows;
}

it('chains the rows of each key in row order and lists NULL-keyed rows', () => {
  const table = buildHashTable([7, 'a', 7, undefined, 7, 'a', undefined, 8]);
  expect(chain(table, 7)).toEqual([0, 2, 4]);
  expect(chain(table, 'a')).toEqual([1, 5]);
  expect(chain(table, 8)).toEqual([7]);
  expect(chain(table, 9)).toEqual([]);
  expect([...table.nullKeyRows]).toEqual([3, 6]);
  expect(table.length).toBe(8);
});

it('handles an empty build side', () => {
  const table = buildHashTable([]);
  expect(table.first(1)).toBe(-1);
  expect(table.nullKeyRows.length).toBe(0);
});

it('indexes numeric keys (NaN included) and finds no non-number key among them', () => {
  const table = buildHashTable([1.5, NaN, 1.5, undefined, 2 ** 60]);
  expect(chain(table, 1.5)).toEqual([0, 2]);
  expect(chain(table, NaN)).toEqual([1]);
  expect(chain(table, 2 ** 60)).toEqual([4]);
  expect(chain(table, 'n1152921504606846977')).toEqual([]);
});
