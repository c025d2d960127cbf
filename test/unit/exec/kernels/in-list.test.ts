// IN lists: TRUE on a match, NULL when unmatched with a NULL on either side, FALSE otherwise.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T, arrayOf, decimal } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { inConstantSet, inSet, inVectors } from '../../../../src/exec/kernels/in-list.js';
import type { JsValue, Vector } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { column, double, int64, text, vec } from './vectors.js';
import type { LayoutChoice } from './vectors.js';

const inConstants = (type: DataType, values: JsValue[], items: JsValue[], layout: LayoutChoice = 'default') =>
  vectorValues(inConstantSet(vec(type, values, layout), inSet(type, items)));

describe('IN lists', () => {
  it.each<[DataType, JsValue[], JsValue[], JsValue[], LayoutChoice]>([
    [T.int, [1, 2, null], [1, 3], [true, false, null], 'default'],
    [T.int, [1, 2], [1, null], [true, null], 'default'],
    [T.string, ['13', '31', '99', null], ['13', '31', '23'], [true, true, false, null], 'dict'],
    [T.double, [NaN, -0, 1.5], [NaN, 0], [true, true, false], 'default'],
    [T.bigint, [2n ** 60n, 5n], [2n ** 60n, 7n], [true, false], 'big'],
    [T.bigint, [5n, 7n], [2n ** 60n, 7n], [false, true], 'default'],
    [decimal(10, 2), [150n, 100n], [150n], [true, false], 'default'],
    [T.binary, [new Uint8Array([1]), new Uint8Array([2])], [new Uint8Array([2])], [false, true], 'default'],
    [arrayOf(T.int), [[1], [2]], [[2]], [false, true], 'default'],
    [T.int, [], [1], [], 'default'],
  ])('on %o', (type, values, items, expected, layout) => {
    expect(inConstants(type, values, items, layout)).toEqual(expected);
  });

  it('looks up rows of a dictionary larger than the vector (a few rows gathered from a big row group)', () => {
    const few: Vector = { type: T.string, length: 3, data: { layout: 'dict', codes: Int32Array.of(3, 0, 2), dictionary: ['a', 'b', 'c', 'd', 'e'] } };
    expect(vectorValues(inConstantSet(few, inSet(T.string, ['d', 'c'])))).toEqual([true, false, true]);
  });

  it('ORs equalities for non-constant lists', () => {
    const v = inVectors(vec(T.int, [1, 2, 3, null]), [vec(T.int, [1, 5, null, 1]), vec(T.int, [9, 2, 4, 1])]);
    expect(vectorValues(v)).toEqual([true, true, null, null]);
  });

  it('agrees with a row-at-a-time reference', () => {
    const same = (a: JsValue, b: JsValue) => (typeof a === 'number' && Number.isNaN(a) ? Number.isNaN(b as number) : a === b || (a === 0 && b === 0));
    const ref = (x: JsValue, items: JsValue[]): JsValue => {
      if (x !== null && items.some((i) => i !== null && same(x, i))) return true;
      return x === null || items.includes(null) ? null : false;
    };
    const cases: [DataType, fc.Arbitrary<JsValue>, LayoutChoice[]][] = [
      [T.string, text, ['default', 'dict']],
      [T.double, double, ['default']],
      [T.bigint, int64, ['default', 'big']],
    ];
    for (const [type, value, layouts] of cases) {
      fc.assert(
        fc.property(fc.integer({ min: 0, max: 30 }).chain((n) => column(value, n)), column(value, 4), fc.constantFrom(...layouts), (values, items, layout) => {
          expect(inConstants(type, values, items, layout)).toEqual(values.map((x) => ref(x, items)));
          const itemVectors = items.map((item) => vec(type, values.map(() => item)));
          expect(vectorValues(inVectors(vec(type, values, layout), itemVectors))).toEqual(values.map((x) => ref(x, items)));
        }),
      );
    }
  });
});
