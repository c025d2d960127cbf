import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AnalyzerCatalog } from '../../../src/analyzer/context.js';
import { SqlError } from '../../../src/common/errors.js';
import { Catalog } from '../../../src/catalog/catalog.js';
import type { ViewDefinition } from '../../../src/catalog/catalog.js';
import { createParquetFixtures } from '../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;

beforeAll(async () => {
  fx = await createParquetFixtures();
  await fx.writeParquet('data/LineItem.parquet', 'SELECT 1 AS l_orderkey');
  await fx.writeParquet('data/orders/part-0.parquet', 'SELECT 1 AS o_orderkey');
  await fx.writeParquet('data/orders/part-1.parquet', 'SELECT 2 AS o_orderkey');
  fx.writeBytes('data/README.md', 'not a table');
  fx.writeBytes('data/_SUCCESS', '');
  await fx.writeParquet('clash/t.parquet', 'SELECT 1 AS a');
  await fx.writeParquet('clash/T/part-0.parquet', 'SELECT 1 AS a');
  await fx.writeParquet('bad/good.parquet', 'SELECT 1 AS a');
  fx.writeBytes('bad/broken.parquet', 'garbage');
});
afterAll(() => fx.close());

const view = (sql: string): ViewDefinition<string> => ({ query: sql, sql });

function codeOf(f: () => unknown): string {
  try {
    f();
  } catch (e) {
    if (e instanceof SqlError) return e.code;
    throw e;
  }
  throw new Error('expected a SqlError');
}

