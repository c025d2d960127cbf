import { describe, expect, it } from 'vitest';
import { comparatorOf, compareNumbers, compareStrings } from '../../../../src/exec/aggregates/compare.js';
import { T, arrayOf, structOf } from '../../../../src/types/data-type.js';

describe('value order', () => {
  it('puts NaN last and -0.0 with 0.0', () => {
    const sorted = [Number.NaN, 2, -Infinity, -0, 1].sort(compareNumbers);
    expect(sorted.slice(0, 4)).toEqual([-Infinity, -0, 1, 2]);
    expect(sorted[4]).toBeNaN();
    expect(compareNumbers(-0, 0)).toBe(0);
    expect(compareNumbers(Number.NaN, Number.NaN)).toBe(0);
  });

  it('orders strings by code point, as their UTF-8 bytes', () => {
    const words = ['\u{1F600}', '\uFFFD', 'z', '', 'za', '\uE000', '\uF900', '\u{10000}', '\uD7FF'];
    const byBytes = words.slice().sort((a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b)));
    expect(words.slice().sort(compareStrings)).toEqual(byBytes);
    expect(byBytes).toEqual(['', 'z', 'za', '\uD7FF', '\uE000', '\uF900', '\uFFFD', '\u{10000}', '\u{1F600}']);
  });

  it('orders arrays element by element with NULLs first, then by length', () => {
    const compare = comparatorOf(arrayOf(T.int));
    expect([[1, 2], [1], [null, 5], [1, null]].sort(compare)).toEqual([[null, 5], [1], [1, null], [1, 2]]);
  });

  it('orders structs field by field and booleans false first', () => {
    const s = structOf([{ name: 'a', type: T.boolean, nullable: true }, { name: 'b', type: T.bigint, nullable: true }]);
    const rows = [{ a: true, b: 1n }, { a: false, b: 5n }, { a: true, b: null }];
    expect(rows.sort(comparatorOf(s))).toEqual([{ a: false, b: 5n }, { a: true, b: null }, { a: true, b: 1n }]);
  });
});
