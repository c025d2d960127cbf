// Generates TPC-H tables at a scale factor into <out>/<table>/part-NNNNN.parquet, one table directory at a time.
import { join } from 'node:path';
import { replaceDirectoryAtomic } from '../../src/io/atomic-write.js';
import { DEFAULT_ROW_GROUP_SIZE, writeParquetParts, type ParquetCompression } from '../../src/io/parquet-writer.js';
import { cardinalities } from './spec.js';
import type { TpchContext, TpchTableName } from './table.js';
import { TPCH_TABLES } from './tables.js';
import { textPool } from './text-pool.js';

export interface TpchOptions {
  readonly sf: number;
  readonly out: string;
  readonly rowGroupSize?: number;
  /** Rows per part file; default 8 row groups, so SF 1 writes one file per table. */
  readonly rowsPerFile?: number;
  readonly compression?: ParquetCompression;
  /** A subset of tables to (re)generate; default all eight. */
  readonly tables?: readonly TpchTableName[];
  /** Rows per generated batch (memory per batch, not file layout; the data do not depend on it). */
  readonly batchRows?: number;
  /** Called as each table is finished. */
  readonly onTable?: (report: TableReport) => void;
}

export interface TableReport {
  readonly table: TpchTableName;
  readonly rows: number;
  readonly files: number;
  readonly bytes: number;
  readonly seconds: number;
}

export const DEFAULT_BATCH_ROWS = 1 << 17;

/**
 * Writes each requested table into its own directory under `out`, replacing that directory atomically,
 * so an interrupted run leaves every table either as it was or complete.
 *
 * @example
 * await generateTpch({ sf: 0.01, out: 'data/tpch/sf0.01' });
 */
export async function generateTpch(options: TpchOptions): Promise<TableReport[]> {
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  const rowsPerFile = options.rowsPerFile ?? 8 * rowGroupSize;
  const batchRows = options.batchRows ?? DEFAULT_BATCH_ROWS;
  const wanted = new Set(options.tables ?? TPCH_TABLES.map((t) => t.name));
  const ctx: TpchContext = { sf: options.sf, cards: cardinalities(options.sf), pool: textPool() };

  const reports: TableReport[] = [];
  for (const table of TPCH_TABLES) {
    if (!wanted.has(table.name)) continue;
    const started = performance.now();
    const dir = join(options.out, table.name);
    const files = await replaceDirectoryAtomic(dir, (tmp) =>
      writeParquetParts(tmp, table.batches(ctx, batchRows), {
        rowGroupSize,
        rowsPerFile,
        compression: options.compression ?? 'snappy',
        schema: table.schema,
      }),
    );
    const report: TableReport = {
      table: table.name,
      rows: files.reduce((sum, f) => sum + f.rows, 0),
      files: files.length,
      bytes: files.reduce((sum, f) => sum + f.bytes, 0),
      seconds: (performance.now() - started) / 1000,
    };
    options.onTable?.(report);
    reports.push(report);
  }
  return reports;
}
