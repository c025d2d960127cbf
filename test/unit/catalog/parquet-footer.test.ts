import { readFileSync, utimesSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlError } from '../../../src/common/errors.js';
import { clearFooterCache, readParquetFooter } from '../../../src/catalog/parquet-footer.js';
import { createParquetFixtures } from '../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;
let good: string;

beforeAll(async () => {
  fx = await createParquetFixtures();
  good = await fx.writeParquet('good.parquet', 'SELECT range AS id, range % 7 AS k FROM range(10000)', 'ROW_GROUP_SIZE 2048');
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

describe('readParquetFooter', () => {
  it('reads the footer of a multi-row-group file', () => {
    const footer = readParquetFooter(good);
    expect(footer.path).toBe(good);
    expect(footer.metadata.num_rows).toBe(10000n);
    expect(footer.metadata.row_groups.length).toBeGreaterThan(1);
    expect(footer.schema.children.map((c) => c.element.name)).toEqual(['id', 'k']);
  });

  it('caches per file version and re-reads a rewritten file', async () => {
    clearFooterCache();
    const path = await fx.writeParquet('rewritten.parquet', 'SELECT 1 AS a');
    const first = readParquetFooter(path);
    expect(readParquetFooter(path)).toBe(first);
    await fx.writeParquet('rewritten.parquet', 'SELECT 1 AS a, 2 AS b');
    // Make sure the mtime differs even on coarse-grained file systems.
    utimesSync(path, new Date(), new Date(Date.now() + 5000));
    const second = readParquetFooter(path);
    expect(second).not.toBe(first);
    expect(second.schema.children.length).toBe(2);
  });

  it('reports a missing file', () => {
    const e = errorOf(() => readParquetFooter(fx.path('nope.parquet')));
    expect(e.code).toBe('CATALOG_FILE_NOT_FOUND');
    expect(e.message).toContain('nope.parquet');
  });

  it('reports a directory', () => {
    const e = errorOf(() => readParquetFooter(fx.dir));
    expect(e.code).toBe('CATALOG_CORRUPT_FILE');
    expect(e.message).toContain('is a directory');
  });

  it('reports a truncated file (bad magic at the end)', () => {
    const bytes = readFileSync(good);
    const path = fx.writeBytes('truncated.parquet', bytes.subarray(0, Math.floor(bytes.length / 2)));
    const e = errorOf(() => readParquetFooter(path));
    expect(e.code).toBe('CATALOG_CORRUPT_FILE');
    expect(e.message).toContain('truncated.parquet');
    expect(e.message).toContain('bad magic at the end');
  });

  it('reports random bytes', () => {
    const bytes = new Uint8Array(4096).map((_, i) => (i * 7919 + 13) % 251);
    const path = fx.writeBytes('random.parquet', bytes);
    const e = errorOf(() => readParquetFooter(path));
    expect(e.code).toBe('CATALOG_CORRUPT_FILE');
    expect(e.message).toContain('bad magic');
  });

  it('reports a file shorter than an empty Parquet file', () => {
    const e = errorOf(() => readParquetFooter(fx.writeBytes('tiny.parquet', 'PAR1')));
    expect(e.code).toBe('CATALOG_CORRUPT_FILE');
    expect(e.message).toContain('4 bytes long');
  });

  it('reports a footer length beyond the file size', () => {
    const bytes = new Uint8Array(readFileSync(good));
    new DataView(bytes.buffer, bytes.byteOffset).setUint32(bytes.length - 8, bytes.length * 2, true);
    const e = errorOf(() => readParquetFooter(fx.writeBytes('long-footer.parquet', bytes)));
    expect(e.code).toBe('CATALOG_CORRUPT_FILE');
    expect(e.message).toMatch(/footer length \d+ exceeds the file size/);
  });

  it('reports a footer that does not decode, whatever the garbage', () => {
    const bytes = new Uint8Array(readFileSync(good));
    const footerLength = new DataView(bytes.buffer, bytes.byteOffset).getUint32(bytes.length - 8, true);
    const start = bytes.length - 8 - footerLength;
    for (let seed = 1; seed <= 50; seed++) {
      const garbled = bytes.slice();
      let x = seed;
      for (let i = start; i < bytes.length - 8; i++) {
        x = (x * 1103515245 + 12345) % 2 ** 31;
        garbled[i] = x & 0xff;
      }
      const path = fx.writeBytes(`garbled-${seed}.parquet`, garbled);
      const e = errorOf(() => readParquetFooter(path));
      expect(e.code).toBe('CATALOG_CORRUPT_FILE');
      expect(e.message).toContain(`garbled-${seed}.parquet`);
    }
  });

  it('reports an encrypted footer as unsupported', () => {
    const bytes = new Uint8Array(readFileSync(good));
    bytes.set([0x50, 0x41, 0x52, 0x45], bytes.length - 4);
    const e = errorOf(() => readParquetFooter(fx.writeBytes('encrypted.parquet', bytes)));
    expect(e.code).toBe('CATALOG_UNSUPPORTED_FILE');
  });
});
