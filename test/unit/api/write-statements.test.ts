// CREATE TABLE … AS and INSERT INTO/OVERWRITE: Parquet table directories, Hive partitions, and all-or-nothing writes.
import { existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { CreateTableStatement, InsertStatement } from '../../../src/ast/ast.js';
import { parseStatement } from '../../../src/ast/parse.js';
import { Session } from '../../../src/api/session.js';
import { createTable, insertInto } from '../../../src/api/write-statements.js';
import { listDataFiles } from '../../../src/catalog/data-files.js';
import { duckDbRows, openDuckDb } from '../../helpers/duckdb.js';

let duckdb: DuckDBConnection;
beforeAll(async () => {
  duckdb = await openDuckDb();
});

function newSession(): { session: Session; dir: string } {
  const session = new Session();
  session.registerDataDir(inject('tpchDir'));
  const dir = mkdtempSync(join(tmpdir(), 'sqlopt-write-'));
  session.config.set('spark.sql.warehouse.dir', join(dir, 'warehouse'));
  return { session, dir };
}

async function execute(session: Session, sql: string): Promise<void> {
  const statement = parseStatement(sql);
  if (statement.kind === 'createTable') await createTable(session, statement as CreateTableStatement);
  else if (statement.kind === 'insert') await insertInto(session, statement as InsertStatement);
  else throw new Error(`not a write: ${sql}`);
}

async function rows(session: Session, sql: string): Promise<unknown[][]> {
  const table = await session.sql(sql);
  return table.toArray().map((row) => Object.values(row.toJSON()).map((v) => (typeof v === 'bigint' ? Number(v) : v)));
}

/** Data files under `dir`, relative, sorted; hidden files included, so that leftovers of a failed write show. */
function filesUnder(dir: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(join(d, entry.name));
      else out.push(relative(dir, join(d, entry.name)));
    }
  };
  walk(dir);
  return out.sort();
}

/** A table directory whose first file is sound and whose second has a valid footer but garbage in its data pages. */
function tableWithCorruptSecondFile(): string {
  const dir = mkdtempSync(join(tmpdir(), 'sqlopt-corrupt-'));
  const nation = join(inject('tpchDir'), 'nation');
  const source = readFileSync(join(nation, readdirSync(nation)[0]!));
  writeFileSync(join(dir, 'part-0.parquet'), source);
  const broken = Buffer.from(source);
  broken.fill(0xff, 4, 200);
  writeFileSync(join(dir, 'part-1.parquet'), broken);
  return dir;
}

