// Writes a query result to one file, atomically, in the format its extension names: .parquet, .csv, .json/.jsonl.
import type { Schema } from 'apache-arrow';
import { SqlError, fail } from '../common/errors.js';
import { writeCsvFile } from './csv-writer.js';
import { writeJsonFile } from './json-writer.js';
import { writeParquetFile } from './parquet-writer.js';
import type { BatchSource } from './parquet-writer.js';
import { resultFormatOf } from './result-format.js';
import type { ResultFileFormat } from './result-format.js';

export interface ResultFileOptions {
  /** spark.sql.session.timeZone, for timestamps in CSV and JSON. */
  readonly timeZone: string;
  /** The result's schema, needed when the source is a stream that may yield no batches. */
  readonly schema?: Schema;
}

export interface ResultFileSummary {
  readonly path: string;
  readonly format: ResultFileFormat;
  readonly rows: number;
  readonly bytes: number;
}

/**
 * Writes `source` to `path` in the format of its extension. The file appears only once complete: when the query
 * feeding `source` fails, or the disk does, an existing file is left intact and no partial file remains.
 * Throws SqlError `IO_UNKNOWN_FORMAT` for another extension and `IO_WRITE_ERROR` (naming the path) when the file
 * system refuses; the source's own errors pass through unchanged.
 *
 * @example await writeResultFile('out/revenue.csv', await session.sql(query), { timeZone: 'UTC' });
 */
export async function writeResultFile(path: string, source: BatchSource, options: ResultFileOptions): Promise<ResultFileSummary> {
  const format = resultFormatOf(path);
  if (format === undefined) {
    fail('IO_UNKNOWN_FORMAT', `cannot tell the output format of '${path}'`, undefined, 'name the file *.parquet, *.csv, *.json or *.jsonl');
  }
  try {
    switch (format!) {
      case 'parquet': {
        const written = await writeParquetFile(path, source, options.schema ? { schema: options.schema } : {});
        return { path, format: 'parquet', rows: written.rows, bytes: written.bytes };
      }
      case 'csv':
        return { ...(await writeCsvFile(path, source, options)), format: 'csv' };
      case 'json':
        return { ...(await writeJsonFile(path, source, options)), format: 'json' };
    }
  } catch (error) {
    throw asWriteError(error, path);
  }
}

/** A file-system error as a diagnostic naming the file; anything else (query errors, bugs) unchanged. */
export function asWriteError(error: unknown, path: string): unknown {
  if (error instanceof SqlError) return error;
  const errno = error as NodeJS.ErrnoException;
  if (typeof errno?.syscall !== 'string') return error;
  const why =
    errno.code === 'EACCES' || errno.code === 'EPERM'
      ? 'permission denied'
      : errno.code === 'ENOSPC'
        ? 'no space left on the device'
        : errno.code === 'ENOTDIR' || errno.code === 'EISDIR'
          ? 'a directory is in the way'
          : errno.message;
  return new SqlError([{ code: 'IO_WRITE_ERROR', message: `cannot write '${path}': ${why}`, severity: 'error' }]);
}
