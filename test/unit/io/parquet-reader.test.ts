import { existsSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  DataType,
  Dictionary,
  Int32,
  Table,
  TimeUnit,
  Utf8,
  util,
  vectorFromArray,
} from 'apache-arrow';
import type { RecordBatch, Vector } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readParquetFooter } from '../../../src/catalog/parquet-footer.js';
import { openParquetTable } from '../../../src/catalog/parquet-table.js';
import { SqlError } from '../../../src/common/errors.js';
import { DEFAULT_BATCH_SIZE, openParquetReader, readParquetTable } from '../../../src/io/parquet-reader.js';
import type { ScanOptions } from '../../../src/io/parquet-reader.js';
import { addScanMetrics, createScanMetrics } from '../../../src/io/scan-metrics.js';
import type { ScanMetrics } from '../../../src/io/scan-metrics.js';
import { decodeThriftStruct, encodeThriftStruct } from '../../../src/io/thrift-compact.js';
import type { ThriftStruct } from '../../../src/io/thrift-compact.js';
import { parquetWasm, wasmMemoryBytes } from '../../../src/io/wasm.js';
import { createParquetFixtures } from '../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;
let duck: DuckDBConnection;
let closeDuck: () => void;

/** DuckDB writes row groups of ROW_GROUP_SIZE rows (a multiple of its 2048-row vectors) in order with one thread. */
const ROWS = 5000;
const GROUP = 2048;

const TYPES_SELECT = `
  SELECT id::INT AS id,
    CASE WHEN id % 7 = 3 THEN NULL ELSE (id - 2500) * 1000003 END::BIGINT AS b,
    CASE WHEN id % 7 = 3 THEN NULL WHEN id = 1 THEN 'inf'::DOUBLE WHEN id = 2 THEN '-inf'::DOUBLE ELSE id / 8 - 100 END::DOUBLE AS d,
    CASE WHEN id % 7 = 3 THEN NULL ELSE ((id - 2500) * 1234567.89 + id / 100) END::DECIMAL(15,2) AS dec,
    CASE WHEN id % 7 = 3 THEN NULL ELSE DATE '1969-12-01' + (id * 37)::INT END AS dt,
    CASE WHEN id % 7 = 3 THEN NULL ELSE TIMESTAMP '1969-12-31 23:59:59' + to_microseconds(id * 1000003) END AS ts,
    CASE WHEN id % 7 = 3 THEN NULL ELSE TIMESTAMPTZ '2024-03-10 12:00:00+00' + to_microseconds(id) END AS tstz,
    CASE WHEN id % 7 = 3 THEN NULL WHEN id % 5 = 0 THEN '' ELSE 'é-' || id END AS s,
    CASE WHEN id % 7 = 3 THEN NULL ELSE id % 3 = 0 END AS bo
  FROM range(${ROWS}) t(id)`;

beforeAll(async () => {
  fx = await createParquetFixtures('sqlopt-reader-');
  const instance = await DuckDBInstance.create(':memory:');
  duck = await instance.connect();
  closeDuck = () => {
    duck.closeSync();
    instance.closeSync();
  };
  await fx.run('SET threads = 1');
  await fx.writeParquet('types.parquet', TYPES_SELECT, `ROW_GROUP_SIZE ${GROUP}`);
  await fx.writeParquet(
    'nested.parquet',
    `SELECT id::INT AS id, CASE WHEN id % 4 = 1 THEN NULL ELSE {'x': id, 'y': 'v' || id} END AS st,
       CASE WHEN id % 4 = 2 THEN NULL ELSE [id, NULL, id + 1][1:id % 3 + 1] END AS li,
       CASE WHEN id % 4 = 3 THEN NULL ELSE MAP {'k' || id: id} END AS mp
     FROM range(10) t(id)`,
  );
  await fx.writeParquet(
    'wide.parquet',
    `SELECT range::INT AS id, md5(range::VARCHAR) AS h, (range * 0.5)::DOUBLE AS d, 'str' || (range % 97) AS s FROM range(${ROWS})`,
    `ROW_GROUP_SIZE ${GROUP}`,
  );
  await fx.writeParquet('many.parquet', `SELECT range::INT AS id, md5(range::VARCHAR) AS h, range / 3 AS d FROM range(${40 * GROUP})`, `ROW_GROUP_SIZE ${GROUP}`);
  await fx.writeParquet('uncompressed.parquet', 'SELECT range::INT AS i, range::VARCHAR AS s FROM range(5000)', 'COMPRESSION uncompressed');
  fx.writeArrow(
    'dict.parquet',
    new Table({
      id: vectorFromArray([1, 2, 3, 4, 5, 6, 7], new Int32()),
      cat: vectorFromArray(['a', 'b', null, 'a', 'c', 'c', 'b'], new Dictionary(new Utf8(), new Int32())),
      name: vectorFromArray(['x', null, 'z', 'w', 'v', 'u', 't'], new Utf8()),
    }),
    3,
  );
});

