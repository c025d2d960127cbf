// DuckDB as the oracle: a connection set up to answer like Spark, views over sqlopt's Parquet files, results as cells.
import { join } from 'node:path';
import {
  DuckDBArrayValue,
  DuckDBDateValue,
  DuckDBDecimalValue,
  DuckDBInstance,
  DuckDBListValue,
  DuckDBStructValue,
  DuckDBTimestampTZValue,
  DuckDBTimestampValue,
} from '@duckdb/node-api';
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import type { Cell, Row } from './result-compare.js';

export const TPCH_TABLES = ['customer', 'lineitem', 'nation', 'orders', 'part', 'partsupp', 'region', 'supplier'] as const;

export interface DuckDbOptions {
  /** DuckDB's worker threads; default: DuckDB's own (the machine's cores). */
  readonly threads?: number;
}

/**
 * An in-memory DuckDB connection that sorts NULLs and reads timestamps as Spark does: NULLs first in ascending order
 * and last in descending order (Spark's default; DuckDB's is last in both), session time zone UTC.
 */
export async function openDuckDb(options: DuckDbOptions = {}): Promise<DuckDBConnection> {
  const instance = await DuckDBInstance.create(':memory:', options.threads ? { threads: String(options.threads) } : {});
  const connection = await instance.connect();
  await connection.run("SET default_null_order = 'nulls_first_on_asc_last_on_desc'");
  await connection.run("SET TimeZone = 'UTC'");
  return connection;
}

/** A view per TPC-H table over `<dir>/<table>/*.parquet`, the files sqlopt reads. */
export async function createTpchViews(connection: DuckDBConnection, dir: string): Promise<void> {
  for (const table of TPCH_TABLES) await createParquetView(connection, table, join(dir, table));
}

/** A view named `name` over the Parquet files of a directory (Hive-partitioned or not), as sqlopt registers it. */
export async function createParquetView(connection: DuckDBConnection, name: string, dir: string): Promise<void> {
  const files = `${dir.replace(/'/g, "''")}/**/*.parquet`;
  await connection.run(`CREATE OR REPLACE VIEW "${name}" AS SELECT * FROM read_parquet('${files}', hive_partitioning = true)`);
}

/** The oracle's answer to a query: its rows, and for a query ending in LIMIT n, the row after the n-th (null if none). */
export interface DuckDbAnswer {
  readonly rows: Row[];
  readonly rowAfterLimit?: Row | null;
}

/**
 * Runs `sql`; when it ends in `LIMIT limit`, runs it with one row more, to learn whether the LIMIT cut a run of rows
 * with equal sort keys (where two engines may rightly keep different rows).
 */
export async function duckDbAnswer(connection: DuckDBConnection, sql: string, limit: number | undefined): Promise<DuckDbAnswer> {
  const final = /\blimit\s+(\d+)(\s*;?\s*)$/i;
  if (limit === undefined || !final.test(sql)) return { rows: await duckDbRows(connection, sql) };
  const rows = await duckDbRows(connection, sql.replace(final, `limit ${limit + 1}$2`));
  return { rows: rows.slice(0, limit), rowAfterLimit: rows[limit] ?? null };
}

/** Runs `sql` and returns its rows as cells. */
export async function duckDbRows(connection: DuckDBConnection, sql: string): Promise<Row[]> {
  const reader = await connection.runAndReadAll(sql);
  return reader.getRows().map((row) => row.map(cellOf));
}

function cellOf(value: DuckDBValue): Cell {
  if (value === null) return null;
  switch (typeof value) {
    case 'boolean':
      return { t: 'bool', v: value };
    case 'number':
      return Number.isInteger(value) ? { t: 'int', v: BigInt(value) } : { t: 'float', v: value };
    case 'bigint':
      return { t: 'int', v: value };
    case 'string':
      return { t: 'str', v: value };
  }
  if (value instanceof DuckDBDecimalValue) return { t: 'dec', unscaled: value.value, scale: value.scale };
  if (value instanceof DuckDBDateValue) return { t: 'date', days: value.days };
  if (value instanceof DuckDBTimestampValue || value instanceof DuckDBTimestampTZValue) return { t: 'ts', micros: value.micros };
  if (value instanceof DuckDBStructValue) return { t: 'list', items: Object.values(value.entries).map(cellOf) };
  if (value instanceof DuckDBListValue || value instanceof DuckDBArrayValue) return { t: 'list', items: value.items.map(cellOf) };
  return { t: 'str', v: String(value) };
}
