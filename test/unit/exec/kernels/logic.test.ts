// Three-valued AND, OR, NOT.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T } from '../../../../src/types/data-type.js';
import { allRowsAre, and, not, or } from '../../../../src/exec/kernels/logic.js';
import type { JsValue, Vector } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { columns2, vec } from './vectors.js';

const V = [true, false, null];
const pairs = V.flatMap((a) => V.map((b) => [a, b] as const));

describe('logic', () => {
  it('follows the SQL truth tables', () => {
    const a = pairs.map((p) => p[0]);
    const b = pairs.map((p) => p[1]);
    expect(vectorValues(and(vec(T.boolean, a), vec(T.boolean, b)))).toEqual([true, false, null, false, false, false, null, false, null]);
    expect(vectorValues(or(vec(T.boolean, a), vec(T.boolean, b)))).toEqual([true, true, true, true, false, null, true, null, null]);
    expect(vectorValues(not(vec(T.boolean, V)))).toEqual([false, true, null]);
  });

  it('tells when the left side decides every row', () => {
    expect(allRowsAre(vec(T.boolean, [false, false]), false)).toBe(true);
    expect(allRowsAre(vec(T.boolean, [false, null]), false)).toBe(false);
    expect(allRowsAre(vec(T.boolean, []), true)).toBe(true);
  });

  it('agrees with a row-at-a-time reference', () => {
    const ref = (x: JsValue, y: JsValue, isAnd: boolean): JsValue => {
      const decisive = !isAnd;
      if (x === decisive || y === decisive) return decisive;
      return x === null || y === null ? null : !decisive;
    };
    fc.assert(
      fc.property(columns2(fc.boolean(), fc.boolean()), ([a, b]) => {
        expect(vectorValues(and(vec(T.boolean, a), vec(T.boolean, b)))).toEqual(a.map((x, i) => ref(x, b[i]!, true)));
        expect(vectorValues(or(vec(T.boolean, a), vec(T.boolean, b)))).toEqual(a.map((x, i) => ref(x, b[i]!, false)));
      }),
    );
  });

  it('ANDs and ORs NULL-free masks word-wise, aligned or not', () => {
    const bytes = (bits: boolean[], offset: number): Vector => {
      const buffer = new Uint8Array(bits.length + offset);
      bits.forEach((x, i) => (buffer[i + offset] = x ? 1 : 0));
      return { type: T.boolean, length: bits.length, data: { layout: 'bool', values: buffer.subarray(offset) } };
    };
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 40 }).chain((n) => fc.tuple(fc.array(fc.boolean(), { minLength: n, maxLength: n }), fc.array(fc.boolean(), { minLength: n, maxLength: n }))), fc.integer({ min: 0, max: 3 }), ([a, b], offset) => {
        expect(vectorValues(and(bytes(a, offset), bytes(b, 0)))).toEqual(a.map((x, i) => x && b[i]!));
        expect(vectorValues(or(bytes(a, 0), bytes(b, offset)))).toEqual(a.map((x, i) => x || b[i]!));
      }),
    );
  });
});
