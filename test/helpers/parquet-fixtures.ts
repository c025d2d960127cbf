// Writes small Parquet files and Hive-partitioned directories into a temp directory for tests, using DuckDB.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import type { DuckDBConnection } from '@duckdb/node-api';
import { tableToIPC } from 'apache-arrow';
import type { Table } from 'apache-arrow';
import * as pw from 'parquet-wasm';

export interface ParquetFixtures {
  /** The temp directory everything is written under. */
  readonly dir: string;
  /** The absolute path of `relativePath` under `dir`. */
  path(relativePath: string): string;
  /**
   * Writes the rows of `select` (DuckDB SQL) to `relativePath` and returns its absolute path.
   * `options` are extra COPY options, e.g. `ROW_GROUP_SIZE 100`.
   */
  writeParquet(relativePath: string, select: string, options?: string): Promise<string>;
  /** Writes a Hive-partitioned directory (`k=v/…/data_0.parquet`) partitioned by `partitionBy`; returns its path. */
  writePartitioned(relativeDir: string, select: string, partitionBy: readonly string[]): Promise<string>;
  /**
   * Writes an Arrow table with parquet-wasm (the writer sqlopt itself uses): unlike DuckDB, it writes non-nullable
   * fields as REQUIRED and embeds the Arrow schema.
   */
  writeArrow(relativePath: string, table: Table, rowGroupSize?: number): string;
  /** Writes raw bytes (for corrupt files, marker files such as `_SUCCESS`); returns the absolute path. */
  writeBytes(relativePath: string, bytes: Uint8Array | string): string;
  /** Runs any DuckDB statement. */
  run(sql: string): Promise<void>;
  /** Closes DuckDB and deletes the directory. */
  close(): void;
}

/**
 * @example
 * let fx: ParquetFixtures;
 * beforeAll(async () => { fx = await createParquetFixtures(); await fx.writeParquet('t.parquet', 'SELECT 1 AS a'); });
 * afterAll(() => fx.close());
 */
export async function createParquetFixtures(prefix = 'sqlopt-test-'): Promise<ParquetFixtures> {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  const instance = await DuckDBInstance.create(':memory:');
  const connection: DuckDBConnection = await instance.connect();
  const path = (relativePath: string) => join(dir, relativePath);
  const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;
  const run = async (sql: string) => {
    await connection.run(sql);
  };
  const writeBytes = (relativePath: string, bytes: Uint8Array | string) => {
    const target = path(relativePath);
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, bytes);
    return target;
  };
  return {
    dir,
    path,
    async writeParquet(relativePath, select, options) {
      const target = path(relativePath);
      mkdirSync(dirname(target), { recursive: true });
      await run(`COPY (${select}) TO ${quote(target)} (FORMAT parquet${options ? `, ${options}` : ''})`);
      return target;
    },
    async writePartitioned(relativeDir, select, partitionBy) {
      const target = path(relativeDir);
      await run(`COPY (${select}) TO ${quote(target)} (FORMAT parquet, PARTITION_BY (${partitionBy.join(', ')}), OVERWRITE_OR_IGNORE)`);
      return target;
    },
    writeArrow(relativePath, table, rowGroupSize) {
      let properties = new pw.WriterPropertiesBuilder();
      if (rowGroupSize !== undefined) properties = properties.setMaxRowGroupSize(rowGroupSize);
      const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(table, 'stream')), properties.build());
      return writeBytes(relativePath, bytes);
    },
    writeBytes,
    run,
    close() {
      connection.closeSync();
      instance.closeSync();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
