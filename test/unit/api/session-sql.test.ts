// Session.sql and Session.sqlStream end to end on the TPC-H SF 0.001 files: queries, scripts, subqueries, and the
// same answers with the optimizer switched off.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { Table } from 'apache-arrow';
import { Session } from '../../../src/api/session.js';
import { SqlError } from '../../../src/common/errors.js';

let session: Session;
beforeAll(() => {
  session = new Session();
  session.registerDataDir(inject('tpchDir'));
});

/** The rows of a result as plain JS values (counts are bigints). */
const rows = (table: Table): unknown[][] => table.toArray().map((r) => Object.values(r.toJSON()));

describe('Session.sql', () => {
  it('runs a query into an Arrow table with the query’s column names', async () => {
    const table = await session.sql('SELECT n_name, n_regionkey AS region FROM nation WHERE n_regionkey = 1 ORDER BY n_name');
    expect(table.schema.fields.map((f) => f.name)).toEqual(['n_name', 'region']);
    expect(rows(table)).toEqual([
      ['ARGENTINA', 1],
      ['BRAZIL', 1],
      ['CANADA', 1],
      ['PERU', 1],
      ['UNITED STATES', 1],
    ]);
  });

  it('joins, groups and sorts a comma join', async () => {
    const table = await session.sql(
      'SELECT r_name, count(*) AS n FROM nation, region WHERE n_regionkey = r_regionkey GROUP BY r_name ORDER BY r_name',
    );
    expect(rows(table)).toEqual(['AFRICA', 'AMERICA', 'ASIA', 'EUROPE', 'MIDDLE EAST'].map((r) => [r, 5n]));
  });

  it('runs correlated and uncorrelated subqueries', async () => {
    const exists = await session.sql(
      "SELECT n_name FROM nation n WHERE EXISTS (SELECT * FROM region r WHERE r.r_regionkey = n.n_regionkey AND r.r_name = 'ASIA') ORDER BY n_name",
    );
    expect(rows(exists).flat()).toEqual(['CHINA', 'INDIA', 'INDONESIA', 'JAPAN', 'VIETNAM']);
    const scalar = await session.sql('SELECT count(*) FROM nation WHERE n_regionkey = (SELECT max(r_regionkey) FROM region)');
    expect(rows(scalar)).toEqual([[5n]]);
    const notIn = await session.sql("SELECT count(*) FROM nation WHERE n_regionkey NOT IN (SELECT r_regionkey FROM region WHERE r_name LIKE 'A%')");
    expect(rows(notIn)).toEqual([[10n]]);
  });

  it('returns the last statement with rows of a script, after applying its views and settings', async () => {
    const script = `
      CREATE OR REPLACE TEMPORARY VIEW asia AS SELECT n_name FROM nation, region WHERE n_regionkey = r_regionkey AND r_name = 'ASIA';
      SELECT count(*) FROM nation;
      SET spark.sql.session.timeZone = 'UTC';
      SELECT n_name FROM asia ORDER BY n_name DESC LIMIT 2;
      SET sqlopt.optimizer.disabled = '';`;
    expect(rows(await session.sql(script))).toEqual([['VIETNAM'], ['JAPAN']]);
    expect((await session.sql('SHOW TABLES')).schema.fields.map((f) => f.name)).toEqual(['namespace', 'tableName', 'isTemporary']);
    expect((await session.sql("SET spark.sql.session.timeZone = 'UTC'")).numCols).toBe(0);
    const explained = rows(await session.sql('EXPLAIN SELECT * FROM region'))[0]![0] as string;
    expect(explained).toContain('== Physical Plan ==');
  });

  it('reports errors of any statement of a script', async () => {
    await expect(session.sql('SELECT nope FROM nation; SELECT 1')).rejects.toThrow(SqlError);
  });

  it('gives the same answers with the optimizer rules switched off', async () => {
    const query = "SELECT n_name, r_name FROM nation, region WHERE n_regionkey = r_regionkey AND r_name <> 'ASIA' ORDER BY n_name";
    const optimized = rows(await session.sql(query));
    const plain = new Session({ config: { 'sqlopt.optimizer.disabled': 'push_down_filter, prune_columns' } });
    plain.registerDataDir(inject('tpchDir'));
    expect(plain.explain(query)).toContain('NestedLoopJoinExec');
    expect(rows(await plain.sql(query))).toEqual(optimized);
    expect(optimized).toHaveLength(20);
  });
});

describe('Session.sqlStream', () => {
  it('yields record batches of the result', async () => {
    let total = 0;
    for await (const batch of session.sqlStream('SELECT l_orderkey FROM lineitem WHERE l_quantity > 10')) {
      expect(batch.schema.fields.map((f) => f.name)).toEqual(['l_orderkey']);
      total += batch.numRows;
    }
    const [[count]] = rows(await session.sql('SELECT count(*) FROM lineitem WHERE l_quantity > 10')) as [[bigint]];
    expect(BigInt(total)).toBe(count);
    expect(total).toBeGreaterThan(0);
  });
});