afterAll(() => {
  closeDuck();
  fx.close();
});

async function oracle(sql: string): Promise<Record<string, unknown>[]> {
  return (await duck.runAndReadAll(sql)).getRowObjectsJS() as Record<string, unknown>[];
}

async function collect(path: string, options: ScanOptions = {}): Promise<RecordBatch[]> {
  const batches: RecordBatch[] = [];
  for await (const batch of openParquetReader(path).scan(options)) batches.push(batch);
  return batches;
}

async function sqlError(run: () => unknown): Promise<SqlError> {
  try {
    await run();
  } catch (e) {
    if (e instanceof SqlError) return e;
    throw e;
  }
  throw new Error('expected a SqlError');
}

/** The values of a Decimal128 vector as exact unscaled bigints (4 little-endian 32-bit words per value). */
function unscaledDecimals(vector: Vector): (bigint | null)[] {
  const out: (bigint | null)[] = [];
  for (const data of vector.data) {
    const words = data.values as Uint32Array;
    for (let i = 0; i < data.length; i++) {
      if (!data.getValid(i)) {
        out.push(null);
        continue;
      }
      let v = 0n;
      for (let w = 3; w >= 0; w--) v = (v << 32n) | BigInt(words[(data.offset + i) * 4 + w]!);
      out.push(BigInt.asIntN(128, v));
    }
  }
  return out;
}

function rawValues<T>(vector: Vector, read: (values: ArrayLike<T>, i: number) => T): (T | null)[] {
  const out: (T | null)[] = [];
  for (const data of vector.data) {
    for (let i = 0; i < data.length; i++) out.push(data.getValid(i) ? read(data.values as ArrayLike<T>, data.offset + i) : null);
  }
  return out;
}