describe('CREATE TABLE … AS', () => {
  it('writes the result under LOCATION, registers the table, and DuckDB reads the same rows', async () => {
    const { session, dir } = newSession();
    const location = join(dir, 'nations');
    await execute(session, `CREATE TABLE nations USING parquet LOCATION '${location}' AS SELECT n_nationkey, n_name FROM nation WHERE n_regionkey = 1`);
    expect(await rows(session, 'SELECT n_name FROM nations ORDER BY n_nationkey')).toEqual([['ARGENTINA'], ['BRAZIL'], ['CANADA'], ['PERU'], ['UNITED STATES']]);
    expect(filesUnder(location)).toEqual([expect.stringMatching(/^part-00000-[0-9a-f-]{36}\.parquet$/)]);
    const back = await duckDbRows(duckdb, `SELECT count(*), min(n_name) FROM read_parquet('${location}/*.parquet')`);
    expect(back).toEqual([[{ t: 'int', v: 5n }, { t: 'str', v: 'ARGENTINA' }]]);
  });

  it('goes to <spark.sql.warehouse.dir>/<name> without LOCATION', async () => {
    const { session, dir } = newSession();
    await execute(session, 'CREATE TABLE Regions USING parquet AS SELECT * FROM region');
    expect(existsSync(join(dir, 'warehouse', 'regions'))).toBe(true);
    expect(await rows(session, 'SELECT count(*) FROM default.regions')).toEqual([[5]]);
  });

  it('writes Hive partition directories, without the partition columns in the files', async () => {
    const { session, dir } = newSession();
    const location = join(dir, 'by_region');
    await execute(session, `CREATE TABLE by_region USING parquet PARTITIONED BY (n_regionkey) LOCATION '${location}' AS SELECT n_regionkey, n_nationkey, n_name FROM nation`);
    expect(readdirSync(location).sort()).toEqual(['n_regionkey=0', 'n_regionkey=1', 'n_regionkey=2', 'n_regionkey=3', 'n_regionkey=4']);
    const file = join(location, 'n_regionkey=1', readdirSync(join(location, 'n_regionkey=1'))[0]!);
    const columns = await duckDbRows(duckdb, `SELECT name FROM parquet_schema('${file}') WHERE name <> 'arrow_schema' AND num_children IS NULL`);
    expect(columns.map((c) => (c[0] as { v: string }).v)).toEqual(['n_nationkey', 'n_name']);
    // The table reads back with the partition column last, as Spark orders it.
    expect(await rows(session, 'SELECT * FROM by_region WHERE n_regionkey = 1 ORDER BY n_nationkey LIMIT 2')).toEqual([
      [1, 'ARGENTINA', 1],
      [2, 'BRAZIL', 1],
    ]);
    const duck = await duckDbRows(duckdb, `SELECT n_regionkey, count(*) FROM read_parquet('${location}/**/*.parquet', hive_partitioning = true) GROUP BY 1 ORDER BY 1`);
    expect(duck.map((r) => (r[1] as { v: bigint }).v)).toEqual([5n, 5n, 5n, 5n, 5n]);
  });

  it('names NULL and awkward partition values as Spark does', async () => {
    const { session, dir } = newSession();
    const location = join(dir, 'odd');
    await execute(session, `CREATE TABLE odd USING parquet PARTITIONED BY (k) LOCATION '${location}' AS SELECT * FROM VALUES (1, 'a/b:c'), (2, NULL), (3, '') AS t(v, k)`);
    expect(readdirSync(location).sort()).toEqual(['k=__HIVE_DEFAULT_PARTITION__', 'k=a%2Fb%3Ac']);
    expect(await rows(session, 'SELECT v, k FROM odd ORDER BY v')).toEqual([[1, 'a/b:c'], [2, null], [3, null]]);
  });

  it('refuses an existing table or a location with files; IF NOT EXISTS skips and OR REPLACE replaces', async () => {
    const { session, dir } = newSession();
    const location = join(dir, 't');
    await execute(session, `CREATE TABLE t USING parquet LOCATION '${location}' AS SELECT 1 AS a`);
    await expect(execute(session, `CREATE TABLE t USING parquet LOCATION '${location}' AS SELECT 2 AS a`)).rejects.toThrow('table `default.t` already exists');
    await expect(execute(session, `CREATE TABLE u USING parquet LOCATION '${location}' AS SELECT 2 AS a`)).rejects.toThrow('already holds files');
    await execute(session, `CREATE TABLE IF NOT EXISTS t USING parquet LOCATION '${location}' AS SELECT 2 AS a`);
    expect(await rows(session, 'SELECT a FROM t')).toEqual([[1]]);
    await execute(session, `CREATE OR REPLACE TABLE t USING parquet LOCATION '${location}' AS SELECT 3 AS a`);
    expect(await rows(session, 'SELECT a FROM t')).toEqual([[3]]);
    expect(filesUnder(location)).toHaveLength(1);
  });

  it('creates an empty table from a column list, and registers existing data from LOCATION alone', async () => {
    const { session, dir } = newSession();
    await execute(session, `CREATE TABLE e (id BIGINT, price DECIMAL(15,2), day DATE) USING parquet LOCATION '${join(dir, 'e')}'`);
    expect(await rows(session, 'SELECT count(*) FROM e')).toEqual([[0]]);
    expect((await session.sql('SELECT * FROM e')).schema.fields.map((f) => `${f.name}: ${f.type}`)).toEqual(['id: Int64', 'price: Decimal[15e+2]', 'day: Date32<DAY>']);
    await execute(session, `CREATE TABLE again USING parquet LOCATION '${join(inject('tpchDir'), 'region')}'`);
    expect(await rows(session, 'SELECT count(*) FROM again')).toEqual([[5]]);
  });

  it('checks the format, the column names and PARTITIONED BY', async () => {
    const { session } = newSession();
    await expect(execute(session, 'CREATE TABLE p USING parquet PARTITIONED BY (nope) AS SELECT 1 AS a, 2 AS b')).rejects.toThrow('partition column `nope` is not among');
    await expect(execute(session, 'CREATE TABLE p USING parquet PARTITIONED BY (a) AS SELECT 1 AS a')).rejects.toThrow('cannot partition by every column');
    await expect(execute(session, 'CREATE TABLE p USING csv AS SELECT 1 AS a')).rejects.toThrow('USING csv is not supported');
    await expect(execute(session, 'CREATE TABLE p USING parquet AS SELECT 1 AS a, 2 AS A')).rejects.toThrow('two columns named `A`');
  });
});

