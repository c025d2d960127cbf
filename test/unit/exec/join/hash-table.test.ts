// The build-side hash table: one chain (and, when scattered, one run) of rows per key code in row order, NULL-keyed rows set apart, direct or hashed.
import { expect, it } from 'vitest';
import { buildHashTable } from '../../../../src/exec/join/hash-table.js';
import type { JoinHashTable } from '../../../../src/exec/join/hash-table.js';

/** Each probe row's build rows, read from the chains and, when the table has them, from the runs too. */
function chains(table: JoinHashTable, codes: readonly number[]): number[][] {
  const heads = table.heads({ codes: Float64Array.from(codes), absent: undefined });
  return [...heads].map((head) => {
    const rows: number[] = [];
    for (let row = head; row >= 0; row = table.next[row]!) rows.push(row);
    if (table.runs && head >= 0) {
      const start = table.runs.start[head]!;
      expect([...table.runs.rows.subarray(start, start + table.runs.length[head]!)]).toEqual(rows);
    }
    return rows;
  });
}

const absent = (flags: readonly number[]) => Uint8Array.from(flags);

it('chains the rows of each code in row order and lists NULL-keyed rows, indexed directly or hashed', () => {
  for (const range of [10, undefined]) {
    const table = buildHashTable({ codes: Float64Array.from([7, 1, 7, 0, 7, 1, 0, 8]), absent: absent([0, 0, 0, 1, 0, 0, 1, 0]) }, range);
    expect(chains(table, [7, 1, 8, 9, 0])).toEqual([[0, 2, 4], [1, 5], [7], [], []]);
    expect([...table.nullKeyRows]).toEqual([3, 6]);
    expect(table.length).toBe(8);
    expect(table.unique).toBe(false);
    expect(table.runs).toBeDefined();
  }
});

it('walks the chains of a build side clustered by key as they are', () => {
  for (const range of [10, undefined]) {
    const table = buildHashTable({ codes: Float64Array.from([1, 1, 9, 2, 2, 2, 3]), absent: Uint8Array.from([0, 0, 1, 0, 0, 0, 0]) }, range);
    expect(table.unique).toBe(false);
    expect(table.runs).toBeUndefined();
    expect(chains(table, [2, 1, 3, 9, 4])).toEqual([[3, 4, 5], [0, 1], [6], [], []]);
  }
});

it('gives probe rows without a code no build row', () => {
  for (const range of [10, undefined]) {
    const table = buildHashTable({ codes: Float64Array.from([1, 2, 2]), absent: Uint8Array.from([0, 0, 1]) }, range);
    expect(table.unique).toBe(true);
    expect([...table.heads({ codes: Float64Array.from([1, 2, 2]), absent: absent([0, 1, 0]) })]).toEqual([0, -1, 1]);
  }
});

it('finds sparse integer codes, too wide for an array, through a bitmap and the map', () => {
  const table = buildHashTable({ codes: Float64Array.from([5, 3_000_000, 5, 64]), absent: Uint8Array.from([0, 0, 0, 1]) }, 4_000_000);
  expect(chains(table, [5, 3_000_000, 64, 6, 3_999_999])).toEqual([[0, 2], [1], [], [], []]);
  expect([...table.heads({ codes: Float64Array.from([5, 5]), absent: Uint8Array.from([1, 0]) })]).toEqual([-1, 0]);
});

it('screens a wide, sparse array through a bitmap', () => {
  const table = buildHashTable({ codes: Float64Array.from([5, 40_000, 5, 64]), absent: Uint8Array.from([0, 0, 0, 1]) }, 50_000);
  expect(chains(table, [5, 40_000, 64, 6, 49_999, 0])).toEqual([[0, 2], [1], [], [], [], []]);
  expect([...table.heads({ codes: Float64Array.from([5, 5]), absent: Uint8Array.from([1, 0]) })]).toEqual([-1, 0]);
});

it('handles an empty build side', () => {
  const table = buildHashTable({ codes: new Float64Array(0), absent: undefined }, 0);
  expect([...table.heads({ codes: Float64Array.from([0]), absent: absent([1]) })]).toEqual([-1]);
  expect(table.nullKeyRows.length).toBe(0);
});

it('hashes any doubles: fractions, NaN, beyond 2^31', () => {
  const table = buildHashTable({ codes: Float64Array.from([1.5, NaN, 1.5, 2 ** 40]), absent: undefined }, undefined);
  expect(chains(table, [1.5, NaN, 2 ** 40, 2 ** 40 + 1])).toEqual([[0, 2], [1], [3], []]);
});

