// Writes a query result as a table directory: Parquet part files, under Hive `k=v/` directories when partitioned.
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import type { RecordBatch, Schema } from 'apache-arrow';
import { arrowSchemaOf } from '../exec/arrow/arrow-types.js';
import type { NamedType } from '../exec/arrow/arrow-types.js';
import { batchFromArrow } from '../exec/arrow/from-arrow.js';
import { batchToArrow } from '../exec/arrow/to-arrow.js';
import { take } from '../exec/kernels/take.js';
import { writeParquetFile } from '../io/parquet-writer.js';
import { partitionSegment } from '../io/partition-path.js';
import { columnText } from '../io/value-text.js';

export interface TableWriteOptions {
  /** The result's columns, in the order of the batches' columns. */
  readonly columns: readonly NamedType[];
  /** Names (among `columns`) of the partition columns, outermost directory first; their values are not stored in files. */
  readonly partitionColumns: readonly string[];
  /** spark.sql.session.timeZone: timestamp partition values are named in it, as Spark names them. */
  readonly timeZone: string;
  /** Partitioned writes: result data held in memory before the biggest partition's rows go to a file (default 64 MiB). */
  readonly bufferBytes?: number;
}

export interface TableWriteResult {
  /** The part files written, relative to the table directory (`k=v/part-00000-<id>.parquet`). */
  readonly files: readonly string[];
  readonly rows: number;
}

const DEFAULT_BUFFER_BYTES = 64 * 1024 * 1024;

/**
 * Writes `source` into `dir` as part files named `part-NNNNN-<id>.parquet`, the id new for each call, so that
 * appending to a table never overwrites its files. Unpartitioned, the result streams into one file (an empty result
 * gives one empty file, which keeps the table's schema). Partitioned, rows are grouped by their partition values and
 * held until `bufferBytes` is reached; then the biggest group is written as a file, so a partition may get several
 * files but memory stays bounded. A partitioned empty result writes no file.
 * Each file is written atomically; a failing source leaves the files already finished (callers write into a
 * temporary directory when the whole write must be atomic).
 */
export async function writeTableFiles(dir: string, source: AsyncIterable<RecordBatch>, options: TableWriteOptions): Promise<TableWriteResult> {
  const writeId = randomUUID();
  const files: string[] = [];
  const nextName = () => `part-${String(files.length).padStart(5, '0')}-${writeId}.parquet`;
  if (options.partitionColumns.length === 0) {
    const name = nextName();
    const written = await writeParquetFile(join(dir, name), source, { schema: arrowSchemaOf(options.columns) });
    return { files: [name], rows: written.rows };
  }

  const layout = partitionLayout(options);
  const groups = new Map<string, PendingGroup>();
  let buffered = 0;
  let rows = 0;
  const flush = async (path: string) => {
    const group = groups.get(path)!;
    groups.delete(path);
    buffered -= group.bytes;
    const name = join(path, nextName());
    files.push(name);
    await writeParquetFile(join(dir, name), group.batches, { schema: layout.dataSchema });
  };

  for await (const batch of source) {
    rows += batch.numRows;
    for (const [path, part] of splitByPartition(batch, layout, options.timeZone)) {
      const group = groups.get(path) ?? { batches: [], bytes: 0 };
      groups.set(path, group);
      const bytes = part.data.byteLength;
      group.batches.push(part);
      group.bytes += bytes;
      buffered += bytes;
    }
    while (buffered > (options.bufferBytes ?? DEFAULT_BUFFER_BYTES)) {
      await flush([...groups.entries()].reduce((a, b) => (b[1].bytes > a[1].bytes ? b : a))[0]);
    }
  }
  // Sorted, so that the same result gives the same file names.
  for (const path of [...groups.keys()].sort()) await flush(path);
  return { files, rows };
}

interface PendingGroup {
  readonly batches: RecordBatch[];
  bytes: number;
}

interface PartitionLayout {
  readonly partitionIndices: readonly number[];
  readonly partitionNames: readonly string[];
  readonly dataIndices: readonly number[];
  readonly dataColumns: readonly NamedType[];
  readonly dataSchema: Schema;
}

function partitionLayout(options: TableWriteOptions): PartitionLayout {
  const lower = options.columns.map((c) => c.name.toLowerCase());
  const partitionIndices = options.partitionColumns.map((name) => lower.indexOf(name.toLowerCase()));
  const dataIndices = options.columns.map((_, i) => i).filter((i) => !partitionIndices.includes(i));
  const dataColumns = dataIndices.map((i) => options.columns[i]!);
  return {
    partitionIndices,
    partitionNames: partitionIndices.map((i) => options.columns[i]!.name),
    dataIndices,
    dataColumns,
    dataSchema: arrowSchemaOf(dataColumns),
  };
}

/** The batch's rows grouped by partition directory, each group without the partition columns. */
function splitByPartition(batch: RecordBatch, layout: PartitionLayout, timeZone: string): Map<string, RecordBatch> {
  const segments = layout.partitionIndices.map((column, p) => {
    const text = columnText(batch.getChildAt(column)!.data[0]!, { timeZone, timestamps: 'show' });
    const name = layout.partitionNames[p]!;
    // Partition columns have few distinct values: escape each once per batch.
    const seen = new Map<string | null, string>();
    return (row: number) => {
      const value = text(row);
      let segment = seen.get(value);
      if (segment === undefined) seen.set(value, (segment = partitionSegment(name, value)));
      return segment;
    };
  });
  const rowsByPath = new Map<string, number[]>();
  for (let row = 0; row < batch.numRows; row++) {
    const path = segments.length === 1 ? segments[0]!(row) : segments.map((segment) => segment(row)).join('/');
    let rows = rowsByPath.get(path);
    if (!rows) rowsByPath.set(path, (rows = []));
    rows.push(row);
  }
  const data = batch.selectAt(layout.dataIndices as number[]);
  const parts = new Map<string, RecordBatch>();
  // Data arrives clustered more often than not: a batch of one partition is passed on without copying.
  if (rowsByPath.size === 1) {
    for (const path of rowsByPath.keys()) parts.set(path, data);
    return parts;
  }
  const vectors = batchFromArrow(data, layout.dataColumns).columns;
  for (const [path, rows] of rowsByPath) {
    const indices = Int32Array.from(rows);
    parts.set(path, batchToArrow({ length: indices.length, columns: vectors.map((v) => take(v, indices)) }, layout.dataColumns, layout.dataSchema));
  }
  return parts;
}
