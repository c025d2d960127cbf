import { describe, expect, it } from 'vitest';
import { T, arrayOf, decimal, structOf } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { aggregate, arg, run, runOne } from './harness.js';

const extremes = (type: DataType, values: readonly JsValue[], batchSize?: number) => [
  runOne(aggregate('min', [arg(0, type)]), [type], values.map((v) => [v]), batchSize),
  runOne(aggregate('max', [arg(0, type)]), [type], values.map((v) => [v]), batchSize),
];

describe('min and max', () => {
  it('cover the numeric types, skipping NULLs', () => {
    expect(extremes(T.tinyint, [3, null, -7, 5])).toEqual([-7, 5]);
    expect(extremes(T.int, [null, 2 ** 31 - 1, -(2 ** 31)])).toEqual([-(2 ** 31), 2 ** 31 - 1]);
    expect(extremes(T.float, [Math.fround(1.5), Math.fround(-2.25)])).toEqual([-2.25, 1.5]);
    expect(extremes(T.bigint, [5n, -(2n ** 62n), 2n ** 62n])).toEqual([-(2n ** 62n), 2n ** 62n]);
  });

  it('put NaN above every other double', () => {
    expect(extremes(T.double, [1, Number.NaN, Number.POSITIVE_INFINITY, -3])).toEqual([-3, Number.NaN]);
    expect(extremes(T.double, [Number.NaN, Number.NaN])).toEqual([Number.NaN, Number.NaN]);
  });

  it('compare 64-bit values exactly across double and bigint batches', () => {
    const values = [2n ** 53n + 1n, 2n ** 53n, 7n, 2n ** 60n, -(2n ** 60n), 3n];
    // Batches of two: some hold values beyond 2^53 (bigint layout), some do not.
    expect(extremes(T.bigint, values, 2)).toEqual([-(2n ** 60n), 2n ** 60n]);
    expect(extremes(T.bigint, [2n ** 53n + 2n, 2n ** 53n + 1n, 1n], 2)).toEqual([1n, 2n ** 53n + 2n]);
    expect(extremes(decimal(38, 2), [10n ** 30n, -5n, 10n ** 30n + 1n], 1)).toEqual([-5n, 10n ** 30n + 1n]);
  });

  it('cover dates, timestamps and booleans', () => {
    expect(extremes(T.date, [19000, 18000, null])).toEqual([18000, 19000]);
    expect(extremes(T.timestamp, [1_700_000_000_000_000n, 1n])).toEqual([1n, 1_700_000_000_000_000n]);
    expect(extremes(T.boolean, [true, false, null])).toEqual([false, true]);
    expect(extremes(T.boolean, [true, true])).toEqual([true, true]);
  });

  it('order strings by code point, not by UTF-16 unit', () => {
    // U+FFFD is a single unit above the surrogates that encode U+1F600, yet below it as a code point.
    expect(extremes(T.string, ['\uFFFD', '\u{1F600}', 'b', 'ab', 'a'])).toEqual(['a', '\u{1F600}']);
    expect(extremes(T.string, ['', 'a'])).toEqual(['', 'a']);
  });

  it('order binary, arrays and structs', () => {
    expect(extremes(T.binary, [Uint8Array.of(1, 2), Uint8Array.of(1), Uint8Array.of(0, 255)])).toEqual([Uint8Array.of(0, 255), Uint8Array.of(1, 2)]);
    expect(extremes(arrayOf(T.int), [[1, 2], [1], [1, null], [0, 9]])).toEqual([[0, 9], [1, 2]]);
    const s = structOf([{ name: 'a', type: T.int, nullable: true }, { name: 'b', type: T.string, nullable: true }]);
    expect(extremes(s, [{ a: 1, b: 'z' }, { a: 1, b: null }, { a: 0, b: 'y' }])).toEqual([{ a: 0, b: 'y' }, { a: 1, b: 'z' }]);
  });

  it('are NULL for a group without values', () => {
    expect(run(aggregate('max', [arg(0, T.int)]), [T.int], [[1], [null]], { groups: [0, 1], groupCount: 3 })).toEqual([1, null, null]);
    expect(run(aggregate('min', [arg(0, T.string)]), [T.string], [], { groupCount: 2 })).toEqual([null, null]);
    expect(run(aggregate('min', [arg(0, T.bigint)]), [T.bigint], [], { groupCount: 1 })).toEqual([null]);
  });

  it('keep one extreme per group across batches', () => {
    const rows = Array.from({ length: 50 }, (_, i) => [`s${(i * 37) % 50}`]);
    const groups = rows.map((_, i) => i % 4);
    const expected = [0, 1, 2, 3].map((g) => rows.filter((_, i) => groups[i] === g).map((r) => r[0] as string).sort().at(-1));
    expect(run(aggregate('max', [arg(0, T.string)]), [T.string], rows, { groups, batchSize: 6 })).toEqual(expected);
  });
});
