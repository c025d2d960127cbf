// The sort kernel: Spark's order for every type and layout, NULLS FIRST/LAST, DESC, stability, several keys, and a
// property against a naive stable sort of JsValues.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { comparatorOf } from '../../../../src/exec/aggregates/compare.js';
import type { SortColumn } from '../../../../src/exec/kernels/sort-indices.js';
import { rowComparator, sortIndices } from '../../../../src/exec/kernels/sort-indices.js';
import type { JsValue, Vector } from '../../../../src/exec/vector.js';
import { valueAt, vectorFromValues } from '../../../../src/exec/vector.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { arrayOf, decimal, structOf, T } from '../../../../src/types/data-type.js';

const asc = (vector: Vector, nullsFirst = true): SortColumn => ({ vector, ascending: true, nullsFirst });
const desc = (vector: Vector, nullsFirst = false): SortColumn => ({ vector, ascending: false, nullsFirst });

/** The values of `v` in the order `sortIndices` gives. */
function sorted(keys: readonly SortColumn[], of: Vector = keys[0]!.vector): JsValue[] {
  return Array.from(sortIndices(keys, of.length), (i) => valueAt(of, i));
}

function dictVector(values: readonly (string | null)[], dictionary: readonly string[]): Vector {
  const nulls = Uint8Array.from(values, (v) => (v === null ? 1 : 0));
  const codes = Int32Array.from(values, (v) => (v === null ? 0 : dictionary.indexOf(v)));
  return { type: T.string, length: values.length, data: { layout: 'dict', codes, dictionary }, ...(nulls.includes(1) ? { nulls } : {}) };
}

function bigVector(type: DataType, values: readonly (bigint | null)[]): Vector {
  const nulls = Uint8Array.from(values, (v) => (v === null ? 1 : 0));
  return { type, length: values.length, data: { layout: 'big', values: values.map((v) => v ?? 0n) }, ...(nulls.includes(1) ? { nulls } : {}) };
}

