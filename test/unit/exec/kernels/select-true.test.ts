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

  it('selects nothing from an empty batch', () => {
    expect(selectTrue(vectorFromValues(T.boolean, [])).length).toBe(0);
  });
});
