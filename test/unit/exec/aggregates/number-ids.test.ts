import { describe, expect, it } from 'vitest';
import { NumberIds } from '../../../../src/exec/aggregates/number-ids.js';

describe('NumberIds', () => {
  it('keeps the first id given to a number, NaN equal to NaN and -0 to 0', () => {
    const ids = new NumberIds();
    expect(ids.idOf(5, 0)).toBe(0);
    expect(ids.idOf(Number.NaN, 1)).toBe(1);
    expect(ids.idOf(0, 2)).toBe(2);
    expect(ids.idOf(-0, 3)).toBe(2);
    expect(ids.idOf(Number.NaN, 3)).toBe(1);
    expect(ids.idOf(5, 3)).toBe(0);
    expect(ids.idOf(2 ** 53 - 1, 3)).toBe(3);
    expect(ids.idOf(-(2 ** 53 - 1), 4)).toBe(4);
  });

  it('agrees with a Map while growing to many keys', () => {
    const ids = new NumberIds();
    const reference = new Map<number, number>();
    const actual: number[] = [];
    const expected: number[] = [];
    let seed = 3;
    for (let i = 0; i < 200_000; i++) {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      const key = i % 3 === 0 ? seed % 5000 : i % 3 === 1 ? seed * 1024 : seed / 7;
      if (!reference.has(key)) reference.set(key, reference.size);
      expected.push(reference.get(key)!);
      actual.push(ids.idOf(key, reference.size - 1));
    }
    expect(actual).toEqual(expected);
  });
});
