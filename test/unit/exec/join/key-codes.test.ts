// Join key codes: equal exactly when `=` holds in every key column, whatever the layouts; no code for NULLs or for
// probe values no build row has.
import { describe, expect, it } from 'vitest';
import { T } from '../../../../src/types/data-type.js';
import type { JsValue, Vector } from '../../../../src/exec/vector.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';
import { encodeBuildKeys } from '../../../../src/exec/join/key-codes.js';
import type { KeyCodes } from '../../../../src/exec/join/key-codes.js';
import { dictVector } from './vectors.js';

/** Each row's code, or null when it has none. */
function codesOf(k: KeyCodes): (number | null)[] {
  return [...k.codes].map((c, i) => (k.absent?.[i] === 1 ? null : c));
}

/** For each probe row, the build rows whose codes equal its code. */
function matches(build: readonly Vector[], probe: readonly Vector[]): number[][] {
  const keys = encodeBuildKeys(build, build[0]!.length);
  const b = codesOf(keys.build);
  const p = codesOf(keys.probe(probe, probe[0]!.length));
  for (const c of [...b, ...p]) if (c !== null && keys.range !== undefined) expect(c >= 0 && c < keys.range && Number.isInteger(c)).toBe(true);
  return p.map((c) => (c === null ? [] : b.flatMap((x, i) => (x !== null && Object.is(x, c) ? [i] : []))));
}

const v = (type: Parameters<typeof vectorFromValues>[0], values: readonly JsValue[]) => vectorFromValues(type, values);

describe('encodeBuildKeys', () => {
  it('codes one integer column by offset, NULLs and unknown values without a code', () => {
    const keys = encodeBuildKeys([v(T.int, [10, 12, null, 10])], 4);
    expect(codesOf(keys.build)).toEqual([0, 2, null, 0]);
    expect(keys.range).toBe(3);
    expect(matches([v(T.int, [10, 12, null, 10])], [v(T.int, [12, 11, 9, 13, null, 10])])).toEqual([[1], [], [], [], [], [0, 3]]);
  });

  it('matches bigints across the f64 and big layouts', () => {
    const f64 = v(T.bigint, [5n, -7n, null]);
    const big = v(T.bigint, [2n ** 60n, 5n, -7n]);
    expect([f64.data.layout, big.data.layout]).toEqual(['f64', 'big']);
    expect(matches([f64], [big])).toEqual([[], [0], [1]]);
    expect(matches([big], [f64])).toEqual([[1], [2], []]);
    expect(matches([big, f64], [big, f64])).toEqual([[0], [1], []]);
  });

  it('matches doubles as Spark does: -0 = 0, NaN = NaN, fractions exactly', () => {
    const build = v(T.double, [0, NaN, 1.5, 2]);
    expect(matches([build], [v(T.double, [-0, NaN, 1.5, 1.25, 2])])).toEqual([[0], [1], [2], [], [3]]);
    expect(matches([v(T.double, [-0, 3])], [v(T.double, [0, 3.5])])).toEqual([[0], []]);
    const ints = v(T.int, [1, 1, 2, 2]);
    expect(matches([build, ints], [v(T.double, [-0, NaN, 1.5, 2]), v(T.int, [1, 1, 1, 2])])).toEqual([[0], [1], [], [3]]);
  });

  it('matches strings whatever their dictionaries', () => {
    const build = dictVector(['x', 'y', null, 'x'], ['y', 'x', 'unused']);
    expect(matches([build], [dictVector(['y', 'x', 'z', null], ['z', 'x', 'y'])])).toEqual([[1], [0, 3], [], []]);
    expect(matches([build], [v(T.string, ['x', 'unused', ''])])).toEqual([[0, 3], [], []]);
    expect(matches([v(T.string, ['a', 'b'])], [dictVector(['b', 'a'], ['a', 'b'])])).toEqual([[1], [0]]);
  });

  it('codes several columns so that only rows equal in every column match', () => {
    const build = [v(T.int, [1, 1, 2, 2, null]), v(T.string, ['a', 'b', 'a', 'b', 'a'])];
    const probe = [v(T.int, [1, 2, 2, 3, 1]), v(T.string, ['b', 'a', 'c', 'a', null])];
    expect(matches(build, probe)).toEqual([[1], [2], [], [], []]);
  });

  it('re-codes wide integer columns by their distinct values, and falls back to whole-row keys', () => {
    const wide = [2 ** 40, 2 ** 50, 0, 2 ** 40];
    const build = [v(T.bigint, wide.map(BigInt)), v(T.bigint, [1n, 2n ** 50n, 3n, 1n])];
    const probe = [v(T.bigint, [2n ** 40n, 2n ** 40n, 2n ** 50n, 5n]), v(T.bigint, [1n, 3n, 2n ** 50n, 1n])];
    expect(matches(build, probe)).toEqual([[0, 3], [], [1], []]);
    // Three columns of many distinct values each: their product passes 2^53.
    const n = 300_000;
    const column = (f: (i: number) => number): Vector => ({ type: T.bigint, length: n, data: { layout: 'f64', values: Float64Array.from({ length: n }, (_, i) => f(i) * 2 ** 30) } });
    const keys = encodeBuildKeys([column((i) => i), column((i) => n - i), column((i) => i * 7)], n);
    expect(keys.range).toBe(n);
    const hit = keys.probe([column((i) => i), column((i) => n - i), column((i) => (i % 2 === 0 ? i * 7 : 1))], n);
    expect(codesOf(hit).slice(0, 4)).toEqual([0, null, 2, null]);
  });

  it('gives no probe row a code when the build side has no keys', () => {
    expect(matches([v(T.int, [null, null])], [v(T.int, [1, null])])).toEqual([[], []]);
    expect(encodeBuildKeys([v(T.string, [])], 0).probe([v(T.string, ['a'])], 1).absent?.[0]).toBe(1);
  });
});
