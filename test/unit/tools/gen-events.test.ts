// The events generator: Hive partitions by day, row counts, skew, and the dimension tables, checked with DuckDB.
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateEvents, type EventsTableReport } from '../../../tools/events/generate.js';

let root: string;
let out: string;
let reports: EventsTableReport[];
let db: DuckDBConnection;

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'sqlopt-gen-events-'));
  out = join(root, 'a');
  reports = await generateEvents({ out, days: 3, rowsPerDay: 1000, start: '2024-01-05' });
  db = await (await DuckDBInstance.create(':memory:')).connect();
  await db.run(`CREATE VIEW events AS SELECT * FROM read_parquet('${out}/events/*/*.parquet', hive_partitioning = true)`);
  await db.run(`CREATE VIEW users AS SELECT * FROM '${out}/users/*.parquet'`);
  await db.run(`CREATE VIEW countries AS SELECT * FROM '${out}/countries/*.parquet'`);
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

describe('gen-events', () => {
  it('writes one Hive partition directory per day, with event_date only in the path', async () => {
    expect(readdirSync(join(out, 'events')).sort()).toEqual(['event_date=2024-01-05', 'event_date=2024-01-06', 'event_date=2024-01-07']);
    expect(readdirSync(join(out, 'events', 'event_date=2024-01-06'))).toEqual(['part-00000.parquet']);
    const inFile = await rows(
      `DESCRIBE SELECT * FROM read_parquet('${out}/events/event_date=2024-01-06/part-00000.parquet', hive_partitioning = false)`,
    );
    expect(Object.fromEntries(inFile.map((r) => [r['column_name'], r['column_type']]))).toEqual({
      event_id: 'BIGINT',
      user_id: 'BIGINT',
      event_type: 'VARCHAR',
      ts: 'TIMESTAMP WITH TIME ZONE',
      value: 'DOUBLE',
      country: 'VARCHAR',
      device: 'VARCHAR',
    });
    expect(existsSync(join(out, 'users', 'part-00000.parquet')) && existsSync(join(out, 'countries', 'part-00000.parquet'))).toBe(true);
  });

  it('has rows-per-day rows in each partition, ids unique, timestamps within the day and in id order', async () => {
    expect(reports.map((r) => [r.table, r.rows, r.files])).toEqual([
      ['countries', 22, 1],
      ['users', 100, 1],
      ['events', 3000, 3],
    ]);
    const perDay = await rows(`
      SELECT event_date::VARCHAR AS d, count(*) AS n,
             bool_and(ts::DATE = event_date) AS within,
             min(event_id) AS first, max(event_id) AS last
      FROM events GROUP BY 1 ORDER BY 1`);
    expect(perDay).toEqual([
      { d: '2024-01-05', n: '1000', within: true, first: '1', last: '1000' },
      { d: '2024-01-06', n: '1000', within: true, first: '1001', last: '2000' },
      { d: '2024-01-07', n: '1000', within: true, first: '2001', last: '3000' },
    ]);
    expect(await value(`SELECT count(DISTINCT event_id) FROM events`)).toBe('3000');
    const unordered = await value(`
      SELECT count(*) FROM (SELECT ts, lag(ts) OVER (ORDER BY event_id) AS prev FROM events) WHERE ts < prev`);
    expect(unordered).toBe('0');
  });

  it('is skewed: a few users and the common event types dominate', async () => {
    const [top] = await rows(`SELECT user_id, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC LIMIT 1`);
    // 3,000 events over 100 users: 30 on average, Zipf gives the top user about a fifth of all.
    expect(Number(top!['n'])).toBeGreaterThan(300);
    const types = await rows(`SELECT event_type AS t, count(*) AS n FROM events GROUP BY 1 ORDER BY n DESC`);
    expect(types[0]!['t']).toBe('page_view');
    expect(types.length).toBe(10);
    expect(await value(`SELECT count(*) FROM events WHERE (value IS NULL) <> (event_type <> 'purchase')`)).toBe('0');
    expect(await value(`SELECT min(value) > 0 FROM events`)).toBe(true);
    const [usCountry] = await rows(`SELECT country, count(*) AS n FROM users GROUP BY 1 ORDER BY n DESC LIMIT 1`);
    expect(usCountry!['country']).toBe('US');
  });

  it('refers only to known users and countries; users signed up before the first day', async () => {
    expect(await value(`SELECT count(*) FROM events ANTI JOIN users USING (user_id)`)).toBe('0');
    expect(await value(`SELECT count(*) FROM events ANTI JOIN countries ON country = code`)).toBe('0');
    expect(await value(`SELECT count(*) FROM users ANTI JOIN countries ON country = code`)).toBe('0');
    expect(await rows(`SELECT count(*) AS n, count(DISTINCT user_id) AS d, max(signup_date) < DATE '2024-01-05' AS before FROM users`)).toEqual([
      { n: '100', d: '100', before: true },
    ]);
    // Events mostly come from the user's home country.
    const home = Number(await value(`SELECT avg((e.country = u.country)::INT) FROM events e JOIN users u USING (user_id)`));
    expect(home).toBeGreaterThan(0.9);
  });

  it('is deterministic for the same arguments', async () => {
    const again = join(root, 'b');
    await generateEvents({ out: again, days: 3, rowsPerDay: 1000, start: '2024-01-05', batchRows: 333 });
    const file = (dir: string, rel: string) => readFileSync(join(dir, rel));
    for (const rel of ['users/part-00000.parquet', 'countries/part-00000.parquet']) {
      expect([rel, file(out, rel).equals(file(again, rel))]).toEqual([rel, true]);
    }
    const differing = await value(`
      SELECT count(*) FROM (
        (SELECT * FROM '${out}/events/*/*.parquet' EXCEPT ALL SELECT * FROM '${again}/events/*/*.parquet')
        UNION ALL
        (SELECT * FROM '${again}/events/*/*.parquet' EXCEPT ALL SELECT * FROM '${out}/events/*/*.parquet'))`);
    expect(differing).toBe('0');
  });
});