describe('sortIndices on one key', () => {
  it('orders ints, NULLs first ascending and last descending (the defaults)', () => {
    const v = vectorFromValues(T.int, [3, null, -1, 2, null, 0]);
    expect(sorted([asc(v)])).toEqual([null, null, -1, 0, 2, 3]);
    expect(sorted([desc(v)])).toEqual([3, 2, 0, -1, null, null]);
    expect(sorted([asc(v, false)])).toEqual([-1, 0, 2, 3, null, null]);
    expect(sorted([desc(v, true)])).toEqual([null, null, 3, 2, 0, -1]);
  });

  it('orders ints over the whole 32-bit range, and small ranges by counting', () => {
    const wide = [2 ** 31 - 1, -(2 ** 31), 0, -1, 1, 2 ** 31 - 2];
    expect(sorted([asc(vectorFromValues(T.int, wide))])).toEqual([...wide].sort((a, b) => a - b));
    const narrow = Array.from({ length: 500 }, (_, i) => (i * 7919) % 101);
    expect(sorted([desc(vectorFromValues(T.smallint, narrow))])).toEqual([...narrow].sort((a, b) => b - a));
  });

  it('puts NaN above +Infinity and treats -0.0 as 0.0 (keeping their input order)', () => {
    const v = vectorFromValues(T.double, [NaN, 1.5, -Infinity, 0, Infinity, -0, -2.25, NaN, null]);
    const got = sorted([asc(v)]);
    expect(got).toEqual([null, -Infinity, -2.25, 0, -0, 1.5, Infinity, NaN, NaN]);
    expect(Object.is(got[3], 0) && Object.is(got[4], -0)).toBe(true);
    expect(sorted([desc(v)])).toEqual([NaN, NaN, Infinity, 1.5, 0, -0, -2.25, -Infinity, null]);
  });

  it('orders doubles that need all 64 bits, including subnormals and huge magnitudes', () => {
    const values = [1e308, -1e308, 5e-324, -5e-324, 1 + 2 ** -52, 1, 0.1, -0.1, 2 ** 60, -(2 ** 60)];
    expect(sorted([asc(vectorFromValues(T.double, values))])).toEqual([...values].sort((a, b) => a - b));
  });

  it('orders bigints, decimals and timestamps in both layouts', () => {
    const small = [5n, -3n, 9007199254740991n, -9007199254740991n, 0n, null];
    expect(sorted([asc(vectorFromValues(T.bigint, small))])).toEqual([null, -9007199254740991n, -3n, 0n, 5n, 9007199254740991n]);
    const huge = [2n ** 70n, -(2n ** 70n), 1n, null, 2n ** 53n + 1n, 2n ** 53n];
    expect(sorted([desc(bigVector(T.bigint, huge))])).toEqual([2n ** 70n, 2n ** 53n + 1n, 2n ** 53n, 1n, -(2n ** 70n), null]);
    const money = vectorFromValues(decimal(15, 2), [1999n, -5n, 100000000000n, 0n]);
    expect(sorted([asc(money)])).toEqual([-5n, 0n, 1999n, 100000000000n]);
    const times = vectorFromValues(T.timestamp, [1_700_000_000_000_000n, 0n, -86_400_000_000n]);
    expect(sorted([desc(times)])).toEqual([1_700_000_000_000_000n, 0n, -86_400_000_000n]);
  });

  it('orders booleans and dates', () => {
    expect(sorted([asc(vectorFromValues(T.boolean, [true, false, null, true]))])).toEqual([null, false, true, true]);
    expect(sorted([desc(vectorFromValues(T.date, [19000, -1, 0, 19001]))])).toEqual([19001, 19000, 0, -1]);
  });

  it('orders strings by code point, not by UTF-16 unit', () => {
    // U+1F600 is a surrogate pair (0xD83D …), which JS's < puts before U+FF5E; by code point it comes after.
    const values = ['b', '\u{1F600}', '\uFF5E', 'a', '', 'ab', 'B'];
    const byCodePoint = ['', 'B', 'a', 'ab', 'b', '\uFF5E', '\u{1F600}'];
    expect(sorted([asc(vectorFromValues(T.string, values))])).toEqual(byCodePoint);
    expect(sorted([asc(dictVector(values, [...values].reverse()))])).toEqual(byCodePoint);
  });

  it('orders dictionary strings by their text, whatever the codes, and duplicate entries as equal', () => {
    const v = dictVector(['pear', null, 'apple', 'fig', 'apple'], ['pear', 'fig', 'apple']);
    expect(sorted([asc(v, false)])).toEqual(['apple', 'apple', 'fig', 'pear', null]);
    // Two codes for one string: rows stay in input order, like any tie.
    const twice: Vector = { type: T.string, length: 4, data: { layout: 'dict', codes: Int32Array.of(1, 0, 2, 1), dictionary: ['x', 'b', 'x'] } };
    expect(Array.from(sortIndices([asc(twice)], 4))).toEqual([0, 3, 1, 2]);
  });

  it('orders binary, arrays, structs and intervals', () => {
    const bytes = vectorFromValues(T.binary, [Uint8Array.of(2), Uint8Array.of(1, 255), Uint8Array.of(1), Uint8Array.of(200)]);
    expect(sorted([asc(bytes)])).toEqual([Uint8Array.of(1), Uint8Array.of(1, 255), Uint8Array.of(2), Uint8Array.of(200)]);
    const arrays = vectorFromValues(arrayOf(T.int), [[1, 2], [1], [null, 5], [1, null], []]);
    expect(sorted([asc(arrays)])).toEqual([[], [null, 5], [1], [1, null], [1, 2]]);
    const pairType = structOf([
      { name: 'a', type: T.int, nullable: true },
      { name: 'b', type: T.string, nullable: true },
    ]);
    const pairs = vectorFromValues(pairType, [{ a: 1, b: 'y' }, { a: 1, b: 'x' }, { a: null, b: 'z' }, { a: 0, b: 'z' }]);
    expect(sorted([desc(pairs)])).toEqual([{ a: 1, b: 'y' }, { a: 1, b: 'x' }, { a: 0, b: 'z' }, { a: null, b: 'z' }]);
    const intervals = vectorFromValues(T.interval, [
      { months: 1, days: 0, micros: '0' },
      { months: 0, days: 40, micros: '0' },
      { months: 0, days: 40, micros: '-1' },
    ]);
    expect(sorted([asc(intervals)]).map((i) => (i as { days: number; micros: string }).micros)).toEqual(['-1', '0', '0']);
  });

  it('is stable: equal keys keep their input order, ascending and descending', () => {
    const v = vectorFromValues(T.int, [2, 1, 2, 1, null, 2, null]);
    expect(Array.from(sortIndices([asc(v)], 7))).toEqual([4, 6, 1, 3, 0, 2, 5]);
    expect(Array.from(sortIndices([desc(v)], 7))).toEqual([0, 2, 5, 1, 3, 4, 6]);
    const s = vectorFromValues(T.string, ['b', 'a', 'b', 'a']);
    expect(Array.from(sortIndices([desc(s)], 4))).toEqual([0, 2, 1, 3]);
  });

  it('handles no rows, one row and no keys', () => {
    expect(Array.from(sortIndices([asc(vectorFromValues(T.int, []))], 0))).toEqual([]);
    expect(Array.from(sortIndices([asc(vectorFromValues(T.double, [NaN]))], 1))).toEqual([0]);
    expect(Array.from(sortIndices([], 3))).toEqual([0, 1, 2]);
  });
});

