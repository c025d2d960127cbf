// The result writers: CSV, JSON lines and Parquet files read back by DuckDB, and files that appear only when complete.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { Dictionary, Int32, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { RecordBatch } from 'apache-arrow';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableToArrow } from '../../../src/exec/arrow/to-arrow.js';
import { vectorFromValues } from '../../../src/exec/vector.js';
import { csvLines } from '../../../src/io/csv-writer.js';
import { jsonLines } from '../../../src/io/json-writer.js';
import { resultFormatOf } from '../../../src/io/result-format.js';
import { writeResultFile } from '../../../src/io/write-results.js';
import { T, decimal } from '../../../src/types/data-type.js';
import type { DataType } from '../../../src/types/data-type.js';
import { SqlError } from '../../../src/common/errors.js';
import { duckDbRows, openDuckDb } from '../../helpers/duckdb.js';
import { arrowRows, compareResults } from '../../helpers/result-compare.js';

const COLUMNS: { name: string; type: DataType; duck: string }[] = [
  { name: 'id', type: T.int, duck: 'INTEGER' },
  { name: 'big', type: T.bigint, duck: 'BIGINT' },
  { name: 'x', type: T.double, duck: 'DOUBLE' },
  { name: 'price', type: decimal(15, 2), duck: 'DECIMAL(15,2)' },
  { name: 'tiny', type: decimal(38, 10), duck: 'DECIMAL(38,10)' },
  { name: 'day', type: T.date, duck: 'DATE' },
  { name: 'at', type: T.timestamp, duck: 'TIMESTAMPTZ' },
  { name: 'flag', type: T.boolean, duck: 'BOOLEAN' },
  { name: 'note', type: T.string, duck: 'VARCHAR' },
];

// Values chosen to need quoting, exponents, negative scaled decimals, dates before 1970 and sub-millisecond times.
const ROWS: unknown[][] = [
  [1, 9007199254740993n, 1.5, 12345n, 1n, 9496, 1719792000123456n, true, 'plain'],
  [2, -1n, 1e21, -5n, -123456789012345678901234n, -1, 0n, false, 'comma, "quote"\nnewline'],
  [3, null, null, null, null, null, null, null, null],
  [4, 0n, -0.000123, 0n, 0n, 0, -1n, true, ''],
  [5, 42n, 0.1, 99999999999999n, 5n, 20000, 1500n, false, 'ünïcødé ✓'],
];

function sample(): Table {
  const batch = { length: ROWS.length, columns: COLUMNS.map((c, i) => vectorFromValues(c.type, ROWS.map((row) => row[i]))) };
  return tableToArrow([batch], COLUMNS.map((c) => ({ name: c.name, type: c.type, nullable: true })));
}

const dir = mkdtempSync(join(tmpdir(), 'sqlopt-writers-'));
let duckdb: DuckDBConnection;
beforeAll(async () => {
  duckdb = await openDuckDb();
});

const duckColumns = `{${COLUMNS.map((c) => `'${c.name}': '${c.duck}'`).join(', ')}}`;
const decimalColumns = COLUMNS.filter((c) => c.type.kind === 'decimal');
const readers = {
  csv: (path: string) => `SELECT * FROM read_csv('${path}', header = true, allow_quoted_nulls = false, columns = ${duckColumns}) ORDER BY id`,
  // DuckDB's JSON reader turns numbers into doubles, even on the way to DECIMAL or VARCHAR: decimals are taken from
  // each line's raw text instead, so that the check stays exact.
  json: (path: string) =>
    `SELECT * EXCLUDE (json) REPLACE (${decimalColumns
      .map((c) => `CAST(NULLIF(regexp_extract(json::VARCHAR, '"${c.name}":([^,}]+)', 1), '') AS ${c.duck}) AS ${c.name}`)
      .join(', ')}) FROM read_json('${path}', format = 'newline_delimited', columns = ${duckColumns}) ` +
    `POSITIONAL JOIN read_ndjson_objects('${path}') ORDER BY id`,
  parquet: (path: string) => `SELECT * FROM read_parquet('${path}') ORDER BY id`,
};