describe('values', () => {
  it('reads ints, doubles, DECIMAL(15,2), DATE, TIMESTAMP, strings and booleans as DuckDB sees them, NULLs included', async () => {
    const table = await readParquetTable(fx.path('types.parquet'));
    const expected = await oracle(`
      SELECT id, b, d, (dec * 100)::BIGINT AS dec, dt - DATE '1970-01-01' AS dt, epoch_us(ts) AS ts, epoch_us(tstz) AS tstz, s, bo
      FROM read_parquet('${fx.path('types.parquet')}') ORDER BY id`);
    const types = Object.fromEntries(table.schema.fields.map((f) => [f.name, f.type]));
    expect(String(types.id)).toBe('Int32');
    expect(String(types.b)).toBe('Int64');
    expect(String(types.d)).toBe('Float64');
    expect(DataType.isDecimal(types.dec!) && [types.dec.precision, types.dec.scale, types.dec.bitWidth]).toEqual([15, 2, 128]);
    expect(DataType.isDate(types.dt!) && types.dt.unit).toBe(0); // DateUnit.DAY: Date32
    expect(DataType.isTimestamp(types.ts!) && [types.ts.unit, types.ts.timezone]).toEqual([TimeUnit.MICROSECOND, null]);
    expect(DataType.isTimestamp(types.tstz!) && types.tstz.unit).toBe(TimeUnit.MICROSECOND);
    expect(String(types.s)).toBe('Utf8');
    expect(String(types.bo)).toBe('Bool');

    const column = (name: string) => table.getChild(name)!;
    expect(column('id').toArray()).toEqual(Int32Array.from(expected, (r) => r.id as number));
    expect([...column('b')]).toEqual(expected.map((r) => r.b));
    expect([...column('d')]).toEqual(expected.map((r) => r.d));
    expect(unscaledDecimals(column('dec'))).toEqual(expected.map((r) => r.dec));
    expect(rawValues<number>(column('dt'), (v, i) => v[i]!).map((d) => (d === null ? null : BigInt(d)))).toEqual(expected.map((r) => r.dt));
    expect(rawValues<bigint>(column('ts'), (v, i) => v[i]!)).toEqual(expected.map((r) => r.ts));
    expect(rawValues<bigint>(column('tstz'), (v, i) => v[i]!)).toEqual(expected.map((r) => r.tstz));
    expect([...column('s')]).toEqual(expected.map((r) => r.s));
    expect([...column('bo')]).toEqual(expected.map((r) => r.bo));
    expect(column('s').nullCount).toBe(expected.filter((r) => r.s === null).length);
  });

  it('keeps strings an Arrow writer dictionary-encoded as Dictionary<Int32, Utf8>, with one schema across batches', async () => {
    const reader = openParquetReader(fx.path('dict.parquet'));
    expect(reader.rowGroupRowCounts).toEqual([3, 3, 1]);
    const batches: RecordBatch[] = [];
    for await (const batch of reader.scan({ columns: ['name', 'cat'] })) batches.push(batch);
    expect(batches).toHaveLength(3);
    // compareSchemas compares dictionary types by id, as the Table constructor does.
    for (const batch of batches) expect(util.compareSchemas(batch.schema, reader.schema(['name', 'cat']))).toBe(true);
    const type = batches[0]!.schema.fields[1]!.type;
    expect(DataType.isDictionary(type) && DataType.isUtf8(type.dictionary) && DataType.isInt(type.indices)).toBe(true);
    const table = new Table(batches);
    expect([...table.getChild('cat')!]).toEqual(['a', 'b', null, 'a', 'c', 'c', 'b']);
    expect([...table.getChild('name')!]).toEqual(['x', null, 'z', 'w', 'v', 'u', 't']);
  });

  it('reads nested columns whole by their top-level name', async () => {
    const table = await readParquetTable(fx.path('nested.parquet'), { columns: ['mp', 'st', 'li'] });
    expect(table.schema.fields.map((f) => f.name)).toEqual(['mp', 'st', 'li']);
    const expected = await oracle(`SELECT st, li, mp FROM read_parquet('${fx.path('nested.parquet')}') ORDER BY id`);
    expect(table.toArray().map((row) => row.st?.toJSON() ?? null)).toEqual(expected.map((r) => r.st));
    expect(table.toArray().map((row) => (row.li ? [...row.li] : null))).toEqual(expected.map((r) => r.li));
    const maps = table.toArray().map((row) => (row.mp ? Object.entries(row.mp.toJSON()) : null));
    expect(maps).toEqual(expected.map((r) => (r.mp ? (r.mp as { key: string; value: number }[]).map((e) => [e.key, e.value]) : null)));
  });

  it('describes the batches it will give without reading data', async () => {
    for (const file of ['types.parquet', 'nested.parquet', 'dict.parquet']) {
      const reader = openParquetReader(fx.path(file));
      const [batch] = await reader.readRowGroup(0);
      expect(util.compareSchemas(reader.schema(), batch!.schema)).toBe(true);
    }
  });
});

describe('column selection', () => {
  it('decodes only the requested columns, in the requested order, and reads only their bytes', async () => {
    const path = fx.path('wide.parquet');
    const chunks = openParquetTable(path).files[0]!.statistics.rowGroups.map((g) => g.columns.map((c) => c.compressedBytes));
    const some = createScanMetrics();
    const batches = await collect(path, { columns: ['s', 'id', 's'], metrics: some });
    expect(batches[0]!.schema.fields.map((f) => f.name)).toEqual(['s', 'id', 's']);
    expect(batches.every((b) => b.numCols === 3 && b.getChild('h') === null)).toBe(true);
    expect(some.bytesRead).toBe(chunks.reduce((n, c) => n + c[3]! + c[0]!, 0));

    const all = createScanMetrics();
    await collect(path, { metrics: all });
    expect(all.bytesRead).toBe(chunks.flat().reduce((a, b) => a + b, 0));
    expect(some.bytesRead).toBeLessThan(all.bytesRead / 4);

    const ids = new Table(batches).getChild('id')!.toArray();
    expect(ids).toEqual(Int32Array.from({ length: ROWS }, (_, i) => i));
  });

  it('counts rows without reading data when no column is requested', async () => {
    const metrics = createScanMetrics();
    const batches = await collect(fx.path('wide.parquet'), { columns: [], metrics, batchSize: 1000 });
    expect(batches.map((b) => b.numRows)).toEqual([1000, 1000, 48, 1000, 1000, 48, 904]);
    expect(batches.every((b) => b.numCols === 0)).toBe(true);
    expect(metrics).toMatchObject({ rows: ROWS, bytesRead: 0, rowGroupsRead: 3, filesRead: 1 });
  });

  it('names the file and the column when a column does not exist', async () => {
    const e = await sqlError(() => collect(fx.path('wide.parquet'), { columns: ['id', 'nope'] }));
    expect(e.code).toBe('IO_COLUMN_NOT_FOUND');
    expect(e.message).toContain(fx.path('wide.parquet'));
    expect(e.message).toContain('`nope`');
    expect(e.message).toContain('`h`');
  });
});

