import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Table, vectorFromArray } from 'apache-arrow';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlError } from '../../../src/common/errors.js';
import { clearFooterCache } from '../../../src/catalog/parquet-footer.js';
import { openParquetTable } from '../../../src/catalog/parquet-table.js';
import { typeToString } from '../../../src/types/data-type.js';
import type { StructField } from '../../../src/types/data-type.js';
import { createParquetFixtures } from '../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;

beforeAll(async () => {
  fx = await createParquetFixtures();
  await fx.writeParquet('single.parquet', 'SELECT range::INT AS id, range::VARCHAR AS s FROM range(100)');
  await fx.writeParquet('plain/part-0.parquet', 'SELECT range AS id FROM range(10)');
  await fx.writeParquet('plain/part-1.parquet', 'SELECT range AS id FROM range(10, 25)');
  await fx.writeParquet('plain/nested/part-2.parquet', 'SELECT range AS id FROM range(25, 30)');
  fx.writeBytes('plain/_SUCCESS', '');
  fx.writeBytes('plain/.part-0.parquet.crc', 'not parquet');
  fx.writeBytes('plain/_temporary/0/part-9.parquet', 'not parquet');
  fx.writeBytes('plain/part-3.parquet._COPYING_', 'not parquet');
  await fx.writePartitioned(
    'events',
    `SELECT range AS id, DATE '2024-01-01' + (range % 2)::INT AS day, CASE WHEN range % 3 = 0 THEN NULL ELSE (range % 3) END AS bucket,
       CASE WHEN range % 2 = 0 THEN 'a/b c' ELSE 'é' END AS label
     FROM range(12)`,
    ['day', 'bucket', 'label'],
  );
  await fx.writeParquet('mixed/a.parquet', 'SELECT 1::INT AS id, 2::INT AS v');
  await fx.writeParquet('mixed/b.parquet', 'SELECT 1::INT AS id, 2::BIGINT AS v');
  await fx.writeParquet('fewer/a.parquet', 'SELECT 1::INT AS id, 2::INT AS v');
  await fx.writeParquet('fewer/b.parquet', 'SELECT 1::INT AS id');
  // DuckDB renames duplicate columns, so write this one from Arrow.
  fx.writeArrow('dup/a.parquet', new Table({ Id: vectorFromArray([1]), id: vectorFromArray([2]) }));
  await fx.writeParquet('overlap/k=1/a.parquet', 'SELECT 1 AS k');
  await fx.writeParquet('uneven/k=1/a.parquet', 'SELECT 1 AS v');
  await fx.writeParquet('uneven/b.parquet', 'SELECT 1 AS v');
  mkdirSync(fx.path('empty/sub'), { recursive: true });
  fx.writeBytes('only-hidden/_SUCCESS', '');
  await fx.writeParquet('corrupt-member/a.parquet', 'SELECT 1 AS v');
  fx.writeBytes('corrupt-member/b.parquet', 'PAR1 definitely not a footer PAR1');
});
afterAll(() => fx.close());

function errorOf(f: () => unknown): SqlError {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlError) return e;
    throw e;
  }
  throw new Error('expected a SqlError');
}

const show = (columns: readonly StructField[]) => columns.map((c) => `${c.name}:${typeToString(c.type)}${c.nullable ? '' : ' not null'}`);

