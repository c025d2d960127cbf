// Executor batches → Arrow tables: the Arrow type of every SQL type, values as Arrow JS reads them, and round trips
// through Arrow IPC and through Parquet files.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { tableFromIPC, tableToIPC } from 'apache-arrow';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { T, arrayOf, decimal, mapOf, structOf } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { openParquetTable } from '../../../../src/catalog/parquet-table.js';
import { openParquetReader } from '../../../../src/io/parquet-reader.js';
import { writeParquetFile } from '../../../../src/io/parquet-writer.js';
import { batchFromArrow } from '../../../../src/exec/arrow/from-arrow.js';
import { arrowSchemaOf } from '../../../../src/exec/arrow/arrow-types.js';
import type { NamedType } from '../../../../src/exec/arrow/arrow-types.js';
import { batchToArrow, tableToArrow } from '../../../../src/exec/arrow/to-arrow.js';
import type { Batch, JsValue, Vector } from '../../../../src/exec/vector.js';
import { vectorFromValues, vectorValues } from '../../../../src/exec/vector.js';

/** One column of every type, three rows each with a NULL, values chosen to hit edges. */
const COLUMNS: readonly (NamedType & { readonly values: readonly JsValue[] })[] = [
  { name: 'bool', type: T.boolean, nullable: true, values: [true, null, false] },
  { name: 'i8', type: T.tinyint, nullable: true, values: [-128, 127, null] },
  { name: 'i16', type: T.smallint, nullable: true, values: [null, -32768, 32767] },
  { name: 'i32', type: T.int, nullable: true, values: [-(2 ** 31), null, 2 ** 31 - 1] },
  { name: 'i64', type: T.bigint, nullable: true, values: [-(2n ** 53n) + 1n, 2n ** 53n - 1n, null] },
  { name: 'i64big', type: T.bigint, nullable: true, values: [-(2n ** 63n), null, 2n ** 63n - 1n] },
  { name: 'f32', type: T.float, nullable: true, values: [Math.fround(1.1), null, -Infinity] },
  { name: 'f64', type: T.double, nullable: true, values: [NaN, -0.5, null] },
  { name: 'dec', type: decimal(15, 2), nullable: true, values: [-12345n, null, 999999999999999n] },
  { name: 'decbig', type: decimal(38, 10), nullable: true, values: [10n ** 38n - 1n, -(10n ** 38n) + 1n, null] },
  { name: 'str', type: T.string, nullable: true, values: ['', 'é𝄞', null] },
  { name: 'bin', type: T.binary, nullable: true, values: [Uint8Array.of(0, 255), null, Uint8Array.of()] },
  { name: 'date', type: T.date, nullable: true, values: [-719162, null, 2932896] },
  { name: 'ts', type: T.timestamp, nullable: true, values: [-1n, 1_700_000_000_123_456n, null] },
  { name: 'ntz', type: T.timestamp_ntz, nullable: true, values: [null, 0n, 253402300799999999n] },
  { name: 'iv', type: T.interval, nullable: true, values: [{ months: -1, days: 2, micros: '-3' }, null, { months: 0, days: 0, micros: '9223372036854775' }] },
  { name: 'arr', type: arrayOf(decimal(5, 1)), nullable: true, values: [[1n, null], null, []] },
  { name: 'map', type: mapOf(T.string, arrayOf(T.int)), nullable: true, values: [new Map([['k', [1, null]]]), new Map(), null] },
  {
    name: 'st',
    type: structOf([
      { name: 'd', type: T.date, nullable: true },
      { name: 's', type: structOf([{ name: 'x', type: T.bigint, nullable: false }]), nullable: true },
    ]),
    nullable: true,
    values: [{ d: 1, s: { x: 5n } }, null, { d: null, s: null }],
  },
];

const batchOf = (columns: readonly { type: DataType; values: readonly JsValue[] }[]): Batch => ({
  length: columns[0]?.values.length ?? 0,
  columns: columns.map((c) => vectorFromValues(c.type, c.values)),
});

const roundTrip = (batches: readonly Batch[], columns: readonly NamedType[]): JsValue[][] =>
  tableFromIPC(tableToIPC(tableToArrow(batches, columns))).batches.flatMap((b) => batchFromArrow(b, columns).columns.map(vectorValues));

