// Query results as CSV (RFC 4180 quoting, a header line, NULL as an empty field), to a stream or atomically to a file.
import type { RecordBatch, Schema } from 'apache-arrow';
import { writeFileAtomic } from './atomic-write.js';
import { batchesOf, declaredSchema } from './batch-source.js';
import type { BatchSource } from './parquet-writer.js';
import { columnText } from './value-text.js';

export interface CsvOptions {
  /** spark.sql.session.timeZone: timestamps are written as ISO text with this zone's offset. */
  readonly timeZone: string;
}

export interface TextFileResult {
  readonly path: string;
  readonly rows: number;
  readonly bytes: number;
}

// A field needs quotes when it holds the delimiter, a quote or a line break; an empty string is quoted too, so that
// it reads back differently from NULL (an empty, unquoted field), as Spark writes it.
const NEEDS_QUOTES = /[",\r\n]/;

/** One CSV field: quoted, with quotes doubled, only when RFC 4180 requires it. */
export function csvField(text: string): string {
  if (text === '') return '""';
  return NEEDS_QUOTES.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The header line (with its line feed). */
export function csvHeader(columns: readonly string[]): string {
  return columns.map(csvField).join(',') + '\n';
}

/**
 * The rows of `batch` as CSV lines, each ending in a line feed. Values are written as Spark's CSV writer writes them:
 * numbers and decimals as their cast to string, dates `yyyy-MM-dd`, timestamps `yyyy-MM-dd'T'HH:mm:ss.SSSXXX`.
 *
 * @example csvLines(batch, { timeZone: 'UTC' }) // 'AIR,1995-03-15,"a, b"\n…'
 */
export function csvLines(batch: RecordBatch, options: CsvOptions): string {
  const columns = batch.schema.fields.map((_, c) => columnText(batch.getChildAt(c)!.data[0]!, { timeZone: options.timeZone, timestamps: 'iso' }));
  const lines: string[] = new Array(batch.numRows);
  const fields: string[] = new Array(columns.length);
  for (let row = 0; row < batch.numRows; row++) {
    for (let c = 0; c < columns.length; c++) {
      const text = columns[c]!(row);
      fields[c] = text === null ? '' : csvField(text);
    }
    lines[row] = fields.join(',');
  }
  return batch.numRows ? lines.join('\n') + '\n' : '';
}

/**
 * Writes `source` to the CSV file `path` with a header line. The file appears only when complete: if the source
 * fails (a query error), an existing file at `path` is left as it was and no partial file remains.
 * `schema` is needed only for a stream that may yield no batches (it gives the header).
 */
export async function writeCsvFile(path: string, source: BatchSource, options: CsvOptions & { readonly schema?: Schema }): Promise<TextFileResult> {
  return writeFileAtomic(path, async (file) => {
    let rows = 0;
    let bytes = 0;
    const write = async (text: string) => {
      const chunk = Buffer.from(text, 'utf8');
      await file.write(chunk);
      bytes += chunk.byteLength;
    };
    let schema = declaredSchema(source, options.schema);
    if (schema) await write(csvHeader(columnNames(schema)));
    for await (const batch of batchesOf(source)) {
      if (!schema) await write(csvHeader(columnNames((schema = batch.schema))));
      rows += batch.numRows;
      await write(csvLines(batch, options));
    }
    if (!schema) throw new Error(`cannot write ${path}: the result has no batches and no schema was given`);
    return { path, rows, bytes };
  });
}

function columnNames(schema: Schema): string[] {
  return schema.fields.map((f) => f.name);
}
