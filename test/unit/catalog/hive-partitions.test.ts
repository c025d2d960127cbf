import { describe, expect, it } from 'vitest';
import { inferPartitions, parsePartitionSegment, unescapePathName } from '../../../src/catalog/hive-partitions.js';
import { typeToString } from '../../../src/types/data-type.js';

/** Infers one partition column `k` from raw directory values; returns its type and the converted values. */
function infer(...raws: string[]): [string, unknown[]] {
  const spec = inferPartitions(raws.map((raw, i) => ({ file: `f${i}`, segments: [{ name: 'k', raw }] })));
  expect(spec.columns).toHaveLength(1);
  expect(spec.columns[0]!.nullable).toBe(true);
  return [typeToString(spec.columns[0]!.type), spec.values.map((v) => v[0])];
}

describe('inferPartitions', () => {
  it('infers int, then bigint, then decimal for integers', () => {
    expect(infer('1', '-20', '+3', '007')).toEqual(['int', [1, -20, 3, 7]]);
    expect(infer('1', '2147483648')).toEqual(['bigint', ['1', '2147483648']]);
    expect(infer('1', '9223372036854775808')).toEqual(['decimal(19,0)', ['1', '9223372036854775808']]);
    expect(infer('2147483648', '123456789012345678901234')).toEqual(['decimal(24,0)', ['2147483648', '123456789012345678901234']]);
    // An integral-valued BigDecimal with an exponent is a decimal too.
    expect(infer('1e3')).toEqual(['decimal(4,0)', ['1000']]);
  });

  it('infers double for fractions, and string when a double meets a bigint', () => {
    expect(infer('1.5', '2', '-0.25', '1e-3')).toEqual(['double', [1.5, 2, -0.25, 0.001]]);
    expect(infer('1.5', '2147483648')).toEqual(['string', ['1.5', '2147483648']]);
    expect(infer('1.5', '9223372036854775808')).toEqual(['string', ['1.5', '9223372036854775808']]);
    // Kept as strings so values stay JSON-safe.
    expect(infer('NaN')).toEqual(['string', ['NaN']]);
  });

  it('infers dates and timestamps, widening a date among timestamps', () => {
    expect(infer('2024-01-15', '1969-12-31')).toEqual(['date', [19737, -1]]);
    expect(infer('2024-01-15%2010%3A00%3A00', '2024-01-15 10:00:00.1234567')).toEqual([
      'timestamp',
      ['2024-01-15 10:00:00', '2024-01-15 10:00:00.123456'],
    ]);
    expect(infer('2024-01-15', '2024-01-15 10:00:00.500')).toEqual(['timestamp', ['2024-01-15 00:00:00', '2024-01-15 10:00:00.5']]);
    expect(infer('2024-02-30')).toEqual(['string', ['2024-02-30']]);
    expect(infer('2024-01-15', '5')).toEqual(['string', ['2024-01-15', '5']]);
  });

  it('reads __HIVE_DEFAULT_PARTITION__ as NULL, and an all-NULL column as string', () => {
    expect(infer('__HIVE_DEFAULT_PARTITION__', '3')).toEqual(['int', [null, 3]]);
    expect(infer('__HIVE_DEFAULT_PARTITION__')).toEqual(['string', [null]]);
  });

  it('unescapes string values', () => {
    expect(infer('a%2Fb%20c', '%C3%A9%3D%25', 'plain')).toEqual(['string', ['a/b c', 'é=%', 'plain']]);
  });

  it('keeps several columns in directory order and rejects inconsistent directories', () => {
    const spec = inferPartitions([
      { file: 'a', segments: [{ name: 'Year', raw: '2024' }, { name: 'region', raw: 'eu' }] },
      { file: 'b', segments: [{ name: 'year', raw: '2023' }, { name: 'region', raw: 'us' }] },
    ]);
    expect(spec.columns.map((c) => `${c.name}:${typeToString(c.type)}`)).toEqual(['Year:int', 'region:string']);
    expect(spec.values).toEqual([
      [2024, 'eu'],
      [2023, 'us'],
    ]);
    expect(() =>
      inferPartitions([
        { file: 'a/y=1/f', segments: [{ name: 'y', raw: '1' }] },
        { file: 'b/f', segments: [] },
      ]),
    ).toThrow(/inconsistent partition directories: 'a\/y=1\/f' is under \(y\) but 'b\/f' is under \(\)/);
  });
});

describe('parsePartitionSegment and unescapePathName', () => {
  it('splits at the first =, unescaping the name', () => {
    expect(parsePartitionSegment('a%20b=1=2', 'd')).toEqual({ name: 'a b', raw: '1=2' });
    expect(parsePartitionSegment('plain', 'd')).toBeUndefined();
    expect(() => parsePartitionSegment('=1', 'd')).toThrow(/empty column name/);
    expect(() => parsePartitionSegment('k=', 'd')).toThrow(/empty column value/);
  });

  it('decodes UTF-8 escape runs, and falls back to one character per escape', () => {
    expect(unescapePathName('%C3%A9t%C3%A9')).toBe('été');
    expect(unescapePathName('%E9')).toBe('é');
    expect(unescapePathName('100%')).toBe('100%');
    expect(unescapePathName('%zz')).toBe('%zz');
  });
});
