// selectTrue: the rows a filter keeps (true, not false, not NULL), against a row-at-a-time reference.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { selectTrue } from '../../../../src/exec/kernels/take.js';
import { T } from '../../../../src/types/data-type.js';
import { vectorFromValues } from '../../../../src/exec/vector.js';

describe('selectTrue', () => {
  it('keeps exactly the true rows, with or without NULLs', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(true, false, null), { maxLength: 50 }), (values) => {
        const expected = values.flatMap((v, i) => (v === true ? [i] : []));
        expect(Array.from(selectTrue(vectorFromValues(T.boolean, values)))).toEqual(expected);
      }),
    );
  });

  it('reads masks at any byte offset', () => {
    fc.assert(
      fc.property(fc.array(fc.boolean(), { maxLength: 50 }), fc.integer({ min: 0, max: 3 }), (bits, offset) => {
        const buffer = new Uint8Array(bits.length + offset);
        bits.forEach((x, i) => (buffer[i + offset] = x ? 1 : 0));
        const mask = { type: T.boolean, length: bits.length, data: { layout: 'bool' as const, values: buffer.subarray(offset) } };
        expect(Array.from(selectTrue(mask))).toEqual(bits.flatMap((v, i) => (v ? [i] : [])));
      }),
    );
  });

  it('selects nothing from an empty batch', () => {
    expect(selectTrue(vectorFromValues(T.boolean, [])).length).toBe(0);
  });
});