describe('writeResultFile', () => {
  for (const [format, extension] of [['csv', 'csv'], ['json', 'jsonl'], ['parquet', 'parquet']] as const) {
    it(`writes ${format} that DuckDB reads back to the same values`, async () => {
      const path = join(dir, `all-types.${extension}`);
      const written = await writeResultFile(path, sample(), { timeZone: 'Europe/Berlin' });
      expect(written).toMatchObject({ path, format, rows: ROWS.length });
      const back = await duckDbRows(duckdb, readers[format](path));
      expect(compareResults(back, arrowRows(sample()), { keys: [0], limit: undefined })).toBeUndefined();
    });
  }

  it('writes CSV with a header, RFC 4180 quoting, NULL as nothing and "" for the empty string', () => {
    const text = csvLines(sample().batches[0]!, { timeZone: 'UTC' });
    const lines = text.split('\n');
    expect(lines[0]).toBe('1,9007199254740993,1.5,123.45,1E-10,1996-01-01,2024-07-01T00:00:00.123456Z,true,plain');
    expect(lines[1]).toBe('2,-1,1.0E21,-0.05,-12345678901234.5678901234,1969-12-31,1970-01-01T00:00:00.000Z,false,"comma, ""quote""');
    expect(lines[2]).toBe('newline"');
    expect(lines[3]).toBe('3,,,,,,,,');
    expect(lines[4]).toBe('4,0,-1.23E-4,0.00,0E-10,1970-01-01,1969-12-31T23:59:59.999999Z,true,""');
  });

  it('writes JSON lines as Spark does: numbers unquoted, NULL fields left out, timestamps with their offset', () => {
    const lines = jsonLines(sample().batches[0]!, { timeZone: 'Europe/Berlin' }).trimEnd().split('\n');
    expect(lines[0]).toBe(
      '{"id":1,"big":9007199254740993,"x":1.5,"price":123.45,"tiny":1E-10,"day":"1996-01-01","at":"2024-07-01T02:00:00.123456+02:00","flag":true,"note":"plain"}',
    );
    expect(lines[2]).toBe('{"id":3}');
    expect(JSON.parse(lines[1]!).note).toBe('comma, "quote"\nnewline');
  });

  it('decodes dictionary-encoded strings', () => {
    const table = new Table({ code: vectorFromArray(['b', 'a', 'b'], new Dictionary(new Utf8(), new Int32())) });
    expect(csvLines(table.batches[0]!, { timeZone: 'UTC' })).toBe('b\na\nb\n');
    expect(jsonLines(table.batches[0]!, { timeZone: 'UTC' })).toBe('{"code":"b"}\n{"code":"a"}\n{"code":"b"}\n');
  });

  it('knows formats by extension only', () => {
    expect(resultFormatOf('a/b.JSONL')).toBe('json');
    expect(resultFormatOf('x.ndjson')).toBe('json');
    expect(resultFormatOf('x.parquet')).toBe('parquet');
    expect(resultFormatOf('x.txt')).toBeUndefined();
  });

  for (const extension of ['csv', 'json', 'parquet']) {
    it(`leaves an existing .${extension} file intact and no partial file when the query fails part-way`, async () => {
      const target = mkdtempSync(join(dir, 'atomic-'));
      const path = join(target, `out.${extension}`);
      writeFileSync(path, 'previous content');
      async function* failing(): AsyncGenerator<RecordBatch> {
        yield sample().batches[0]!;
        throw new SqlError([{ code: 'EXEC_DIVIDE_BY_ZERO', message: 'division by zero', severity: 'error' }]);
      }
      await expect(writeResultFile(path, failing(), { timeZone: 'UTC' })).rejects.toThrow('division by zero');
      expect(readFileSync(path, 'utf8')).toBe('previous content');
      expect(readdirSync(target)).toEqual([`out.${extension}`]);

      const fresh = join(target, `new.${extension}`);
      await expect(writeResultFile(fresh, failing(), { timeZone: 'UTC' })).rejects.toThrow('division by zero');
      expect(existsSync(fresh)).toBe(false);
    });
  }

  it('reports a file the file system refuses as a diagnostic naming it', async () => {
    const blocker = join(dir, 'not-a-dir');
    writeFileSync(blocker, '');
    const path = join(blocker, 'out.csv');
    const error = await writeResultFile(path, sample(), { timeZone: 'UTC' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).code).toBe('IO_WRITE_ERROR');
    expect((error as SqlError).message).toContain(path);
  });
});
