// NumberMap: the typed-array hash map behind numeric build keys.
import { expect, it } from 'vitest';
import { NumberMap } from '../../../../src/exec/join/number-map.js';

it('stores, replaces and finds values by number, -1 when absent', () => {
  const map = new NumberMap(1000);
  for (let i = 0; i < 1000; i++) map.set(1e12 + i * 2 ** 32, i);
  map.set(1e12, 7);
  expect(map.get(1e12)).toBe(7);
  expect(map.get(1e12 + 999 * 2 ** 32)).toBe(999);
  expect(map.get(1e12 + 1)).toBe(-1);
});

it('equates every NaN', () => {
  const map = new NumberMap(2);
  map.set(NaN, 3);
  expect(map.get(0 / 0)).toBe(3);
  expect(map.get(0)).toBe(-1);
});

it('refuses more distinct keys than it was sized for', () => {
  const map = new NumberMap(2);
  map.set(1, 0);
  map.set(2, 1);
  map.set(2, 2);
  expect(() => map.set(3, 3)).toThrow(RangeError);
});