describe('row groups', () => {
  it('reads the given row groups in the given order and counts the others as skipped', async () => {
    const metrics = createScanMetrics();
    const batches = await collect(fx.path('wide.parquet'), { columns: ['id'], rowGroups: [2, 0], metrics });
    const ids = batches.map((b) => b.getChild('id')!.get(0) as number);
    expect(ids).toEqual([2 * GROUP, 0]);
    expect(batches.map((b) => b.numRows)).toEqual([ROWS - 2 * GROUP, GROUP]);
    expect(metrics).toMatchObject({ filesRead: 1, rowGroupsRead: 2, rowGroupsSkipped: 1, rows: ROWS - GROUP, batches: 2 });
    expect(metrics.bytesRead).toBeGreaterThan(0);
    expect(metrics.decodeTimeMs).toBeGreaterThan(0);
  });

  it('reads nothing, and counts every row group as skipped, when pruning left none', async () => {
    const metrics = createScanMetrics();
    expect(await collect(fx.path('wide.parquet'), { rowGroups: [], metrics })).toEqual([]);
    expect(metrics).toMatchObject({ filesRead: 0, rowGroupsRead: 0, rowGroupsSkipped: 3, bytesRead: 0 });
    const empty = await readParquetTable(fx.path('wide.parquet'), { rowGroups: [], columns: ['d', 'id'] });
    expect(empty.numRows).toBe(0);
    expect(empty.schema.fields.map(String)).toEqual(['d: Float64', 'id: Int32']);
  });

  it("gives per-partition metrics that add up to the whole scan's", async () => {
    const reader = openParquetReader(fx.path('wide.parquet'));
    const whole = createScanMetrics();
    for await (const batch of reader.scan({ columns: ['h'], rowGroups: [0, 2], metrics: whole })) void batch;
    const partitions = [createScanMetrics(), createScanMetrics()];
    for (const [i, rowGroup] of [0, 2].entries()) await reader.readRowGroup(rowGroup, { columns: ['h'], metrics: partitions[i] });
    const sum = partitions.reduce((total, p) => addScanMetrics(total, p), createScanMetrics());
    const counts = ({ rowGroupsRead, rows, batches, bytesRead }: ScanMetrics) => ({ rowGroupsRead, rows, batches, bytesRead });
    expect(counts(sum)).toEqual(counts(whole));
  });

  it('reads one row group alone', async () => {
    const batches = await openParquetReader(fx.path('wide.parquet')).readRowGroup(1, { columns: ['id'] });
    expect(batches.map((b) => [b.numRows, b.getChild('id')!.get(0)])).toEqual([[GROUP, GROUP]]);
  });

  it('rejects a row group the file does not have, before counting anything', async () => {
    for (const index of [3, -1, 0.5]) {
      const metrics = createScanMetrics();
      const e = await sqlError(() => collect(fx.path('wide.parquet'), { rowGroups: [0, index], metrics }));
      expect(e.code).toBe('IO_ROW_GROUP_NOT_FOUND');
      expect(e.message).toContain(`'${fx.path('wide.parquet')}' has no row group ${index}`);
      expect(metrics).toEqual(createScanMetrics());
    }
  });
});

