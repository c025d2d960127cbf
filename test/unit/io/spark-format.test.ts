// Values as Spark writes them as text: Java's double and BigDecimal layouts, dates, timestamps in a zone.
import { describe, expect, it } from 'vitest';
import { formatBinaryHex, formatDate, formatDecimal, formatDouble, formatFloat, formatTimestamp } from '../../../src/io/spark-format.js';
import { offsetAtInstant } from '../../../src/io/time-zone.js';
import { escapePathName, partitionSegment } from '../../../src/io/partition-path.js';

describe('numbers', () => {
  it('lays doubles out as Java Double.toString does', () => {
    const cases: [number, string][] = [
      [100, '100.0'],
      [0.5, '0.5'],
      [1 / 3, '0.3333333333333333'],
      [0.001, '0.001'],
      [0.000999, '9.99E-4'],
      [9999999.5, '9999999.5'],
      [1e7, '1.0E7'],
      [1.5e-7, '1.5E-7'],
      [-1234567890123, '-1.234567890123E12'],
      [0, '0.0'],
      [-0, '-0.0'],
      [NaN, 'NaN'],
      [-Infinity, '-Infinity'],
    ];
    for (const [x, text] of cases) expect(formatDouble(x), String(x)).toBe(text);
  });

  it('gives floats their shortest float digits', () => {
    expect(formatFloat(Math.fround(0.1))).toBe('0.1');
    expect(formatFloat(Math.fround(3.4028234663852886e38))).toBe('3.4028235E38');
    expect(formatFloat(Math.fround(16777216))).toBe('1.6777216E7');
  });

  it('lays decimals out as BigDecimal.toString does', () => {
    expect(formatDecimal(150n, 2)).toBe('1.50');
    expect(formatDecimal(-5, 3)).toBe('-0.005');
    expect(formatDecimal(123, 0)).toBe('123');
    expect(formatDecimal(1, 6)).toBe('0.000001');
    expect(formatDecimal(1, 8)).toBe('1E-8');
    expect(formatDecimal(0, 8)).toBe('0E-8');
    expect(formatDecimal(-12345678901234567890123n, 4)).toBe('-1234567890123456789.0123');
  });
});

describe('dates and times', () => {
  it('prints dates of the proleptic Gregorian calendar', () => {
    expect(formatDate(0)).toBe('1970-01-01');
    expect(formatDate(-1)).toBe('1969-12-31');
    expect(formatDate(9496)).toBe('1996-01-01');
    expect(formatDate(11016)).toBe('2000-02-29');
    expect(formatDate(-719528)).toBe('0000-01-01');
  });

  it('shows instants in the session zone, and wall-clock timestamps as they are', () => {
    expect(formatTimestamp(0n, 'Europe/Berlin', 'show')).toBe('1970-01-01 01:00:00');
    expect(formatTimestamp(-1n, 'UTC', 'show')).toBe('1969-12-31 23:59:59.999999');
    expect(formatTimestamp(1_500_000n, 'UTC', 'show')).toBe('1970-01-01 00:00:01.5');
    expect(formatTimestamp(1719792000123000n, 'America/New_York', 'iso')).toBe('2024-06-30T20:00:00.123-04:00');
    expect(formatTimestamp(1719792000000000n, '+05:30', 'iso')).toBe('2024-07-01T05:30:00.000+05:30');
    expect(formatTimestamp(1500n, 'UTC', 'iso')).toBe('1970-01-01T00:00:00.001500Z');
    expect(formatTimestamp(1719792000123456n, undefined, 'iso')).toBe('2024-07-01T00:00:00.123456');
  });

  it('follows daylight saving time across a transition', () => {
    const before = Date.UTC(2024, 2, 31, 0, 59, 59);
    const after = Date.UTC(2024, 2, 31, 1, 0, 0);
    expect(offsetAtInstant('Europe/Berlin', before)).toBe(3_600_000);
    expect(offsetAtInstant('Europe/Berlin', after)).toBe(7_200_000);
    expect(formatTimestamp(BigInt(after) * 1000n, 'Europe/Berlin', 'show')).toBe('2024-03-31 03:00:00');
  });

  it('rejects an unknown zone with a diagnostic', () => {
    expect(() => offsetAtInstant('Mars/Olympus', 0)).toThrow(/unknown time zone 'Mars\/Olympus'/);
  });

  it('prints binary as show() does', () => {
    expect(formatBinaryHex(Uint8Array.of(1, 0xab, 255))).toBe('[01 AB FF]');
  });
});

describe('partition directory names', () => {
  it('escapes what Spark escapes and names NULL the default partition', () => {
    expect(escapePathName('a/b=c:d%')).toBe('a%2Fb%3Dc%3Ad%25');
    expect(partitionSegment('ts', '2024-01-01 10:00:00')).toBe('ts=2024-01-01 10%3A00%3A00');
    expect(partitionSegment('k', null)).toBe('k=__HIVE_DEFAULT_PARTITION__');
    expect(partitionSegment('k', '')).toBe('k=__HIVE_DEFAULT_PARTITION__');
    expect(partitionSegment('städte', 'Köln')).toBe('städte=Köln');
  });
});