describe('tableToArrow', () => {
  it('gives each SQL type its Arrow type', () => {
    const table = tableToArrow([batchOf(COLUMNS)], COLUMNS);
    expect(table.schema.fields.map((f) => `${f.name}: ${String(f.type)}`)).toEqual([
      'bool: Bool',
      'i8: Int8',
      'i16: Int16',
      'i32: Int32',
      'i64: Int64',
      'i64big: Int64',
      'f32: Float32',
      'f64: Float64',
      'dec: Decimal[15e+2]',
      'decbig: Decimal[38e+10]',
      'str: Utf8',
      'bin: Binary',
      'date: Date32<DAY>',
      'ts: Timestamp<MICROSECOND, UTC>',
      'ntz: Timestamp<MICROSECOND>',
      'iv: Interval<MONTH_DAY_NANO>',
      'arr: List<Decimal[5e+1]>',
      'map: Map<{key:Utf8, value:List<Int32>}>',
      'st: Struct<{d:Date32<DAY>, s:Struct<{x:Int64}>}>',
    ]);
  });

  it('writes values Arrow JS reads back', () => {
    const table = tableToArrow([batchOf(COLUMNS)], COLUMNS);
    expect(table.getChild('i64big')?.toArray()).toEqual(BigInt64Array.of(-(2n ** 63n), 0n, 2n ** 63n - 1n));
    expect([...table.getChild('str')!]).toEqual(['', 'é𝄞', null]);
    expect([...table.getChild('bool')!]).toEqual([true, null, false]);
    expect(table.getChild('date')?.get(0)).toBe(-719162 * 86_400_000);
    expect(table.getChild('dec')?.nullCount).toBe(1);
  });

  it('round-trips every type through Arrow IPC and back', () => {
    expect(roundTrip([batchOf(COLUMNS)], COLUMNS)).toEqual(COLUMNS.map((c) => c.values));
  });

  it('writes dictionary vectors as plain Utf8, and keeps one schema over batches of different layouts', () => {
    const type = T.string;
    const dict: Vector = { type, length: 4, data: { layout: 'dict', codes: Int32Array.of(1, 0, 0, 1), dictionary: ['a', 'ü'] }, nulls: Uint8Array.of(0, 0, 1, 0) };
    const str = vectorFromValues(type, ['z']);
    const table = tableToArrow(
      [
        { length: 4, columns: [dict] },
        { length: 1, columns: [str] },
      ],
      [{ name: 's', type, nullable: true }],
    );
    expect(String(table.schema.fields[0]!.type)).toBe('Utf8');
    expect([...table.getChild('s')!]).toEqual(['ü', 'a', null, 'ü', 'z']);
  });

  it('gives an empty table the columns’ schema', () => {
    const table = tableToArrow([], [{ name: 'x', type: decimal(10, 3), nullable: false }]);
    expect(table.numRows).toBe(0);
    expect(table.schema.fields.map((f) => [f.name, String(f.type), f.nullable])).toEqual([['x', 'Decimal[10e+3]', false]]);
  });

  it('converts one batch with a given schema', () => {
    const columns = [{ name: 'a', type: T.int, nullable: false }];
    const schema = arrowSchemaOf(columns);
    const rb = batchToArrow(batchOf([{ type: T.int, values: [1, 2] }]), columns, schema);
    expect(rb.numRows).toBe(2);
    expect(rb.schema.fields[0]!.nullable).toBe(false);
    expect(() => batchToArrow(batchOf([{ type: decimal(9, 3), values: [1n] }]), [{ name: 'd', type: decimal(9, 2), nullable: true }])).toThrow(
      'column `d` is decimal(9,2) but its vector holds decimal(9,3)',
    );
  });

  it('round-trips random columns (property)', () => {
    const scalar = fc.oneof(
      fc.record({ type: fc.constant(T.bigint), value: fc.bigInt({ min: -(2n ** 63n), max: 2n ** 63n - 1n }) }),
      fc.record({ type: fc.constant(decimal(38, 3)), value: fc.bigInt({ min: -(10n ** 38n) + 1n, max: 10n ** 38n - 1n }) }),
      fc.record({ type: fc.constant(decimal(12, 0)), value: fc.bigInt({ min: -(10n ** 12n) + 1n, max: 10n ** 12n - 1n }) }),
      fc.record({ type: fc.constant(T.string), value: fc.string({ unit: 'binary' }) }),
      fc.record({ type: fc.constant(T.double), value: fc.double() }),
      fc.record({ type: fc.constant(T.int), value: fc.integer() }),
    );
    fc.assert(
      fc.property(fc.array(scalar, { minLength: 1, maxLength: 30 }), fc.array(fc.boolean(), { minLength: 30, maxLength: 30 }), (cells, nullFlags) => {
        const type = cells[0]!.type;
        const values = cells.map((c, i) => (nullFlags[i] ? null : c.type === type ? c.value : cells[0]!.value));
        const columns = [{ name: 'c', type, nullable: true }];
        expect(roundTrip([batchOf([{ type, values }])], columns)).toEqual([values]);
      }),
      { numRuns: 60 },
    );
  });
});

describe('Parquet round trip (writer ← tableToArrow, reader → batchFromArrow)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'sqlopt-to-arrow-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('keeps values and types of the flat types', async () => {
    const flat = COLUMNS.filter((c) => !['iv', 'map', 'st', 'arr'].includes(c.name));
    const path = join(dir, 'flat.parquet');
    await writeParquetFile(path, tableToArrow([batchOf(flat), batchOf(flat)], flat), { rowGroupSize: 4 });
    const table = openParquetTable(path);
    expect(table.dataColumns.map((c) => c.type)).toEqual(flat.map((c) => c.type));
    const rows: JsValue[][] = flat.map(() => []);
    for await (const rb of openParquetReader(path).scan({ batchSize: 3 })) {
      batchFromArrow(rb, flat).columns.forEach((v, i) => rows[i]!.push(...vectorValues(v)));
    }
    expect(rows).toEqual(flat.map((c) => [...c.values, ...c.values]));
  });
});