describe('batches', () => {
  it('splits row groups into batches of at most batchSize rows, in row order', async () => {
    const batches = await collect(fx.path('wide.parquet'), { columns: ['id', 'h'], batchSize: 300 });
    expect(batches.every((b) => b.numRows <= 300)).toBe(true);
    expect(batches).toHaveLength(7 + 7 + 4);
    const ids = new Table(batches).getChild('id')!.toArray();
    expect(ids).toEqual(Int32Array.from({ length: ROWS }, (_, i) => i));
  });

  it('gives one batch per row group when the row group is under the default batch size', async () => {
    expect(DEFAULT_BATCH_SIZE).toBeGreaterThan(GROUP);
    expect((await collect(fx.path('wide.parquet'))).map((b) => b.numRows)).toEqual([GROUP, GROUP, ROWS - 2 * GROUP]);
  });

  it.runIf(existsSync('/proc/self/fd'))('closes the file when the consumer stops a scan early', async () => {
    const openFiles = () => readdirSync('/proc/self/fd').length;
    const before = openFiles();
    let taken = 0;
    for await (const batch of openParquetReader(fx.path('wide.parquet')).scan({ batchSize: 100 })) {
      taken += batch.numRows;
      break;
    }
    expect(taken).toBe(100);
    expect(openFiles()).toBe(before);
  });

  it('rejects a batch size that is not a positive integer', async () => {
    await expect(collect(fx.path('wide.parquet'), { batchSize: 0 })).rejects.toThrow(RangeError);
    await expect(collect(fx.path('wide.parquet'), { batchSize: 1.5 })).rejects.toThrow(RangeError);
  });
});

describe('memory', () => {
  it('frees what each row group decode allocated in wasm, so reading more row groups does not grow wasm memory', async () => {
    const path = fx.path('many.parquet');
    const reader = openParquetReader(path);
    expect(reader.rowGroupRowCounts).toHaveLength(40);
    const pass = async () => {
      let rows = 0;
      for await (const batch of reader.scan()) rows += batch.numRows;
      return rows;
    };
    expect(await pass()).toBe(40 * GROUP);
    const afterOnePass = wasmMemoryBytes();
    for (let i = 0; i < 4; i++) await pass();
    expect(wasmMemoryBytes()).toBe(afterOnePass);
  });
});

describe('errors', () => {
  it('names a missing file', async () => {
    const e = await sqlError(() => readParquetTable(fx.path('missing.parquet')));
    expect(e.code).toBe('CATALOG_FILE_NOT_FOUND');
    expect(e.message).toContain(fx.path('missing.parquet'));
  });

  it('names a truncated file and a file of random bytes', async () => {
    const bytes = readFileSync(fx.path('wide.parquet'));
    const truncated = fx.writeBytes('truncated.parquet', bytes.subarray(0, bytes.length >> 1));
    const random = fx.writeBytes('random.parquet', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 251));
    for (const path of [truncated, random]) {
      const e = await sqlError(() => readParquetTable(path));
      expect(e.code).toBe('CATALOG_CORRUPT_FILE');
      expect(e.message).toContain(path);
    }
  });

  it('names the file, row group and column whose data pages are corrupt, and then reads other files', async () => {
    const bytes = new Uint8Array(readFileSync(fx.path('wide.parquet')));
    const chunk = openParquetTable(fx.path('wide.parquet')).files[0]!.statistics.rowGroups[1]!.columns[1]!;
    const start = chunkStart(fx.path('wide.parquet'), 1, 1);
    bytes.fill(0xff, start + (chunk.compressedBytes >> 1), start + (chunk.compressedBytes >> 1) + 64);
    const path = fx.writeBytes('corrupt-page.parquet', bytes);
    const e = await sqlError(() => readParquetTable(path));
    expect(e.code).toBe('IO_CORRUPT_FILE');
    expect(e.message).toContain(`'${path}': row group 1, column \`h\`: cannot decode:`);
    // Row groups and columns without damage still read.
    expect((await readParquetTable(path, { columns: ['id', 's', 'd'] })).numRows).toBe(ROWS);
    expect((await readParquetTable(path, { rowGroups: [0, 2] })).numRows).toBe(ROWS - GROUP);
    expect((await readParquetTable(fx.path('types.parquet'))).numRows).toBe(ROWS);
  });

  it('reports a decoder panic (wasm trap) without dying, and reads on with a fresh wasm instance', async () => {
    // A definition-level run header turned into a huge bit-packed run makes the Rust decoder index out of bounds.
    const bytes = new Uint8Array(readFileSync(fx.path('uncompressed.parquet')));
    const { end: pageData } = decodeThriftStruct(bytes, 4);
    bytes[pageData + 4] = 0xff;
    const path = fx.writeBytes('trap.parquet', bytes);
    const before = parquetWasm();
    const e = await sqlError(() => readParquetTable(path));
    expect(e.code).toBe('IO_DECODER_CRASHED');
    expect(e.message).toContain(`'${path}': row group 0, column \`i\`: the Parquet decoder aborted`);
    expect(parquetWasm()).not.toBe(before);
    expect((await readParquetTable(path, { columns: ['s'] })).numRows).toBe(5000);
    expect((await readParquetTable(fx.path('types.parquet'))).numRows).toBe(ROWS);
  });

  it('names the row group and column whose chunk the footer places beyond the data', async () => {
    // Cut data out of the middle and keep the footer: the footer still parses, but later chunks now overlap it.
    const bytes = readFileSync(fx.path('wide.parquet'));
    const footerLength = bytes.readUInt32LE(bytes.length - 8);
    const cut = Buffer.concat([bytes.subarray(0, bytes.length >> 1), bytes.subarray(bytes.length - footerLength - 8)]);
    const path = fx.writeBytes('cut.parquet', cut);
    const e = await sqlError(() => readParquetTable(path));
    expect(e.code).toBe('IO_CORRUPT_FILE');
    expect(e.message).toMatch(/row group \d, column `\w+`: the footer places its data at bytes \d+\.\.\d+, outside the file's data/);
  });

  it('notices a file that changed or vanished after it was opened', async () => {
    const path = fx.writeBytes('changing.parquet', readFileSync(fx.path('wide.parquet')));
    const reader = openParquetReader(path);
    writeFileSync(path, readFileSync(fx.path('types.parquet')));
    expect((await sqlError(() => reader.readRowGroup(0))).code).toBe('IO_FILE_CHANGED');
    rmSync(path);
    const e = await sqlError(() => collect(path));
    expect(e.code).toBe('CATALOG_FILE_NOT_FOUND');
    expect((await sqlError(() => reader.readRowGroup(0))).code).toBe('IO_FILE_NOT_FOUND');
  });
});

