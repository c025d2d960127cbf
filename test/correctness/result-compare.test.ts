// The harness's comparison of results: what it must accept (ties in any order, rounding) and what it must catch.
import { describe, expect, it } from 'vitest';
import { cellsEqual, compareResults } from '../helpers/result-compare.js';
import type { Cell, Row } from '../helpers/result-compare.js';

const int = (v: number): Cell => ({ t: 'int', v: BigInt(v) });
const str = (v: string): Cell => ({ t: 'str', v });
const dec = (unscaled: bigint, scale: number): Cell => ({ t: 'dec', unscaled, scale });
const dbl = (v: number): Cell => ({ t: 'float', v });
const unordered = { keys: undefined, limit: undefined };

describe('cellsEqual', () => {
  it('compares decimals exactly at the coarser scale, rounding half up', () => {
    expect(cellsEqual(dec(12345n, 2), dec(1234500n, 4))).toBe(true);
    expect(cellsEqual(dec(12345n, 2), dec(1234549n, 4))).toBe(true);
    expect(cellsEqual(dec(12346n, 2), dec(1234550n, 4))).toBe(true);
    expect(cellsEqual(dec(12345n, 2), dec(1234550n, 4))).toBe(false);
    expect(cellsEqual(dec(-12346n, 2), dec(-1234550n, 4))).toBe(true);
    expect(cellsEqual(int(7), dec(700n, 2))).toBe(true);
  });

  it('compares doubles to 1e-9 relative, and a decimal with a double to half its last place', () => {
    expect(cellsEqual(dbl(1 / 3), dbl(0.3333333333))).toBe(true);
    expect(cellsEqual(dbl(1), dbl(1.00001))).toBe(false);
    expect(cellsEqual(dec(25419650n, 6), dbl(25.419650013358268))).toBe(true);
    expect(cellsEqual(dec(25419651n, 6), dbl(25.419650013358268))).toBe(false);
    expect(cellsEqual(dbl(NaN), dbl(NaN))).toBe(true);
  });

  it('tells NULL from everything else', () => {
    expect(cellsEqual(null, null)).toBe(true);
    expect(cellsEqual(null, str(''))).toBe(false);
  });
});

describe('compareResults', () => {
  const rows: Row[] = [
    [str('a'), int(1)],
    [str('b'), int(2)],
    [str('b'), int(3)],
    [str('c'), int(4)],
  ];

  it('accepts any order without ORDER BY, and ties in any order with it', () => {
    expect(compareResults([...rows].reverse(), rows, unordered)).toBeUndefined();
    const tiesSwapped = [rows[0]!, rows[2]!, rows[1]!, rows[3]!];
    expect(compareResults(tiesSwapped, rows, { keys: [0], limit: undefined })).toBeUndefined();
  });

  it('catches rows out of order, a changed value, and a missing row', () => {
    expect(compareResults([rows[1]!, rows[0]!, rows[2]!, rows[3]!], rows, { keys: [0], limit: undefined })).toMatch(/^row 1/);
    expect(compareResults([rows[0]!, rows[1]!, rows[2]!, [str('c'), int(5)]], rows, unordered)).toMatch(/column 2: 5, expected 4/);
    expect(compareResults(rows.slice(1), rows, unordered)).toMatch(/^3 rows, expected 4/);
  });

  it('compares only the keys of a run of ties that a LIMIT cut', () => {
    const kept: Row[] = [rows[0]!, rows[1]!];
    const other: Row[] = [rows[0]!, rows[2]!];
    expect(compareResults(other, kept, { keys: [0], limit: 2 }, rows[2])).toBeUndefined();
    // The next row has other keys: nothing was cut, so the whole rows must match.
    expect(compareResults(other, kept, { keys: [0], limit: 2 }, [str('z'), int(9)])).toBeDefined();
    expect(compareResults(other, kept, { keys: [0], limit: 2 }, null)).toBeDefined();
  });
});
