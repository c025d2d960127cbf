// Comparison kernels: Spark's orderings of every type, NULL handling and <=>, dictionary and constant paths.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T, arrayOf, decimal, structOf } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import type { ComparisonOp } from '../../../../src/logical/expr.js';
import { compare, compareToConstant, compareUtf8, flip } from '../../../../src/exec/kernels/compare.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { columns2, double, int32, int64, text, vec } from './vectors.js';
import type { LayoutChoice } from './vectors.js';

const OPS: ComparisonOp[] = ['=', '<>', '<', '<=', '>', '>=', '<=>'];

const cmp = (op: ComparisonOp, type: DataType, a: JsValue[], b: JsValue[], layout: LayoutChoice = 'default') =>
  vectorValues(compare(op, vec(type, a, layout), vec(type, b, layout)));

describe('comparisons', () => {
  it.each<[ComparisonOp, DataType, JsValue[], JsValue[], JsValue[]]>([
    ['<', T.int, [1, 2, null, 3], [2, 2, 1, null], [true, false, null, null]],
    ['<=>', T.int, [1, null, null], [1, 1, null], [true, false, true]],
    ['=', T.double, [NaN, 0, NaN, 1], [NaN, -0, 1, NaN], [true, true, false, false]],
    ['>', T.double, [NaN, Infinity], [Infinity, NaN], [true, false]],
    ['<', T.boolean, [false, true], [true, true], [true, false]],
    ['>=', T.bigint, [2n ** 62n, -1n], [2n ** 62n - 1n, 0n], [true, false]],
    ['<', decimal(20, 2), [1n, 10n ** 19n], [2n, 10n ** 19n - 1n], [true, false]],
    ['<', T.date, [0, 19000], [1, 18000], [true, false]],
    ['<>', T.string, ['a', 'b', ''], ['a', 'c', ''], [false, true, false]],
    // UTF-8 order: U+FFFF sorts before U+1F600 (a surrogate pair in UTF-16, where the code units would say otherwise).
    ['<', T.string, ['\uffff', 'a', 'ab'], ['😀', 'b', 'a'], [true, true, false]],
    ['<', T.binary, [new Uint8Array([1, 255]), new Uint8Array([2])], [new Uint8Array([2]), new Uint8Array([2, 0])], [true, true]],
    ['<', arrayOf(T.int), [[1, 2], [1, null], [1]], [[1, 3], [1, 0], [1, 0]], [true, true, true]],
    ['=', structOf([{ name: 'a', type: T.int, nullable: true }]), [{ a: 1 }, { a: null }], [{ a: 1 }, { a: null }], [true, true]],
    ['=', T.interval, [{ months: 1, days: 0, micros: '0' }], [{ months: 1, days: 0, micros: '0' }], [true]],
  ])('%s on %o', (op, type, a, b, expected) => {
    expect(cmp(op, type, a, b)).toEqual(expected);
  });

  it('compares bigints across the f64 and big layouts', () => {
    const v = compare('<', vec(T.bigint, [1n, 2n ** 60n]), vec(T.bigint, [2n, 2n ** 60n + 1n], 'big'));
    expect(vectorValues(v)).toEqual([true, true]);
  });

  it('compares a dictionary column with a constant once per entry', () => {
    const v = compareToConstant('=', vec(T.string, ['R', 'A', null, 'R', 'N'], 'dict'), 'R');
    expect(vectorValues(v)).toEqual([true, false, null, true, false]);
    expect(vectorValues(compareToConstant('<=>', vec(T.string, ['R', null], 'dict'), 'R'))).toEqual([true, false]);
    expect(vectorValues(compareToConstant('<=>', vec(T.int, [1, null]), null))).toEqual([false, true]);
    expect(vectorValues(compareToConstant('<', vec(T.int, [1, null]), null))).toEqual([null, null]);
  });

  it('handles empty batches', () => {
    expect(cmp('<', T.string, [], [])).toEqual([]);
    expect(vectorValues(compareToConstant('=', vec(T.string, [], 'dict'), 'x'))).toEqual([]);
  });

  it('orders strings by code point', () => {
    expect(compareUtf8('\ue000', '😀')).toBeLessThan(0);
    expect(compareUtf8('😀', '\uffff')).toBeGreaterThan(0);
    expect(compareUtf8('abc', 'abd')).toBeLessThan(0);
  });
});

// ───────────────────────────── properties ─────────────────────────────

const codePointOrder = (a: string, b: string): number => {
  const x = [...a].map((c) => c.codePointAt(0)!);
  const y = [...b].map((c) => c.codePointAt(0)!);
  for (let i = 0; i < Math.min(x.length, y.length); i++) if (x[i] !== y[i]) return x[i]! - y[i]!;
  return x.length - y.length;
};

const doubleOrder = (a: number, b: number): number => {
  if (Number.isNaN(a) || Number.isNaN(b)) return Number.isNaN(a) === Number.isNaN(b) ? 0 : Number.isNaN(a) ? 1 : -1;
  return a === b ? 0 : a < b ? -1 : 1;
};

function reference(op: ComparisonOp, order: (a: never, b: never) => number, a: JsValue, b: JsValue): JsValue {
  if (op === '<=>') return a === null || b === null ? a === b : order(a as never, b as never) === 0;
  if (a === null || b === null) return null;
  const c = order(a as never, b as never);
  return { '=': c === 0, '<>': c !== 0, '<': c < 0, '<=': c <= 0, '>': c > 0, '>=': c >= 0 }[op];
}

describe('comparisons agree with a row-at-a-time reference', () => {
  const cases: [string, DataType, fc.Arbitrary<JsValue>, (a: never, b: never) => number, LayoutChoice[]][] = [
    ['int', T.int, int32, (a: number, b: number) => a - b, ['default']],
    ['bigint', T.bigint, int64, (a: bigint, b: bigint) => (a === b ? 0 : a < b ? -1 : 1), ['default', 'big']],
    ['double', T.double, double, doubleOrder, ['default']],
    ['string', T.string, text, codePointOrder, ['default', 'dict']],
  ];
  for (const [name, type, value, order, layouts] of cases) {
    it(`on ${name} vectors and constants`, () => {
      fc.assert(
        fc.property(fc.constantFrom(...OPS), columns2(value, value), fc.constantFrom(...layouts), (op, [a, b], layout) => {
          const expected = a.map((x, i) => reference(op, order, x, b[i]!));
          expect(cmp(op, type, a, b, layout)).toEqual(expected);
          const c = b[0] ?? null;
          const constant = a.map((x) => reference(op, order, x, c));
          expect(vectorValues(compareToConstant(op, vec(type, a, layout), c))).toEqual(constant);
          const flipped = a.map((x) => reference(flip(op), order, x, c));
          expect(vectorValues(compareToConstant(flip(op), vec(type, a, layout), c))).toEqual(flipped);
        }),
      );
    });
  }
});