describe('footer codec', () => {
  it('round-trips every compact-protocol type, field ids out of order and long lists included', () => {
    const struct: ThriftStruct = {
      type: 'struct',
      fields: [
        { id: 1, value: { type: 'bool', value: true } },
        { id: 2, value: { type: 'bool', value: false } },
        { id: 40, value: { type: 'byte', value: -3 } },
        { id: 3, value: { type: 'i16', value: -300 } },
        { id: 4, value: { type: 'i32', value: 2 ** 31 - 1 } },
        { id: 5, value: { type: 'i64', value: -(2n ** 63n) } },
        { id: 6, value: { type: 'double', value: -0.125 } },
        { id: 7, value: { type: 'binary', value: Uint8Array.of(0, 255, 7) } },
        { id: 8, value: { type: 'list', elementType: 'i32', items: Array.from({ length: 20 }, (_, i) => ({ type: 'i32', value: i - 10 })) } },
        { id: 9, value: { type: 'set', elementType: 'bool', items: [{ type: 'bool', value: true }, { type: 'bool', value: false }] } },
        { id: 10, value: { type: 'map', keyType: 'binary', valueType: 'i64', entries: [[{ type: 'binary', value: Uint8Array.of(97) }, { type: 'i64', value: 5n }]] } },
        { id: 11, value: { type: 'list', elementType: 'struct', items: [] } },
        { id: 12, value: { type: 'struct', fields: [{ id: 1, value: { type: 'i32', value: 1 } }] } },
      ],
    };
    const bytes = encodeThriftStruct(struct);
    expect(decodeThriftStruct(bytes)).toEqual({ struct, end: bytes.length });
    expect(() => decodeThriftStruct(bytes.subarray(0, bytes.length - 1))).toThrow(/ends early/);
  });

  it('re-encodes the footers of DuckDB and Arrow writers byte for byte', () => {
    for (const file of ['types.parquet', 'nested.parquet', 'dict.parquet']) {
      const bytes = readFileSync(fx.path(file));
      const length = bytes.readUInt32LE(bytes.length - 8);
      const footer = new Uint8Array(bytes.subarray(bytes.length - 8 - length, bytes.length - 8));
      expect(Buffer.from(encodeThriftStruct(decodeThriftStruct(footer).struct)).equals(footer)).toBe(true);
    }
  });
});

/** Where the column chunk `column` of row group `rowGroup` starts, from the footer. */
function chunkStart(path: string, rowGroup: number, column: number): number {
  const meta = readParquetFooter(path).metadata.row_groups[rowGroup]!.columns[column]!.meta_data!;
  return Number(meta.dictionary_page_offset ?? meta.data_page_offset);
}