describe('Catalog', () => {
  it('is what the analyzer needs', () => {
    const catalog: AnalyzerCatalog = new Catalog();
    expect(catalog.names()).toEqual([]);
  });

  it('registers a data directory: sub-directories and *.parquet files, by name', () => {
    const catalog = new Catalog();
    expect(catalog.registerDataDir(fx.path('data'))).toEqual(['LineItem', 'orders']);
    const lineitem = catalog.lookup(['lineitem']);
    expect(lineitem).toMatchObject({ kind: 'table', name: 'LineItem' });
    expect(lineitem?.kind === 'table' && lineitem.table.dataColumns.map((c) => c.name)).toEqual(['l_orderkey']);
    const orders = catalog.lookup(['ORDERS']);
    expect(orders?.kind === 'table' && orders.table.rowCount).toBe(2);
  });

  it('rejects a data directory with two tables of one name, and registers nothing from a directory with a bad table', () => {
    const catalog = new Catalog();
    expect(codeOf(() => catalog.registerDataDir(fx.path('clash')))).toBe('CATALOG_TABLE_EXISTS');
    expect(codeOf(() => catalog.registerDataDir(fx.path('bad')))).toBe('CATALOG_CORRUPT_FILE');
    expect(catalog.list()).toEqual([]);
    expect(codeOf(() => catalog.registerDataDir(fx.path('nowhere')))).toBe('CATALOG_FILE_NOT_FOUND');
  });

  it('resolves qualified names as Spark does', () => {
    const catalog = new Catalog<string>();
    catalog.registerParquet('t', fx.path('data/LineItem.parquet'));
    catalog.registerView('g', view('SELECT 2'), { replace: false, scope: 'global_temporary' });
    expect(catalog.lookup(['t'])?.kind).toBe('table');
    expect(catalog.lookup(['Default', 'T'])?.kind).toBe('table');
    expect(catalog.lookup(['spark_catalog', 'default', 't'])?.kind).toBe('table');
    expect(catalog.lookup(['other', 't'])).toBeUndefined();
    expect(catalog.lookup(['a', 'b', 'c', 't'])).toBeUndefined();
    // Global temp views are reachable only through global_temp.
    expect(catalog.lookup(['g'])).toBeUndefined();
    expect(catalog.lookup(['global_temp', 'G'])).toMatchObject({ kind: 'view', name: 'g', view: { query: 'SELECT 2' } });
    expect(catalog.lookup(['spark_catalog', 'global_temp', 'g'])?.kind).toBe('view');
  });

  it('lets temp views shadow tables, except under a database qualifier', () => {
    const catalog = new Catalog<string>();
    catalog.registerParquet('t', fx.path('data/LineItem.parquet'));
    catalog.registerView('T', view('SELECT 1'), { replace: false });
    expect(catalog.lookup(['t'])).toMatchObject({ kind: 'view', name: 'T' });
    expect(catalog.lookup(['default', 't'])?.kind).toBe('table');
    catalog.drop('view', ['t'], false);
    expect(catalog.lookup(['t'])?.kind).toBe('table');
  });

  it('replaces views only when asked, and never a table with a persistent view', () => {
    const catalog = new Catalog<string>();
    catalog.registerView('v', view('SELECT 1'), { replace: false });
    expect(codeOf(() => catalog.registerView('V', view('SELECT 2'), { replace: false }))).toBe('CATALOG_TABLE_EXISTS');
    catalog.registerView('V', view('SELECT 2'), { replace: true });
    expect(catalog.lookup(['v'])).toMatchObject({ name: 'V', view: { query: 'SELECT 2' } });
    catalog.registerParquet('t', fx.path('data/LineItem.parquet'));
    expect(codeOf(() => catalog.registerView('t', view('SELECT 3'), { replace: true, scope: 'database' }))).toBe('CATALOG_TABLE_EXISTS');
    // A temp view of the same name is fine: it lives in another namespace.
    catalog.registerView('t', view('SELECT 3'), { replace: false });
    // registerParquet replaces.
    catalog.registerParquet('T', fx.path('data/orders'));
    const t = catalog.lookup(['default', 't']);
    expect(t?.kind === 'table' && t.name).toBe('T');
  });

  it('registers a Parquet table as a temp view for CREATE TEMPORARY VIEW … USING parquet', () => {
    const catalog = new Catalog();
    catalog.registerParquet('tv', fx.path('data/orders'), 'temporary');
    expect(catalog.lookup(['tv'])?.kind).toBe('table');
    expect(catalog.lookup(['default', 'tv'])).toBeUndefined();
    expect(catalog.list()).toEqual([{ name: 'tv', namespace: '', kind: 'table', temporary: true }]);
    expect(catalog.drop('view', ['tv'], false)).toBe(true);
  });

  it('drops as Spark does', () => {
    const catalog = new Catalog<string>();
    catalog.registerParquet('t', fx.path('data/LineItem.parquet'));
    catalog.registerView('pv', view('SELECT 1'), { replace: false, scope: 'database' });
    catalog.registerView('tmp', view('SELECT 1'), { replace: false });
    catalog.registerView('g', view('SELECT 1'), { replace: false, scope: 'global_temporary' });
    expect(codeOf(() => catalog.drop('view', ['t'], false))).toBe('CATALOG_WRONG_OBJECT_KIND');
    expect(codeOf(() => catalog.drop('table', ['pv'], true))).toBe('CATALOG_WRONG_OBJECT_KIND');
    // DROP TABLE drops a temp view too.
    expect(catalog.drop('table', ['TMP'], false)).toBe(true);
    expect(catalog.drop('view', ['global_temp', 'g'], false)).toBe(true);
    expect(catalog.drop('table', ['default', 't'], false)).toBe(true);
    expect(catalog.drop('view', ['pv'], false)).toBe(true);
    expect(catalog.drop('view', ['pv'], true)).toBe(false);
    expect(codeOf(() => catalog.drop('view', ['pv'], false))).toBe('CATALOG_VIEW_NOT_FOUND');
    expect(codeOf(() => catalog.drop('table', ['x', 'y'], false))).toBe('CATALOG_TABLE_NOT_FOUND');
    expect(catalog.list()).toEqual([]);
  });

  it('lists objects and suggests names', () => {
    const catalog = new Catalog<string>();
    catalog.registerParquet('Zeta', fx.path('data/LineItem.parquet'));
    catalog.registerParquet('alpha', fx.path('data/LineItem.parquet'));
    catalog.registerView('Tmp', view('SELECT 1'), { replace: false });
    catalog.registerView('g', view('SELECT 1'), { replace: false, scope: 'global_temporary' });
    expect(catalog.list()).toEqual([
      { name: 'Tmp', namespace: '', kind: 'view', temporary: true },
      { name: 'alpha', namespace: 'default', kind: 'table', temporary: false },
      { name: 'Zeta', namespace: 'default', kind: 'table', temporary: false },
      { name: 'g', namespace: 'global_temp', kind: 'view', temporary: true },
    ]);
    expect(catalog.names()).toEqual(['Tmp', 'Zeta', 'alpha', 'global_temp.g']);
  });

  it('opens parquet.`path` tables', () => {
    const catalog = new Catalog();
    expect(catalog.fileTable(fx.path('data/orders')).files).toHaveLength(2);
    expect(codeOf(() => catalog.fileTable(fx.path('data/none.parquet')))).toBe('CATALOG_FILE_NOT_FOUND');
    expect(codeOf(() => catalog.registerParquet(' ', fx.path('data/orders')))).toBe('CATALOG_INVALID_NAME');
  });
});