it('pairs each probe row with the one build row of its key when keys are unique, in chunks', async () => {
  const { hashPairs } = await import('../../../../src/exec/join/hash-pairs.js');
  const { PairBuffer } = await import('../../../../src/exec/join/pairs.js');
  const table = buildHashTable({ codes: Float64Array.from([5, 3, 9]), absent: undefined }, 10);
  expect(table.unique).toBe(true);
  const heads = table.heads({ codes: Float64Array.from([3, 4, 9, 9, 5]), absent: Uint8Array.from([0, 1, 0, 0, 0]) });
  // A chunk's arrays are valid until the next is asked for: copy each as it comes.
  const chunks: number[][][] = [];
  for (const c of hashPairs(heads, table, { firstPairDecides: true }, new PairBuffer(2))) chunks.push([[...c.probe], [...c.build]]);
  expect(chunks).toEqual([[[0], [1]], [[2, 3], [2, 2]], [[4], [0]]]);
});

it('pairs every probe row with all build rows of its key, in chunks, and skips settled rows when asked', async () => {
  const { hashPairs } = await import('../../../../src/exec/join/hash-pairs.js');
  const { PairBuffer } = await import('../../../../src/exec/join/pairs.js');
  const table = buildHashTable({ codes: Float64Array.from([5, 3, 5, 5]), absent: undefined }, 10);
  const heads = table.heads({ codes: Float64Array.from([5, 4, 3]), absent: Uint8Array.from([0, 1, 0]) });
  const run = (decided: Parameters<typeof hashPairs>[2], capacity: number) => {
    const chunks: number[][][] = [];
    for (const c of hashPairs(heads, table, decided, new PairBuffer(capacity))) chunks.push([[...c.probe], [...c.build]]);
    return chunks;
  };
  expect(run({ firstPairDecides: true }, 2)).toEqual([[[0, 0], [0, 2]], [[0, 2], [3, 1]]]);
  expect(run({ firstPairDecides: true }, 8)).toEqual([[[0, 0, 0, 2], [0, 2, 3, 1]]]);
  expect(run({ firstPairDecides: true, probe: new Uint8Array(3) }, 8)).toEqual([[[0, 2], [0, 1]]]);
  expect(run({ firstPairDecides: false, build: Uint8Array.from([1, 0, 0, 1]) }, 8)).toEqual([[[0, 2], [2, 1]]]);
});

it('finds the heads of one integer-coded key column straight from its values, as from its codes', async () => {
  const { encodeBuildKeys } = await import('../../../../src/exec/join/key-codes.js');
  const { vectorFromValues } = await import('../../../../src/exec/vector.js');
  const { T } = await import('../../../../src/types/data-type.js');
  type Case = [Parameters<typeof vectorFromValues>[0], unknown[], unknown[]];
  const cases: Case[] = [
    [T.int, [10, 12, null, 10, 11], [12, 11, 9, 13, null, 10, -(2 ** 31), 2 ** 31 - 1]],
    [T.int, [2 ** 31 - 1, 2 ** 31 - 2], [-(2 ** 31), 2 ** 31 - 1, 0]],
    // Wide and sparse: a direct array screened by a bitmap; wider: hashed with a bitmap; wider still: hashed.
    [T.int, [5, 100_000, 5], [5, 6, 100_000, 99_999, null]],
    [T.int, [5, 3_000_000, 5], [5, 6, 3_000_000, 2_999_999, null]],
    [T.bigint, [5n, 2n ** 40n, 5n], [5n, 6n, 2n ** 40n, null, -(2n ** 40n)]],
    [T.bigint, [1n, 2n, null], [2n, 3n, 1n, null]],
    [T.double, [1, 2, 2], [1.5, 2, NaN, -0, 1]],
  ];
  for (const [type, buildValues, probeValues] of cases) {
    const build = vectorFromValues(type, buildValues);
    const probe = vectorFromValues(type, probeValues);
    const keys = encodeBuildKeys([build], build.length);
    const table = buildHashTable(keys.build, keys.range);
    expect(keys.offset).toBeDefined();
    const expected = [...table.heads(keys.probe([probe], probe.length))];
    expect([...table.headsOfColumn(probe, keys.offset!)!]).toEqual(expected);
    expect(expected.some((h) => h >= 0)).toBe(true);
  }
  const big = vectorFromValues(T.bigint, [2n ** 60n]);
  const keys = encodeBuildKeys([vectorFromValues(T.bigint, [1n])], 1);
  expect(buildHashTable(keys.build, keys.range).headsOfColumn(big, keys.offset!)).toBeUndefined();
});