describe('sortIndices on several keys', () => {
  it('sorts by the first key, then the next, each with its own direction and NULL placement', () => {
    const g = vectorFromValues(T.string, ['b', 'a', 'b', null, 'a', 'b']);
    const x = vectorFromValues(T.double, [1, 2, null, 3, 2, 5]);
    const order = sortIndices([asc(g, false), desc(x, true)], 6);
    expect(Array.from(order)).toEqual([1, 4, 2, 5, 0, 3]);
  });
});

// ───────────────────────────── property: a naive stable sort of JsValues ─────────────────────────────

interface Generated {
  readonly vector: Vector;
  readonly values: readonly JsValue[];
}

const nullable = <T>(arb: fc.Arbitrary<T>): fc.Arbitrary<T | null> => fc.option(arb, { nil: null, freq: 5 });
// Few distinct values, so that ties are common.
const smallInt = fc.integer({ min: -4, max: 4 });
const strings = fc.oneof(fc.constantFrom('', 'a', 'ab', 'B', '\uFF5E', '\u{1F600}', '\uE000'), fc.string({ unit: 'binary', maxLength: 3 }));
const doubles = fc.oneof(fc.constantFrom(NaN, -0, 0, Infinity, -Infinity, 0.5), fc.double(), smallInt);

function column(kind: string, n: number): fc.Arbitrary<Generated> {
  const of = <T extends JsValue>(arb: fc.Arbitrary<T>, build: (values: (T | null)[]) => Vector) =>
    fc.array(nullable(arb), { minLength: n, maxLength: n }).map((values) => ({ vector: build(values), values }));
  switch (kind) {
    case 'int':
      return of(fc.oneof(smallInt, fc.integer()), (vs) => vectorFromValues(T.int, vs));
    case 'double':
      return of(doubles, (vs) => vectorFromValues(T.double, vs));
    case 'bigint':
      return of(fc.oneof(fc.bigInt(-4n, 4n), fc.bigInt(-(2n ** 52n), 2n ** 52n)), (vs) => vectorFromValues(T.bigint, vs));
    case 'wide bigint':
      return of(fc.oneof(fc.bigInt(-4n, 4n), fc.bigInt(-(2n ** 80n), 2n ** 80n)), (vs) => bigVector(T.bigint, vs));
    case 'decimal':
      return of(fc.bigInt(-(10n ** 12n), 10n ** 12n), (vs) => vectorFromValues(decimal(14, 2), vs));
    case 'string':
      return of(strings, (vs) => vectorFromValues(T.string, vs));
    case 'dict':
      return of(fc.constantFrom('x', 'y', '\u{1F600}', '\uFF5E', ''), (vs) => dictVector(vs, ['\uFF5E', 'y', '', '\u{1F600}', 'x']));
    default:
      return of(fc.boolean(), (vs) => vectorFromValues(T.boolean, vs));
  }
}

const keysArb = fc.integer({ min: 0, max: 40 }).chain((n) =>
  fc.array(
    fc.record({
      column: fc.constantFrom('int', 'double', 'bigint', 'wide bigint', 'decimal', 'string', 'dict', 'boolean').chain((k) => column(k, n)),
      ascending: fc.boolean(),
      nullsFirst: fc.boolean(),
    }),
    { minLength: 1, maxLength: 3 },
  ).map((keys) => ({ n, keys })),
);

/** Spark's order over JsValues, written independently of the kernel's per-layout code. */
function naiveOrder(n: number, keys: readonly { column: Generated; ascending: boolean; nullsFirst: boolean }[]): number[] {
  const compares = keys.map((k) => {
    const compare = comparatorOf(k.column.vector.type);
    return (i: number, j: number) => {
      const a = k.column.values[i]!;
      const b = k.column.values[j]!;
      if (a === null || b === null) return a === b ? 0 : (a === null) === k.nullsFirst ? -1 : 1;
      return (k.ascending ? 1 : -1) * compare(a, b);
    };
  });
  return Array.from({ length: n }, (_, i) => i).sort((i, j) => {
    for (const c of compares) {
      const r = c(i, j);
      if (r !== 0) return r;
    }
    return i - j;
  });
}

describe('sortIndices (property)', () => {
  it('equals a naive stable sort of the values, and agrees with rowComparator', () => {
    fc.assert(
      fc.property(keysArb, ({ n, keys }) => {
        const columns = keys.map((k) => ({ vector: k.column.vector, ascending: k.ascending, nullsFirst: k.nullsFirst }));
        const order = Array.from(sortIndices(columns, n));
        expect(order).toEqual(naiveOrder(n, keys));
        const compare = rowComparator(columns);
        for (let q = 1; q < n; q++) expect(compare(order[q - 1]!, order[q]!)).toBeLessThanOrEqual(0);
      }),
      { numRuns: 500 },
    );
  });
});