describe('INSERT', () => {
  async function partitionedNations(): Promise<{ session: Session; location: string }> {
    const { session, dir } = newSession();
    const location = join(dir, 'pn');
    await execute(session, `CREATE TABLE pn USING parquet PARTITIONED BY (r) LOCATION '${location}' AS SELECT n_nationkey AS k, n_name AS name, n_regionkey AS r FROM nation`);
    return { session, location };
  }

  it('INTO appends new part files, casting the query columns to the table types', async () => {
    const { session, location } = await partitionedNations();
    await execute(session, 'INSERT INTO pn SELECT n_nationkey + 100, lower(n_name), n_regionkey FROM nation WHERE n_regionkey = 0');
    expect(await rows(session, 'SELECT r, count(*) FROM pn GROUP BY r ORDER BY r')).toEqual([[0, 10], [1, 5], [2, 5], [3, 5], [4, 5]]);
    expect(readdirSync(join(location, 'r=0'))).toHaveLength(2);
    await execute(session, "INSERT INTO TABLE pn SELECT 999, 'x', 7");
    expect(await rows(session, 'SELECT k, name FROM pn WHERE r = 7')).toEqual([[999, 'x']]);
    expect(filesUnder(location).some((f) => f.startsWith('.'))).toBe(false);
  });

  it('INTO with a static partition value writes that partition only', async () => {
    const { session, location } = await partitionedNations();
    await execute(session, 'INSERT INTO pn PARTITION (r = 9) SELECT n_nationkey, n_name FROM nation WHERE n_regionkey = 1');
    expect(readdirSync(join(location, 'r=9'))).toHaveLength(1);
    expect(await rows(session, 'SELECT count(*) FROM pn WHERE r = 9')).toEqual([[5]]);
  });

  it('OVERWRITE replaces the whole table, or only the partition a static value names', async () => {
    const { session, location } = await partitionedNations();
    await execute(session, "INSERT OVERWRITE TABLE pn PARTITION (r = 1) SELECT 1, 'only'");
    expect(await rows(session, 'SELECT r, count(*) FROM pn GROUP BY r ORDER BY r')).toEqual([[0, 5], [1, 1], [2, 5], [3, 5], [4, 5]]);
    await execute(session, "INSERT OVERWRITE pn SELECT 5, 'five', 5");
    expect(await rows(session, 'SELECT * FROM pn')).toEqual([[5, 'five', 5]]);
    expect(readdirSync(location)).toEqual(['r=5']);
  });

  it('OVERWRITE of an unpartitioned table', async () => {
    const { session, dir } = newSession();
    await execute(session, `CREATE TABLE flat USING parquet LOCATION '${join(dir, 'flat')}' AS SELECT * FROM region`);
    await execute(session, 'INSERT OVERWRITE flat SELECT * FROM region WHERE r_regionkey > 2');
    expect(await rows(session, 'SELECT r_regionkey FROM flat ORDER BY 1')).toEqual([[3], [4]]);
  });

  it('leaves the table exactly as it was when the query fails part-way', async () => {
    const { session, location } = await partitionedNations();
    session.registerParquet('broken', tableWithCorruptSecondFile());
    const before = filesUnder(location);
    await expect(execute(session, 'INSERT OVERWRITE pn SELECT n_nationkey, n_name, n_regionkey FROM broken')).rejects.toThrow('part-1.parquet');
    await expect(execute(session, 'INSERT INTO pn SELECT n_nationkey, n_name, n_regionkey FROM broken')).rejects.toThrow('part-1.parquet');
    await expect(execute(session, 'INSERT OVERWRITE pn PARTITION (r = 1) SELECT n_nationkey, n_name FROM broken')).rejects.toThrow('part-1.parquet');
    expect(filesUnder(location)).toEqual(before);
    expect(readdirSync(join(location, '..')).filter((f) => f.startsWith('.'))).toEqual([]);
    expect(listDataFiles(location).files).toHaveLength(5);
    expect(await rows(session, 'SELECT count(*) FROM pn')).toEqual([[25]]);
  });

  it('checks the column count, the types and the PARTITION clause', async () => {
    const { session } = await partitionedNations();
    await expect(execute(session, 'INSERT INTO pn SELECT 1, 2')).rejects.toThrow('the query returns 2 columns, but 3 are to be filled (k, name, r)');
    await expect(execute(session, "INSERT INTO pn SELECT 'x', 'y', 1")).rejects.toThrow('cannot insert column 1 (`x`, string) into `k` of type');
    await expect(execute(session, 'INSERT INTO pn PARTITION (zz = 1) SELECT 1, 2')).rejects.toThrow('`zz` is not a partition column of `pn` (they are: r)');
  });
});