describe('openParquetTable', () => {
  it('opens a single file', () => {
    const t = openParquetTable(fx.path('single.parquet'));
    expect(t.location).toBe(fx.path('single.parquet'));
    expect(show(t.dataColumns)).toEqual(['id:int', 's:string']);
    expect(t.partitionColumns).toEqual([]);
    expect(t.files).toHaveLength(1);
    expect(t.files[0]!.partitionValues).toEqual([]);
    expect(t.rowCount).toBe(100);
    expect(t.sizeBytes).toBe(t.files[0]!.statistics.sizeBytes);
  });

  it('opens a directory recursively, ignoring hidden, temporary and in-copy files', () => {
    const t = openParquetTable(fx.path('plain'));
    expect(t.files.map((f) => f.path)).toEqual([
      fx.path('plain/nested/part-2.parquet'),
      fx.path('plain/part-0.parquet'),
      fx.path('plain/part-1.parquet'),
    ]);
    expect(t.rowCount).toBe(30);
    expect(t.partitionColumns).toEqual([]);
    expect(t.sizeBytes).toBe(t.files.reduce((n, f) => n + f.statistics.sizeBytes, 0));
  });

  it('opens a Hive-partitioned directory with typed, unescaped partition values', () => {
    const t = openParquetTable(fx.path('events'));
    expect(show(t.dataColumns)).toEqual(['id:bigint']);
    expect(show(t.partitionColumns)).toEqual(['day:date', 'bucket:int', 'label:string']);
    const values = t.files.map((f) => f.partitionValues);
    expect(values).toHaveLength(6);
    expect(new Set(values.map((v) => JSON.stringify(v)))).toEqual(
      new Set([
        [19723, null, 'a/b c'],
        [19723, 1, 'a/b c'],
        [19723, 2, 'a/b c'],
        [19724, null, 'é'],
        [19724, 1, 'é'],
        [19724, 2, 'é'],
      ].map((v) => JSON.stringify(v))),
    );
    expect(t.rowCount).toBe(12);
  });

  it('names both files and the column when schemas differ', () => {
    const e = errorOf(() => openParquetTable(fx.path('mixed')));
    expect(e.code).toBe('CATALOG_SCHEMA_MISMATCH');
    expect(e.message).toBe(
      `the files of '${fx.path('mixed')}' have different schemas: column \`v\` is bigint in '${fx.path('mixed/b.parquet')}' but int in '${fx.path('mixed/a.parquet')}'`,
    );
    const missing = errorOf(() => openParquetTable(fx.path('fewer')));
    expect(missing.message).toContain(`'${fx.path('fewer/b.parquet')}' has no column \`v\`, which '${fx.path('fewer/a.parquet')}' has`);
  });

  it('rejects column names equal ignoring case, also against partition columns', () => {
    expect(errorOf(() => openParquetTable(fx.path('dup'))).message).toMatch(/two columns named `Id` and `id`/);
    const overlap = errorOf(() => openParquetTable(fx.path('overlap')));
    expect(overlap.code).toBe('CATALOG_DUPLICATE_COLUMN');
    expect(overlap.message).toContain('(a partition directory name)');
  });

  it('rejects files at different partition depths', () => {
    expect(errorOf(() => openParquetTable(fx.path('uneven'))).code).toBe('CATALOG_INVALID_PARTITION');
  });

  it('reports a missing path, an empty directory and a corrupt member file', () => {
    expect(errorOf(() => openParquetTable(fx.path('missing'))).code).toBe('CATALOG_FILE_NOT_FOUND');
    const empty = errorOf(() => openParquetTable(fx.path('empty')));
    expect(empty.code).toBe('CATALOG_EMPTY_DIRECTORY');
    expect(empty.message).toContain(fx.path('empty'));
    expect(errorOf(() => openParquetTable(fx.path('only-hidden'))).code).toBe('CATALOG_EMPTY_DIRECTORY');
    const corrupt = errorOf(() => openParquetTable(fx.path('corrupt-member')));
    expect(corrupt.code).toBe('CATALOG_CORRUPT_FILE');
    expect(corrupt.message).toContain(fx.path('corrupt-member/b.parquet'));
  });

  it('opens a file with any footer byte flipped, or fails with a SqlError', async () => {
    const source = await fx.writeParquet(
      'flip-source.parquet',
      `SELECT range AS id, range::VARCHAR AS s, [range] AS l, {'x': range::DECIMAL(10,2)} AS st FROM range(10)`,
    );
    const bytes = new Uint8Array(readFileSync(source));
    const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
    const start = bytes.length - 8 - footerLength;
    const target = join(fx.dir, 'flipped.parquet');
    let failures = 0;
    for (let i = start; i < bytes.length - 8; i++) {
      const flipped = bytes.slice();
      flipped[i] = flipped[i]! ^ 0xff;
      fx.writeBytes('flipped.parquet', flipped);
      clearFooterCache();
      try {
        openParquetTable(target);
      } catch (e) {
        expect(e).toBeInstanceOf(SqlError);
        failures++;
      }
    }
    expect(failures).toBeGreaterThan(0);
  });
});
