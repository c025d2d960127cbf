// Prints one statement's result on standard output as a table, CSV or JSON lines, reading no more rows than it shows.
import type { RecordBatch } from 'apache-arrow';
import { csvHeader, csvLines } from '../io/csv-writer.js';
import { jsonLines } from '../io/json-writer.js';
import { columnText } from '../io/value-text.js';
import type { ResultFormat } from './args.js';
import { formatTable } from './format-table.js';

export interface PrintOptions {
  readonly format: ResultFormat;
  /** Rows to print; undefined = all. */
  readonly maxRows: number | undefined;
  /** spark.sql.session.timeZone, for timestamps. */
  readonly timeZone: string;
}

/** Where printing goes: `out` is standard output; `note` reaches the user without mixing into CSV or JSON data. */
export interface PrintSink {
  readonly out: (text: string) => void;
  readonly note: (text: string) => void;
}

/**
 * Prints a query's result batches. Once `maxRows` rows are in hand (one more in table format, to know whether to say
 * "only showing top N rows", as Spark's show() does), the stream is closed, which stops the query.
 * `columns` names the header when the result has no batches.
 */
export async function printBatches(
  batches: AsyncIterable<RecordBatch>,
  columns: readonly string[],
  options: PrintOptions,
  sink: PrintSink,
): Promise<void> {
  const limit = options.maxRows ?? Number.POSITIVE_INFINITY;
  if (options.format === 'table') {
    const rows: (string | null)[][] = [];
    let truncated = false;
    for await (const batch of batches) {
      const texts = batch.schema.fields.map((_, c) => columnText(batch.getChildAt(c)!.data[0]!, { timeZone: options.timeZone, timestamps: 'show' }));
      for (let row = 0; row < batch.numRows; row++) {
        if (rows.length === limit) {
          truncated = true;
          break;
        }
        rows.push(texts.map((text) => text(row)));
      }
      if (truncated) break;
    }
    sink.out(formatTable({ columns, rows, truncated }));
    return;
  }

  // The CSV header waits for the first rows (or the end), so that a query failing at once prints nothing.
  let header = options.format === 'csv' ? csvHeader(columns) : '';
  let printed = 0;
  let truncated = false;
  for await (const whole of batches) {
    if (whole.numRows === 0) continue;
    // A batch beyond the last printed row shows that the result went on.
    if (printed === limit) {
      truncated = true;
      break;
    }
    const room = limit - printed;
    const batch = whole.numRows > room ? whole.slice(0, room) : whole;
    sink.out(options.format === 'csv' ? header + csvLines(batch, options) : jsonLines(batch, options));
    header = '';
    printed += batch.numRows;
    if (whole.numRows > room) {
      truncated = true;
      break;
    }
  }
  if (header) sink.out(header);
  if (truncated) sink.note(`only showing top ${printed} ${printed === 1 ? 'row' : 'rows'}`);
}
