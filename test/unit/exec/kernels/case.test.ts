// CASE and the conditional functions built on `choose`: branch selection across layouts, NULL conditions.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T } from '../../../../src/types/data-type.js';
import { caseWhen, choose } from '../../../../src/exec/kernels/case.js';
import { isNull } from '../../../../src/exec/kernels/conditional.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { column, int64, text, vec } from './vectors.js';

describe('CASE WHEN', () => {
  it('takes the first true condition; NULL conditions are not true', () => {
    const c1 = vec(T.boolean, [true, false, null, false]);
    const c2 = vec(T.boolean, [true, true, true, null]);
    const v = caseWhen(T.int, [c1, c2], [vec(T.int, [1, 1, 1, 1]), vec(T.int, [2, 2, null, 2])], vec(T.int, [9, 9, 9, 9]));
    expect(vectorValues(v)).toEqual([1, 2, null, 9]);
    expect(vectorValues(caseWhen(T.int, [c1], [vec(T.int, [1, 1, 1, 1])], undefined))).toEqual([1, null, null, null]);
  });

  it('handles empty batches', () => {
    expect(vectorValues(caseWhen(T.int, [vec(T.boolean, [])], [vec(T.int, [])], undefined))).toEqual([]);
  });

  it('chooses across layouts: dictionaries, strings, f64 and big', () => {
    const choice = Int32Array.from([0, 1, -1, 1]);
    expect(vectorValues(choose(T.string, [vec(T.string, ['a', 'b', 'c', 'd'], 'dict'), vec(T.string, ['w', 'x', 'y', 'z'])], choice))).toEqual(['a', 'x', null, 'z']);
    const big = choose(T.bigint, [vec(T.bigint, [1n, 2n, 3n, 4n]), vec(T.bigint, [2n ** 60n, 2n ** 61n, 0n, 5n], 'big')], choice);
    expect(vectorValues(big)).toEqual([1n, 2n ** 61n, null, 5n]);
    const dict = vec(T.string, ['a', 'b', 'a', 'b'], 'dict');
    const same = choose(T.string, [dict, dict], choice);
    expect(same.data.layout).toBe('dict');
    expect(vectorValues(same)).toEqual(['a', 'b', null, 'b']);
  });

  it('agrees with a row-at-a-time reference', () => {
    const types = [
      [T.string, text, 'dict'],
      [T.bigint, int64, 'big'],
    ] as const;
    for (const [type, value, layout] of types) {
      fc.assert(
        fc.property(
          fc.integer({ min: 0, max: 20 }).chain((n) => fc.tuple(column(fc.boolean(), n), column(fc.boolean(), n), column(value, n), column(value, n), column(value, n))),
          ([c1, c2, a, b, e]) => {
            const expected = c1.map((x, i): JsValue => (x === true ? a[i]! : c2[i] === true ? b[i]! : e[i]!));
            const v = caseWhen(type, [vec(T.boolean, c1), vec(T.boolean, c2)], [vec(type, a, layout), vec(type, b)], vec(type, e, layout));
            expect(vectorValues(v)).toEqual(expected);
          },
        ),
      );
    }
  });
});

describe('IS NULL', () => {
  it('is never NULL', () => {
    expect(vectorValues(isNull(vec(T.int, [1, null]), false))).toEqual([false, true]);
    expect(vectorValues(isNull(vec(T.int, [1, null]), true))).toEqual([true, false]);
    expect(vectorValues(isNull(vec(T.int, [1]), false))).toEqual([false]);
  });
});
