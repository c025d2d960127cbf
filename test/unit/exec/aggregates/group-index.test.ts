import { describe, expect, it } from 'vitest';
import { GroupIndex } from '../../../../src/exec/aggregates/group-index.js';
import type { Vector } from '../../../../src/exec/vector.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';
import { T } from '../../../../src/types/data-type.js';

const dict = (codes: number[], dictionary: string[], nulls?: number[]): Vector => ({
  type: T.string,
  length: codes.length,
  data: { layout: 'dict', codes: Int32Array.from(codes), dictionary },
  ...(nulls ? { nulls: Uint8Array.from(nulls) } : {}),
});

describe('GroupIndex', () => {
  it('hands out dense ids in order of first appearance, with the rows that created them', () => {
    const index = new GroupIndex(1);
    const first = index.assign([vectorFromValues(T.int, [7, 3, 7, null, 3])], 5);
    expect(Array.from(first.groups)).toEqual([0, 1, 0, 2, 1]);
    expect(Array.from(first.firstRows)).toEqual([0, 1, 3]);
    const second = index.assign([vectorFromValues(T.int, [null, 9, 7])], 3);
    expect(Array.from(second.groups)).toEqual([2, 3, 0]);
    expect(Array.from(second.firstRows)).toEqual([1]);
    expect(index.size).toBe(4);
  });

  it('groups several key columns, NULLs equal to NULLs', () => {
    const index = new GroupIndex(2);
    const a = vectorFromValues(T.string, ['x', 'x', null, null, 'x']);
    const b = vectorFromValues(T.int, [1, 2, 1, 1, 1]);
    const { groups, firstRows } = index.assign([a, b], 5);
    expect(Array.from(groups)).toEqual([0, 1, 2, 2, 0]);
    expect(Array.from(firstRows)).toEqual([0, 1, 2]);
  });

  it('keys dictionary-encoded strings like plain ones, ignoring unused dictionary entries', () => {
    const index = new GroupIndex(1);
    const first = index.assign([dict([2, 2, 0], ['a', 'unused', 'c'], [0, 0, 1])], 3);
    expect(Array.from(first.groups)).toEqual([0, 0, 1]);
    expect(index.size).toBe(2);
    const second = index.assign([vectorFromValues(T.string, ['c', null, 'a'])], 3);
    expect(Array.from(second.groups)).toEqual([0, 1, 2]);
    expect(Array.from(second.firstRows)).toEqual([2]);
  });

  it('sees a value as one group whether its batch holds doubles or bigints', () => {
    const index = new GroupIndex(2);
    const flag = vectorFromValues(T.boolean, [true, true]);
    index.assign([vectorFromValues(T.bigint, [5n, 6n]), flag], 2);
    const wide = vectorFromValues(T.bigint, [6n, 2n ** 60n]);
    expect(wide.data.layout).toBe('big');
    expect(Array.from(index.assign([wide, flag], 2).groups)).toEqual([1, 2]);
  });

  it('keeps a NULL apart from the string "\\u0001" and NaN together', () => {
    const index = new GroupIndex(1);
    expect(Array.from(index.assign([vectorFromValues(T.string, [null, '\u0001', null])], 3).groups)).toEqual([0, 1, 0]);
    const doubles = new GroupIndex(1);
    expect(Array.from(doubles.assign([vectorFromValues(T.double, [Number.NaN, -0, 0, Number.NaN])], 4).groups)).toEqual([0, 1, 1, 0]);
  });

  it('numbers groups by first appearance while pairs of ids outgrow the dense table', () => {
    let seed = 7;
    const random = (n: number) => (seed = (seed * 1103515245 + 12345) % 2 ** 31) % n;
    const index = new GroupIndex(3);
    const reference = new Map<string, number>();
    for (let batch = 0; batch < 40; batch++) {
      // Value ranges widen batch by batch, from a few pairs to far more than 2^16.
      const spread = 2 + batch * 12;
      const rows = Array.from({ length: 300 }, () => [random(spread), random(3) === 0 ? null : `s${random(spread)}`, random(2) === 0]);
      const columns = [T.int, T.string, T.boolean].map((t, c) => vectorFromValues(t, rows.map((r) => r[c] ?? null)));
      const { groups, firstRows } = index.assign(columns, rows.length);
      const created: number[] = [];
      const expected = rows.map((r, i) => {
        const key = JSON.stringify(r);
        if (!reference.has(key)) {
          reference.set(key, reference.size);
          created.push(i);
        }
        return reference.get(key)!;
      });
      expect(Array.from(groups)).toEqual(expected);
      expect(Array.from(firstRows)).toEqual(created);
    }
    expect(index.size).toBe(reference.size);
  });
});
