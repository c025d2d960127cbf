import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetFooter } from '../../../src/catalog/parquet-footer.js';
import { mapParquetSchema } from '../../../src/catalog/parquet-schema.js';
import { decimalToNumber, fileStatistics } from '../../../src/catalog/statistics.js';
import type { ColumnChunkStatistics, FileStatistics } from '../../../src/catalog/statistics.js';
import { createParquetFixtures } from '../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;
beforeAll(async () => {
  fx = await createParquetFixtures();
});
afterAll(() => fx.close());

let fileNumber = 0;
async function statsOf(select: string, options?: string): Promise<FileStatistics> {
  const file = await fx.writeParquet(`s${fileNumber++}.parquet`, select, options);
  const footer = readParquetFooter(file);
  return fileStatistics(footer, mapParquetSchema(footer.schema, file).leaves);
}

/** The single row group's chunk statistics by dotted leaf path. */
async function chunksOf(select: string): Promise<Record<string, ColumnChunkStatistics>> {
  const stats = await statsOf(select);
  expect(stats.rowGroups).toHaveLength(1);
  return Object.fromEntries(stats.rowGroups[0]!.columns.map((c) => [c.path.join('.'), c]));
}

function bounds(c: ColumnChunkStatistics | undefined): [unknown, unknown] {
  return [c?.min, c?.max];
}

