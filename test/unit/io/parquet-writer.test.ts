// The atomic Parquet writer: values and types round-trip through DuckDB, row groups and statistics, atomicity.
import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import {
  DateDay,
  Decimal,
  Dictionary,
  Field,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Schema,
  Struct,
  Table,
  TimestampMicrosecond,
  Utf8,
  makeData,
  tableFromArrays,
  vectorFromArray,
} from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { replaceDirectoryAtomic } from '../../../src/io/atomic-write.js';
import { writeParquetFile, writeParquetParts } from '../../../src/io/parquet-writer.js';

let dir: string;
let db: DuckDBConnection;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'sqlopt-parquet-writer-'));
  db = await (await DuckDBInstance.create(':memory:')).connect();
});
afterAll(() => {
  db.closeSync();
  rmSync(dir, { recursive: true, force: true });
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}

/** Files in `path`'s directory that a failed write could have left behind. */
function leftovers(path: string): string[] {
  return readdirSync(path).filter((name) => name.startsWith('.'));
}

// 2,500 rows of every type the generators write; row i has: id i, big i × 2^33, cents i × 101 - 50,000
// (negative for small i), day 8,035 + i (1992-01-01 on), ts i seconds after 2024-01-01, s null every 7th
// row, k one of three dictionary values, v null every 3rd row.
const N = 2500;
function sampleTable(n = N, first = 0): Table {
  const ids = Int32Array.from({ length: n }, (_, i) => first + i);
  const big = BigInt64Array.from({ length: n }, (_, i) => BigInt(first + i) << 33n);
  const decimals = new Uint32Array(n * 4);
  for (let i = 0; i < n; i++) {
    const cents = BigInt.asUintN(128, BigInt((first + i) * 101 - 50_000));
    for (let w = 0; w < 4; w++) decimals[4 * i + w] = Number((cents >> BigInt(32 * w)) & 0xffffffffn);
  }
  const days = Int32Array.from({ length: n }, (_, i) => 8035 + first + i);
  const ts = BigInt64Array.from({ length: n }, (_, i) => 1_704_067_200_000_000n + BigInt(first + i) * 1_000_000n);
  const strings = Array.from({ length: n }, (_, i) => ((first + i) % 7 === 0 ? null : `s${first + i}`));
  const codes = Int32Array.from({ length: n }, (_, i) => (first + i) % 3);
  const doubles = Float64Array.from({ length: n }, (_, i) => (first + i) / 4);
  const doubleValid = new Uint8Array(Math.ceil(n / 8));
  let doubleNulls = 0;
  for (let i = 0; i < n; i++) {
    if ((first + i) % 3 !== 0) doubleValid[i >> 3]! |= 1 << (i & 7);
    else doubleNulls++;
  }
  const kType = new Dictionary(new Utf8(), new Int32());
  const fields = [
    new Field('id', new Int32(), false),
    new Field('big', new Int64(), false),
    new Field('amount', new Decimal(2, 15, 128), false),
    new Field('day', new DateDay(), false),
    new Field('ts', new TimestampMicrosecond('UTC'), false),
    new Field('s', new Utf8(), true),
    new Field('k', kType, false),
    new Field('v', new Float64(), true),
  ];
  const sVector = vectorFromArray(strings, new Utf8());
  const children = [
    makeData({ type: new Int32(), length: n, data: ids }),
    makeData({ type: new Int64(), length: n, data: big }),
    makeData({ type: new Decimal(2, 15, 128), length: n, data: decimals }),
    makeData({ type: new DateDay(), length: n, data: days }),
    makeData({ type: new TimestampMicrosecond('UTC'), length: n, data: ts }),
    sVector.data[0]!,
    makeData({ type: kType, length: n, data: codes, dictionary: vectorFromArray(['AIR', 'RAIL', 'TRUCK'], new Utf8()) }),
    makeData({ type: new Float64(), length: n, data: doubles, nullBitmap: doubleValid, nullCount: doubleNulls }),
  ];
  const schema = new Schema(fields);
  return new Table([new RecordBatch(schema, makeData({ type: new Struct(fields), length: n, children }))]);
}

function* batchesOf(total: number, size: number): Generator<RecordBatch> {
  for (let first = 0; first < total; first += size) yield* sampleTable(Math.min(size, total - first), first).batches;
}

describe('writeParquetFile', () => {
  it('round-trips values and types, in row groups of the requested size with min/max statistics', async () => {
    const path = join(dir, 'types.parquet');
    const result = await writeParquetFile(path, sampleTable(), { rowGroupSize: 1000 });
    expect(result).toMatchObject({ path, rows: N, rowGroups: 3 });
    expect(result.bytes).toBe(readFileSync(path).byteLength);

    const types = await rows(`DESCRIBE SELECT * FROM '${path}'`);
    expect(Object.fromEntries(types.map((r) => [r['column_name'], r['column_type']]))).toEqual({
      id: 'INTEGER',
      big: 'BIGINT',
      amount: 'DECIMAL(15,2)',
      day: 'DATE',
      ts: 'TIMESTAMP WITH TIME ZONE',
      s: 'VARCHAR',
      k: 'VARCHAR',
      v: 'DOUBLE',
    });

    const sample = await rows(
      `SELECT id, big::VARCHAR AS big, amount::VARCHAR AS amount, day::VARCHAR AS day, epoch_us(ts) AS ts, s, k, v
       FROM '${path}' WHERE id IN (0, 1, 2498) ORDER BY id`,
    );
    expect(sample).toEqual([
      { id: 0, big: '0', amount: '-500.00', day: '1992-01-01', ts: '1704067200000000', s: null, k: 'AIR', v: null },
      { id: 1, big: '8589934592', amount: '-498.99', day: '1992-01-02', ts: '1704067201000000', s: 's1', k: 'RAIL', v: 0.25 },
      { id: 2498, big: String(2498n << 33n), amount: '2022.98', day: '1998-11-03', ts: '1704069698000000', s: 's2498', k: 'TRUCK', v: 624.5 },
    ]);
    const [counts] = await rows(`SELECT count(*) AS n, count(s) AS s, count(v) AS v, sum(amount)::VARCHAR AS total FROM '${path}'`);
    expect(counts).toEqual({ n: '2500', s: String(N - Math.ceil(N / 7)), v: String(N - Math.ceil(N / 3)), total: (sumCents(N) / 100).toFixed(2) });

    const groups = await rows(
      `SELECT row_group_id AS g, any_value(row_group_num_rows) AS n,
              bool_and(stats_min_value IS NOT NULL AND stats_max_value IS NOT NULL) AS stats
       FROM parquet_metadata('${path}') GROUP BY 1 ORDER BY 1`,
    );
    expect(groups).toEqual([
      { g: '0', n: '1000', stats: true },
      { g: '1', n: '1000', stats: true },
      { g: '2', n: '500', stats: true },
    ]);
    const idStats = await rows(
      `SELECT stats_min_value AS lo, stats_max_value AS hi FROM parquet_metadata('${path}') WHERE path_in_schema = 'amount' ORDER BY row_group_id`,
    );
    expect(idStats).toEqual([
      { lo: '-500.00', hi: '508.99' },
      { lo: '510.00', hi: '1518.99' },
      { lo: '1520.00', hi: '2023.99' },
    ]);
  });

  it('streams a generator of batches, joining small batches into full row groups', async () => {
    const path = join(dir, 'streamed.parquet');
    const result = await writeParquetFile(path, batchesOf(N, 300), { rowGroupSize: 1024, compression: 'zstd' });
    expect(result).toMatchObject({ rows: N, rowGroups: 3 });
    const [check] = await rows(`SELECT count(*) AS n, count(DISTINCT id) AS d, min(id) AS lo, max(id) AS hi FROM '${path}'`);
    expect(check).toEqual({ n: '2500', d: '2500', lo: 0, hi: 2499 });
    const sizes = await rows(`SELECT DISTINCT row_group_id AS g, row_group_num_rows AS n, compression AS c FROM parquet_metadata('${path}') ORDER BY 1`);
    expect(sizes.map((r) => [r['n'], r['c']])).toEqual([
      ['1024', 'ZSTD'],
      ['1024', 'ZSTD'],
      ['452', 'ZSTD'],
    ]);
  });

  it('accepts an async iterable', async () => {
    async function* source(): AsyncGenerator<RecordBatch> {
      yield* batchesOf(700, 250);
    }
    const path = join(dir, 'async.parquet');
    await writeParquetFile(path, source());
    expect(await rows(`SELECT count(*) AS n FROM '${path}'`)).toEqual([{ n: '700' }]);
  });

  it('leaves the previous file intact and no temporary file when the source throws mid-way', async () => {
    const sub = join(dir, 'atomic');
    const path = join(sub, 'data.parquet');
    await writeParquetFile(path, sampleTable(100));
    const before = readFileSync(path);

    function* failing(): Generator<RecordBatch> {
      yield* batchesOf(2000, 500);
      throw new Error('generator failed');
    }
    await expect(writeParquetFile(path, failing(), { rowGroupSize: 600 })).rejects.toThrow('generator failed');
    expect(readFileSync(path).equals(before)).toBe(true);
    expect(leftovers(sub)).toEqual([]);
    expect(await rows(`SELECT count(*) AS n FROM '${path}'`)).toEqual([{ n: '100' }]);
  });

  it('rejects a batch whose schema differs from the first, without leaving a file', async () => {
    const sub = join(dir, 'mismatch');
    const path = join(sub, 'data.parquet');
    const other = tableFromArrays({ id: Float64Array.of(1) });
    await expect(writeParquetFile(path, [...sampleTable(10).batches, ...other.batches])).rejects.toThrow(/differs/);
    expect(readdirSync(sub)).toEqual([]);
  });

  it('writes an empty file from a schema, and refuses an empty source without one', async () => {
    const schema = sampleTable(1).schema;
    const path = join(dir, 'empty.parquet');
    expect(await writeParquetFile(path, [], { schema })).toMatchObject({ rows: 0, rowGroups: 0 });
    const columns = await rows(`DESCRIBE SELECT * FROM '${path}'`);
    expect(columns.map((c) => c['column_name'])).toEqual(['id', 'big', 'amount', 'day', 'ts', 's', 'k', 'v']);
    expect(await rows(`SELECT count(*) AS n FROM '${path}'`)).toEqual([{ n: '0' }]);
    await expect(writeParquetFile(join(dir, 'none.parquet'), [])).rejects.toThrow(/no schema/);
  });
});

describe('writeParquetParts', () => {
  it('splits rows across part files of at most rowsPerFile rows, in order', async () => {
    const sub = join(dir, 'parts');
    const results = await writeParquetParts(sub, batchesOf(N, 700), { rowsPerFile: 1000, rowGroupSize: 400 });
    expect(results.map((r) => [r.path.slice(sub.length + 1), r.rows, r.rowGroups])).toEqual([
      ['part-00000.parquet', 1000, 3],
      ['part-00001.parquet', 1000, 3],
      ['part-00002.parquet', 500, 2],
    ]);
    const perFile = await rows(
      `SELECT parse_filename(filename) AS f, min(id) AS lo, max(id) AS hi, count(*) AS n
       FROM read_parquet('${sub}/*.parquet', filename = true) GROUP BY 1 ORDER BY 1`,
    );
    expect(perFile).toEqual([
      { f: 'part-00000.parquet', lo: 0, hi: 999, n: '1000' },
      { f: 'part-00001.parquet', lo: 1000, hi: 1999, n: '1000' },
      { f: 'part-00002.parquet', lo: 2000, hi: 2499, n: '500' },
    ]);
    // Dictionary columns survive the slicing at file boundaries.
    expect(await rows(`SELECT k, count(*) AS n FROM '${sub}/*.parquet' GROUP BY 1 ORDER BY 1`)).toEqual([
      { k: 'AIR', n: '834' },
      { k: 'RAIL', n: '833' },
      { k: 'TRUCK', n: '833' },
    ]);
  });

  it('writes one empty part file for an empty source with a schema', async () => {
    const sub = join(dir, 'empty-parts');
    const results = await writeParquetParts(sub, [], { schema: sampleTable(1).schema });
    expect(results.map((r) => r.rows)).toEqual([0]);
    expect(readdirSync(sub)).toEqual(['part-00000.parquet']);
  });
});

describe('replaceDirectoryAtomic', () => {
  it('swaps in the new content, or keeps the old content when the build fails', async () => {
    const target = join(dir, 'table');
    mkdirSync(target);
    writeFileSync(join(target, 'old.txt'), 'old');

    await expect(
      replaceDirectoryAtomic(target, async (tmp) => {
        writeFileSync(join(tmp, 'half.txt'), 'half');
        throw new Error('build failed');
      }),
    ).rejects.toThrow('build failed');
    expect(readdirSync(target)).toEqual(['old.txt']);
    expect(leftovers(dir)).toEqual([]);

    await replaceDirectoryAtomic(target, async (tmp) => writeParquetParts(tmp, sampleTable(10)));
    expect(readdirSync(target)).toEqual(['part-00000.parquet']);
    expect(leftovers(dir)).toEqual([]);
  });
});

function sumCents(n: number): number {
  let total = 0;
  for (let i = 0; i < n; i++) total += i * 101 - 50_000;
  return total;
}
