// The TPC-H generator at SF 0.01, checked with DuckDB against the specification's rules.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateTpch, type TableReport } from '../../../tools/tpch/generate.js';

const TABLES = ['region', 'nation', 'supplier', 'customer', 'part', 'partsupp', 'orders', 'lineitem'] as const;
const QUERIES = '/work/shared/tpch/queries';

let root: string;
let reports: TableReport[];
let db: DuckDBConnection;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sqlopt-gen-tpch-'));
  reports = await generateTpch({ sf: 0.01, out: join(root, 'a') });
  db = await (await DuckDBInstance.create(':memory:')).connect();
  for (const t of TABLES) await db.run(`CREATE VIEW ${t} AS SELECT * FROM read_parquet('${join(root, 'a', t)}/*.parquet')`);
});
afterAll(() => {
  db.closeSync();
  rmSync(root, { recursive: true, force: true });
});

async function rows(sql: string): Promise<Record<string, unknown>[]> {
  return (await db.runAndReadAll(sql)).getRowObjectsJson() as Record<string, unknown>[];
}
async function value(sql: string): Promise<unknown> {
  return Object.values((await rows(sql))[0]!)[0];
}

describe('TPC-H SF 0.01', () => {
  it('has the specification row counts (SF × 10,000 suppliers, 150,000 customers, …)', async () => {
    const counts = Object.fromEntries(reports.map((r) => [r.table, r.rows]));
    expect(counts).toMatchObject({ region: 5, nation: 25, supplier: 100, customer: 1500, part: 2000, partsupp: 8000, orders: 15000 });
    // 1 to 7 lines per order, 4 on average.
    expect(counts['lineitem']).toBeGreaterThan(15000 * 4 * 0.98);
    expect(counts['lineitem']).toBeLessThan(15000 * 4 * 1.02);
    for (const t of TABLES) expect(await value(`SELECT count(*) FROM ${t}`)).toBe(String(counts[t]));
    expect(reports.every((r) => r.files === 1 && r.bytes > 0)).toBe(true);
  });

  it('uses the documented column types', async () => {
    const types = async (t: string) =>
      Object.fromEntries((await rows(`DESCRIBE ${t}`)).map((r) => [r['column_name'], r['column_type']]));
    expect(await types('lineitem')).toEqual({
      l_orderkey: 'BIGINT',
      l_partkey: 'INTEGER',
      l_suppkey: 'INTEGER',
      l_linenumber: 'INTEGER',
      l_quantity: 'DECIMAL(15,2)',
      l_extendedprice: 'DECIMAL(15,2)',
      l_discount: 'DECIMAL(15,2)',
      l_tax: 'DECIMAL(15,2)',
      l_returnflag: 'VARCHAR',
      l_linestatus: 'VARCHAR',
      l_shipdate: 'DATE',
      l_commitdate: 'DATE',
      l_receiptdate: 'DATE',
      l_shipinstruct: 'VARCHAR',
      l_shipmode: 'VARCHAR',
      l_comment: 'VARCHAR',
    });
    expect(await types('orders')).toMatchObject({ o_orderkey: 'BIGINT', o_custkey: 'INTEGER', o_totalprice: 'DECIMAL(15,2)', o_orderdate: 'DATE', o_shippriority: 'INTEGER' });
    expect(await types('partsupp')).toMatchObject({ ps_partkey: 'INTEGER', ps_suppkey: 'INTEGER', ps_availqty: 'INTEGER', ps_supplycost: 'DECIMAL(15,2)' });
    expect(await types('customer')).toMatchObject({ c_custkey: 'INTEGER', c_nationkey: 'INTEGER', c_acctbal: 'DECIMAL(15,2)' });
    expect(await types('part')).toMatchObject({ p_partkey: 'INTEGER', p_size: 'INTEGER', p_retailprice: 'DECIMAL(15,2)' });
  });

  it('has unique keys and foreign keys that resolve', async () => {
    expect(await rows(`SELECT count(DISTINCT o_orderkey) AS o, count(*) AS n FROM orders`)).toEqual([{ o: '15000', n: '15000' }]);
    expect(await value(`SELECT count(*) - count(DISTINCT (ps_partkey, ps_suppkey)) FROM partsupp`)).toBe('0');
    expect(await value(`SELECT count(*) - count(DISTINCT (l_orderkey, l_linenumber)) FROM lineitem`)).toBe('0');
    const orphans = {
      lineitem_partsupp: `SELECT count(*) FROM lineitem ANTI JOIN partsupp ON l_partkey = ps_partkey AND l_suppkey = ps_suppkey`,
      lineitem_orders: `SELECT count(*) FROM lineitem ANTI JOIN orders ON l_orderkey = o_orderkey`,
      orders_without_lines: `SELECT count(*) FROM orders ANTI JOIN lineitem ON l_orderkey = o_orderkey`,
      orders_customer: `SELECT count(*) FROM orders ANTI JOIN customer ON o_custkey = c_custkey`,
      partsupp_part: `SELECT count(*) FROM partsupp ANTI JOIN part ON ps_partkey = p_partkey`,
      partsupp_supplier: `SELECT count(*) FROM partsupp ANTI JOIN supplier ON ps_suppkey = s_suppkey`,
      supplier_nation: `SELECT count(*) FROM supplier ANTI JOIN nation ON s_nationkey = n_nationkey`,
      customer_nation: `SELECT count(*) FROM customer ANTI JOIN nation ON c_nationkey = n_nationkey`,
      nation_region: `SELECT count(*) FROM nation ANTI JOIN region ON n_regionkey = r_regionkey`,
    };
    for (const [name, sql] of Object.entries(orphans)) expect([name, await value(sql)]).toEqual([name, '0']);
  });

  it('keys follow the spec: sparse order keys, every third customer without orders, the partsupp formula', async () => {
    // Only the first 8 of every 32 order keys are used; 15,000 orders end at key 60,000.
    expect(await rows(`SELECT min(o_orderkey) AS lo, max(o_orderkey) AS hi, count(*) FILTER (WHERE o_orderkey % 32 >= 8) AS bad FROM orders`)).toEqual([
      { lo: '1', hi: '60000', bad: '0' },
    ]);
    expect(await value(`SELECT count(*) FROM orders WHERE o_custkey % 3 = 0`)).toBe('0');
    expect(await value(`SELECT count(DISTINCT o_custkey) FROM orders`)).toBe('1000'); // all of the 2/3 that may order
    const S = 100;
    expect(
      await value(`SELECT count(*) FROM (SELECT ps_partkey AS p, list(ps_suppkey ORDER BY ps_suppkey) AS s FROM partsupp GROUP BY 1)
                   WHERE s <> list_sort([(p + i * (${S} // 4 + (p - 1) // ${S})) % ${S} + 1 FOR i IN range(4)])`),
    ).toBe('0');
    expect(await value(`SELECT count(*) FROM lineitem GROUP BY l_orderkey ORDER BY 1 DESC LIMIT 1`)).toBe('7');
    expect(await value(`SELECT count(*) FROM (SELECT l_orderkey FROM lineitem GROUP BY 1 HAVING max(l_linenumber) <> count(*))`)).toBe('0');
  });

  it('dates follow the spec windows and the current date 1995-06-17', async () => {
    expect(await rows(`SELECT min(o_orderdate)::VARCHAR AS lo, max(o_orderdate)::VARCHAR AS hi FROM orders`)).toEqual([{ lo: '1992-01-01', hi: '1998-08-02' }]);
    const bad = await value(`
      SELECT count(*) FROM lineitem JOIN orders ON l_orderkey = o_orderkey
      WHERE l_shipdate - o_orderdate NOT BETWEEN 1 AND 121
         OR l_commitdate - o_orderdate NOT BETWEEN 30 AND 90
         OR l_receiptdate - l_shipdate NOT BETWEEN 1 AND 30`);
    expect(bad).toBe('0');
    // Returned or accepted only once received by the current date; open only if shipped after it.
    expect(
      await value(`SELECT count(*) FROM lineitem
                   WHERE (l_returnflag = 'N') <> (l_receiptdate > DATE '1995-06-17')
                      OR (l_linestatus = 'O') <> (l_shipdate > DATE '1995-06-17')`),
    ).toBe('0');
    expect(await rows(`SELECT l_returnflag AS f, l_linestatus AS s FROM lineitem GROUP BY ALL ORDER BY ALL`)).toEqual([
      { f: 'A', s: 'F' },
      { f: 'N', s: 'F' },
      { f: 'N', s: 'O' },
      { f: 'R', s: 'F' },
    ]);
    const statusRule = await value(`
      SELECT count(*) FROM orders JOIN (
        SELECT l_orderkey, bool_and(l_linestatus = 'F') AS f, bool_and(l_linestatus = 'O') AS o FROM lineitem GROUP BY 1
      ) ON l_orderkey = o_orderkey
      WHERE o_orderstatus <> CASE WHEN f THEN 'F' WHEN o THEN 'O' ELSE 'P' END`);
    expect(statusRule).toBe('0');
  });

  it('prices follow the spec formulas and ranges', async () => {
    expect(
      await value(`SELECT count(*) FROM part
                   WHERE p_retailprice * 100 <> 90000 + (p_partkey // 10) % 20001 + 100 * (p_partkey % 1000)`),
    ).toBe('0');
    expect(await value(`SELECT count(*) FROM lineitem JOIN part ON l_partkey = p_partkey WHERE l_extendedprice <> l_quantity * p_retailprice`)).toBe('0');
    // O_TOTALPRICE is the exact sum of the lines' charges, rounded to cents.
    expect(
      await value(`SELECT count(*) FROM orders JOIN (
                     SELECT l_orderkey, sum(l_extendedprice * (1 - l_discount) * (1 + l_tax)) AS t FROM lineitem GROUP BY 1
                   ) ON l_orderkey = o_orderkey WHERE abs(o_totalprice - t) > 0.005`),
    ).toBe('0');
    const [r] = await rows(`
      SELECT min(l_quantity)::VARCHAR AS q0, max(l_quantity)::VARCHAR AS q1, min(l_discount)::VARCHAR AS d0,
             max(l_discount)::VARCHAR AS d1, min(l_tax)::VARCHAR AS t0, max(l_tax)::VARCHAR AS t1,
             count(DISTINCT l_discount) AS nd, count(DISTINCT l_tax) AS nt FROM lineitem`);
    expect(r).toEqual({ q0: '1.00', q1: '50.00', d0: '0.00', d1: '0.10', t0: '0.00', t1: '0.08', nd: '11', nt: '9' });
    for (const [col, table] of [['c_acctbal', 'customer'], ['s_acctbal', 'supplier']] as const) {
      expect(await value(`SELECT count(*) FROM ${table} WHERE ${col} NOT BETWEEN -999.99 AND 9999.99`)).toBe('0');
    }
    expect(await value(`SELECT count(*) FROM partsupp WHERE ps_supplycost NOT BETWEEN 1 AND 1000 OR ps_availqty NOT BETWEEN 1 AND 9999`)).toBe('0');
  });

  it('strings follow the spec lists and formats', async () => {
    expect(await rows(`SELECT n_name AS n, r_name AS r FROM nation JOIN region ON n_regionkey = r_regionkey WHERE n_nationkey IN (0, 7, 24) ORDER BY n_nationkey`)).toEqual([
      { n: 'ALGERIA', r: 'AFRICA' },
      { n: 'GERMANY', r: 'EUROPE' },
      { n: 'UNITED STATES', r: 'AMERICA' },
    ]);
    const distinct = async (col: string, table: string) => Number(await value(`SELECT count(DISTINCT ${col}) FROM ${table}`));
    expect(await distinct('c_mktsegment', 'customer')).toBe(5);
    expect(await distinct('o_orderpriority', 'orders')).toBe(5);
    expect(await distinct('o_clerk', 'orders')).toBe(10); // SF × 1,000 clerks
    expect(await distinct('l_shipmode', 'lineitem')).toBe(7);
    expect(await distinct('l_shipinstruct', 'lineitem')).toBe(4);
    expect(await distinct('p_type', 'part')).toBe(150);
    expect(await distinct('p_container', 'part')).toBe(40);
    expect(await distinct('p_brand', 'part')).toBe(25);
    expect(await value(`SELECT count(*) FROM part WHERE p_brand[7] <> p_mfgr[14]`)).toBe('0');
    expect(await value(`SELECT count(*) FROM part WHERE len(list_distinct(string_split(p_name, ' '))) <> 5`)).toBe('0');
    expect(await value(`SELECT count(*) FROM customer WHERE NOT regexp_full_match(c_phone, '\\d\\d-\\d{3}-\\d{3}-\\d{4}') OR c_phone[1:2]::INT <> c_nationkey + 10`)).toBe('0');
    expect(await rows(`SELECT c_name AS c, o_clerk AS k FROM customer, orders WHERE c_custkey = 7 LIMIT 1`)).toEqual([
      { c: 'Customer#000000007', k: expect.stringMatching(/^Clerk#0000000(0[1-9]|10)$/) },
    ]);
    const lengths = await rows(`
      SELECT min(length(l_comment)) AS lo, max(length(l_comment)) AS hi FROM lineitem
      UNION ALL SELECT min(length(ps_comment)), max(length(ps_comment)) FROM partsupp
      UNION ALL SELECT min(length(c_address)), max(length(c_address)) FROM customer`);
    expect(lengths).toEqual([
      { lo: '10', hi: '43' },
      { lo: '49', hi: '198' },
      { lo: '10', hi: '40' },
    ]);
    // The pseudo-text gives Q13's pattern a realistic share of about 1% of orders.
    const share = Number(await value(`SELECT avg((o_comment LIKE '%special%requests%')::INT) FROM orders`));
    expect(share).toBeGreaterThan(0.005);
    expect(share).toBeLessThan(0.03);
  });

  it('runs TPC-H Q1 and Q6 in DuckDB with plausible answers', async () => {
    const q1 = await rows(readFileSync(join(QUERIES, 'q1.sql'), 'utf8'));
    expect(q1.map((r) => `${r['l_returnflag']}${r['l_linestatus']}`)).toEqual(['AF', 'NF', 'NO', 'RF']);
    for (const r of q1) {
      expect(Number(r['avg_qty'])).toBeGreaterThan(24);
      expect(Number(r['avg_qty'])).toBeLessThan(27);
      expect(Number(r['avg_disc'])).toBeCloseTo(0.05, 1);
    }
    const [q6] = await rows(readFileSync(join(QUERIES, 'q6.sql'), 'utf8'));
    // SF 1 gives about 123 million; SF 0.01 a hundredth of that.
    expect(Number(Object.values(q6!)[0])).toBeGreaterThan(1.0e6);
    expect(Number(Object.values(q6!)[0])).toBeLessThan(1.5e6);
  });

  it('is deterministic: the same bytes for the same options, the same rows whatever the batch size', async () => {
    await generateTpch({ sf: 0.01, out: join(root, 'b') });
    await generateTpch({ sf: 0.01, out: join(root, 'c'), batchRows: 999 });
    for (const t of TABLES) {
      const file = (run: string) => readFileSync(join(root, run, t, 'part-00000.parquet'));
      expect([t, file('a').equals(file('b'))]).toEqual([t, true]);
      const differing = await value(`
        SELECT count(*) FROM (
          (SELECT * FROM '${join(root, 'a', t)}/*.parquet' EXCEPT ALL SELECT * FROM '${join(root, 'c', t)}/*.parquet')
          UNION ALL
          (SELECT * FROM '${join(root, 'c', t)}/*.parquet' EXCEPT ALL SELECT * FROM '${join(root, 'a', t)}/*.parquet'))`);
      expect([t, differing]).toEqual([t, '0']);
    }
  });
});

describe('TPC-H layout and scale', () => {
  it('splits big tables into part files of whole row groups', async () => {
    const out = join(root, 'split');
    const [report] = await generateTpch({ sf: 0.01, out, tables: ['orders'], rowGroupSize: 4000, rowsPerFile: 8000 });
    expect(report).toMatchObject({ table: 'orders', rows: 15000, files: 2 });
    const groups = await rows(`
      SELECT parse_filename(file_name) AS f, count(DISTINCT row_group_id) AS g
      FROM parquet_metadata('${out}/orders/*.parquet') GROUP BY 1 ORDER BY 1`);
    expect(groups).toEqual([
      { f: 'part-00000.parquet', g: '2' },
      { f: 'part-00001.parquet', g: '2' },
    ]);
  });

  it('puts SF × 5 "Customer…Complaints" and SF × 5 "Customer…Recommends" into supplier comments (Q16)', async () => {
    const out = join(root, 'sf1-supplier');
    await generateTpch({ sf: 1, out, tables: ['supplier'] });
    expect(
      await rows(`SELECT count(*) FILTER (WHERE s_comment LIKE '%Customer%Complaints%') AS complaints,
                         count(*) FILTER (WHERE s_comment LIKE '%Customer%Recommends%') AS recommends,
                         count(*) AS n, max(length(s_comment)) AS longest
                  FROM '${out}/supplier/*.parquet'`),
    ).toEqual([{ complaints: '5', recommends: '5', n: '10000', longest: '100' }]);
  });

  it('generates the tiny SF 0.001 the test suite shares, with valid partsupp keys', async () => {
    const out = join(root, 'sf0.001');
    const reports001 = await generateTpch({ sf: 0.001, out, tables: ['supplier', 'part', 'partsupp'] });
    expect(reports001.map((r) => r.rows)).toEqual([10, 200, 800]);
    expect(await value(`SELECT count(*) - count(DISTINCT (ps_partkey, ps_suppkey)) FROM '${out}/partsupp/*.parquet'`)).toBe('0');
  });
});