describe('fileStatistics', () => {
  it('gives per-file and per-row-group counts and sizes', async () => {
    const stats = await statsOf('SELECT range AS id, (range % 10)::INT AS k FROM range(10000)', 'ROW_GROUP_SIZE 2048');
    expect(stats.rowCount).toBe(10000);
    expect(stats.sizeBytes).toBeGreaterThan(0);
    expect(stats.rowGroups.length).toBeGreaterThan(1);
    expect(stats.rowGroups.reduce((n, g) => n + g.rowCount, 0)).toBe(10000);
    const [first, second] = stats.rowGroups;
    expect(first!.columns.map((c) => c.path)).toEqual([['id'], ['k']]);
    expect(bounds(first!.columns[0])).toEqual([0n, BigInt(first!.rowCount - 1)]);
    expect(second!.columns[0]!.min).toBe(BigInt(first!.rowCount));
    expect(bounds(first!.columns[1])).toEqual([0, 9]);
    for (const group of stats.rowGroups) {
      expect(group.compressedBytes).toBe(group.columns.reduce((n, c) => n + c.compressedBytes, 0));
      expect(group.uncompressedBytes).toBeGreaterThan(0);
      expect(group.columns.every((c) => c.nullCount === 0)).toBe(true);
    }
  });

  it('counts nulls, and has no bounds for an all-null chunk', async () => {
    const c = await chunksOf('SELECT CASE WHEN range % 3 = 0 THEN NULL ELSE range::INT END AS x, NULL::INT AS n FROM range(30)');
    expect(c.x).toMatchObject({ min: 1, max: 29, nullCount: 10 });
    expect(c.n?.nullCount).toBe(30);
    expect(bounds(c.n)).toEqual([undefined, undefined]);
  });

  it('converts integers: small ones to numbers, 64-bit and uint32 to bigint, uint64 to a decimal number', async () => {
    const c = await chunksOf(`SELECT * FROM (VALUES
      ((-128)::TINYINT, (-32768)::SMALLINT, (-2147483648)::INT, (-9223372036854775808)::BIGINT, 0::UTINYINT, 0::UINTEGER, 0::UBIGINT),
      (127::TINYINT, 32767::SMALLINT, 2147483647::INT, 9223372036854775807::BIGINT, 255::UTINYINT, 4294967295::UINTEGER, 18446744073709551615::UBIGINT)
    ) t(i8, i16, i32, i64, u8, u32, u64)`);
    expect(bounds(c.i8)).toEqual([-128, 127]);
    expect(bounds(c.i16)).toEqual([-32768, 32767]);
    expect(bounds(c.i32)).toEqual([-2147483648, 2147483647]);
    expect(bounds(c.i64)).toEqual([-9223372036854775808n, 9223372036854775807n]);
    expect(bounds(c.u8)).toEqual([0, 255]);
    expect(bounds(c.u32)).toEqual([0n, 4294967295n]);
    expect(bounds(c.u64)).toEqual([0, 18446744073709551615]);
  });

  it('converts decimals to the nearest double of the exact value', async () => {
    const c = await chunksOf(`SELECT * FROM (VALUES
      (0.05::DECIMAL(4,2), 0.07::DECIMAL(15,2), -123456789012.34::DECIMAL(18,2), 1.1::DECIMAL(38,10)),
      (0.07::DECIMAL(4,2), 901234567.89::DECIMAL(15,2), 123456789012.34::DECIMAL(18,2), 2.2::DECIMAL(38,10))
    ) t(d4, d15, d18, d38)`);
    expect(bounds(c.d4)).toEqual([0.05, 0.07]);
    expect(bounds(c.d15)).toEqual([0.07, 901234567.89]);
    expect(bounds(c.d18)).toEqual([-123456789012.34, 123456789012.34]);
    expect(bounds(c.d38)).toEqual([1.1, 2.2]);
  });

  it('leaves out decimal bounds whose exact value the footer no longer determines', async () => {
    const c = await chunksOf(`SELECT 1234567890123456.78::DECIMAL(18,2) AS d18, 12345678901234567890.5::DECIMAL(38,1) AS d38`);
    expect(bounds(c.d18)).toEqual([undefined, undefined]);
    expect(bounds(c.d38)).toEqual([undefined, undefined]);
  });

  it('converts dates to days and timestamps to microseconds', async () => {
    const c = await chunksOf(`SELECT * FROM (VALUES
      (DATE '1969-12-31', TIMESTAMP '2024-01-15 10:00:00.123456', TIMESTAMPTZ '2024-01-15 10:00:00+00', TIMESTAMP_MS '2024-01-15 10:00:00.123', TIMESTAMP_NS '1969-12-31 23:59:59.999999999'),
      (DATE '2024-01-15', TIMESTAMP '2024-01-16 00:00:00', TIMESTAMPTZ '2024-01-15 11:00:00+00', TIMESTAMP_MS '2024-01-15 10:00:01', TIMESTAMP_NS '1970-01-01 00:00:00.000001999')
    ) t(d, ts, tstz, ms, ns)`);
    expect(bounds(c.d)).toEqual([-1, 19737]);
    expect(bounds(c.ts)).toEqual([1705312800123456n, 1705363200000000n]);
    expect(bounds(c.tstz)).toEqual([1705312800000000n, 1705316400000000n]);
    expect(bounds(c.ms)).toEqual([1705312800123000n, 1705312801000000n]);
    // Nanoseconds round down to the microsecond, so bounds stay bounds.
    expect(bounds(c.ns)).toEqual([-1n, 1n]);
  });

  it('converts strings, binary, booleans and floats', async () => {
    const c = await chunksOf(`SELECT * FROM (VALUES
      ('héllo', '\\x00\\xFF'::BLOB, false, 1.5::FLOAT, -2.25::DOUBLE),
      ('zeta', '\\x01'::BLOB, true, 2.5::FLOAT, 1e300::DOUBLE)
    ) t(s, b, bool, f, d)`);
    expect(bounds(c.s)).toEqual(['héllo', 'zeta']);
    expect(bounds(c.b)).toEqual([new Uint8Array([0, 255]), new Uint8Array([1])]);
    expect(bounds(c.bool)).toEqual([false, true]);
    expect(bounds(c.f)).toEqual([1.5, 2.5]);
    expect(bounds(c.d)).toEqual([-2.25, 1e300]);
  });

  it('gives statistics for the leaves of nested columns', async () => {
    const c = await chunksOf(`SELECT [3, 1, 2] AS l, {'x': 'b'} AS s`);
    expect(bounds(c['l.list.element'])).toEqual([1, 3]);
    expect(bounds(c['s.x'])).toEqual(['b', 'b']);
  });

  it('reads the statistics parquet-wasm writes', async () => {
    const { Table, vectorFromArray, Utf8, Int32 } = await import('apache-arrow');
    const table = new Table({ k: vectorFromArray([3, 1, 2], new Int32()), s: vectorFromArray(['b', 'a', 'c'], new Utf8()) });
    const file = fx.writeArrow('wasm.parquet', table);
    const footer = readParquetFooter(file);
    const stats = fileStatistics(footer, mapParquetSchema(footer.schema, file).leaves);
    expect(stats.rowGroups[0]!.columns.map(bounds)).toEqual([
      [1, 3],
      ['a', 'c'],
    ]);
  });
});

describe('decimalToNumber', () => {
  it('rounds the exact value to the nearest double, like parsing the literal', () => {
    expect(decimalToNumber(7n, 2)).toBe(Number('0.07'));
    expect(decimalToNumber(-12345n, 3)).toBe(-12.345);
    expect(decimalToNumber(123456789012345678901234567890n, 10)).toBe(Number('12345678901234567890.1234567890'));
    expect(decimalToNumber(5n, 0)).toBe(5);
  });
});
