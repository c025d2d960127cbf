// sqlopt's answers against DuckDB's over the same Parquet files: the 22 TPC-H queries at SF 0.01, and corpus/demo/*.sql.
//
// The queries run as they are in both engines, with two documented adaptations for DuckDB, which lacks the syntax:
// `CREATE TEMPORARY VIEW v USING parquet OPTIONS (path '…')` becomes a DuckDB view over read_parquet, and Spark's
// `window(ts, 'n minutes')` becomes the struct {start, end} of time_bucket. The demo scripts' `data/demo/` paths point
// to the events generated here.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DuckDBConnection } from '@duckdb/node-api';
import { parseScript } from '../../src/ast/parse.js';
import { Session } from '../../src/api/session.js';
import { generateEvents } from '../../tools/events/generate.js';
import { generateTpch } from '../../tools/tpch/generate.js';
import { createParquetView, createTpchViews, duckDbAnswer, openDuckDb } from '../helpers/duckdb.js';
import { REPO_ROOT, tpchQuery, tpchQueryNames } from '../helpers/golden.js';
import { arrowRows, compareResults, resultOrder } from '../helpers/result-compare.js';
import type { ResultOrder } from '../helpers/result-compare.js';

const root = mkdtempSync(join(tmpdir(), 'sqlopt-correctness-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

/**
 * Runs `script` in sqlopt and `query` (its last query, adapted) in DuckDB, and returns why sqlopt's result differs,
 * or undefined. `order` comes from sqlopt's analysis of the query as written.
 */
async function difference(session: Session, script: string, duckdb: DuckDBConnection, query: string, order: ResultOrder): Promise<string | undefined> {
  const expected = await duckDbAnswer(duckdb, query, order.limit);
  const actual = arrowRows(await session.sql(script));
  return compareResults(actual, expected.rows, order, expected.rowAfterLimit);
}

describe('TPC-H SF 0.01: sqlopt agrees with DuckDB', () => {
  const dir = join(root, 'tpch');
  const session = new Session();
  let duckdb: DuckDBConnection;

  beforeAll(async () => {
    await generateTpch({ sf: 0.01, out: dir });
    session.registerDataDir(dir);
    duckdb = await openDuckDb();
    await createTpchViews(duckdb, dir);
  }, 120_000);

  for (const name of tpchQueryNames()) {
    it(name, async () => {
      const sql = tpchQuery(name);
      expect(await difference(session, sql, duckdb, sql, resultOrder(session.analyze(sql).plan))).toBeUndefined();
    });
  }
});

describe('corpus/demo: sqlopt agrees with DuckDB on the events data', () => {
  const dir = join(root, 'demo');
  const demoDir = join(REPO_ROOT, 'corpus', 'demo');

  beforeAll(async () => {
    await generateEvents({ out: dir, days: 7, rowsPerDay: 2_000 });
  }, 120_000);

  for (const file of readdirSync(demoDir).filter((f) => f.endsWith('.sql')).sort()) {
    it(file, async () => {
      const script = readFileSync(join(demoDir, file), 'utf8').replaceAll("'data/demo/", `'${dir}/`);
      const duckdb = await openDuckDb();
      const session = new Session();
      let query: { text: string; order: ResultOrder } | undefined;
      for (const statement of parseScript(script).statements) {
        const text = script.slice(statement.span!.start.offset, statement.span!.end.offset);
        if (statement.kind === 'createViewUsing') {
          const path = statement.options.find((o) => o.key.toLowerCase() === 'path')!.value;
          await createParquetView(duckdb, statement.name[statement.name.length - 1]!, path);
          session.runCommand(statement);
        } else if (statement.kind === 'queryStatement') {
          query = { text: forDuckDb(text), order: resultOrder(session.analyze(statement.query).plan) };
        }
      }
      expect(await difference(session, script, duckdb, query!.text, query!.order)).toBeUndefined();
    });
  }
});

/** Spark's tumbling `window(ts, 'n unit')` as DuckDB can compute it: the struct of the bucket's start and end. */
function forDuckDb(sql: string): string {
  return sql.replace(/\bwindow\((\w+),\s*'([^']+)'\)/gi, (_, column: string, width: string) => {
    const bucket = `time_bucket(INTERVAL '${width}', ${column})`;
    return `{'start': ${bucket}, 'end': ${bucket} + INTERVAL '${width}'}`;
  });
}
