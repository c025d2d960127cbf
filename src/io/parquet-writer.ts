// Writes Arrow record batches to one Parquet file, streaming row group by row group, atomically.
import { RecordBatch, Table, tableToIPC, type Schema } from 'apache-arrow';
import { join } from 'node:path';
import * as pw from 'parquet-wasm';
import { writeFileAtomic } from './atomic-write.js';

export type ParquetCompression = 'uncompressed' | 'snappy' | 'gzip' | 'brotli' | 'lz4_raw' | 'zstd';

export interface ParquetWriteOptions {
  /** Maximum rows per row group (default 1,048,576); batches are split or joined to fill groups exactly. */
  readonly rowGroupSize?: number;
  /** Page compression codec (default snappy). */
  readonly compression?: ParquetCompression;
  /** The schema to write when the source yields no batches; otherwise an empty source is an error. */
  readonly schema?: Schema;
}

export interface ParquetWriteResult {
  readonly path: string;
  readonly rows: number;
  readonly rowGroups: number;
  readonly bytes: number;
}

/** A whole table, or batches produced lazily so that memory holds about one batch and one row group. */
export type BatchSource = Table | Iterable<RecordBatch> | AsyncIterable<RecordBatch>;

export const DEFAULT_ROW_GROUP_SIZE = 1 << 20;

const CODECS: Record<ParquetCompression, pw.Compression> = {
  uncompressed: pw.Compression.UNCOMPRESSED,
  snappy: pw.Compression.SNAPPY,
  gzip: pw.Compression.GZIP,
  brotli: pw.Compression.BROTLI,
  lz4_raw: pw.Compression.LZ4_RAW,
  zstd: pw.Compression.ZSTD,
};

/**
 * Writes `source` to the Parquet file `path` with per-row-group min/max statistics (parquet-wasm's
 * default). The file appears only when complete: on any error, including one thrown by the source,
 * an existing file at `path` is left intact and no temporary file remains.
 *
 * Batches go through parquet-wasm's streaming writer (`transformParquetStream`), which encodes one row
 * group at a time, so a table far larger than memory can be written from a generator of batches.
 *
 * @example
 * await writeParquetFile('out/t.parquet', tableFromArrays({ a: Int32Array.of(1, 2) }), { rowGroupSize: 1000 });
 */
export async function writeParquetFile(
  path: string,
  source: BatchSource,
  options: ParquetWriteOptions = {},
): Promise<ParquetWriteResult> {
  const rowGroupSize = options.rowGroupSize ?? DEFAULT_ROW_GROUP_SIZE;
  if (!Number.isInteger(rowGroupSize) || rowGroupSize < 1) {
    throw new RangeError(`rowGroupSize must be a positive integer, got ${rowGroupSize}`);
  }
  const batches = batchIterator(source);
  const first = await batches.next();
  const schema = first.done ? (source instanceof Table ? source.schema : options.schema) : first.value.schema;
  if (schema === undefined) throw new Error(`cannot write ${path}: the source has no batches and no schema was given`);

  return writeFileAtomic(path, async (file) => {
    // The writer properties object is consumed by the wasm call that receives it: build one per call.
    const properties = () =>
      new pw.WriterPropertiesBuilder()
        .setMaxRowGroupSize(rowGroupSize)
        .setCompression(CODECS[options.compression ?? 'snappy'])
        .build();

    if (first.done) {
      // The streaming writer needs a first batch to learn the schema; an empty file is written in one go.
      const bytes = pw.writeParquet(pw.Table.fromIPCStream(tableToIPC(new Table(schema), 'stream')), properties());
      await file.write(bytes);
      return { path, rows: 0, rowGroups: 0, bytes: bytes.byteLength };
    }

    let rows = 0;
    let pending: RecordBatch | undefined = first.value;
    // When its input stream errors, parquet-wasm 0.8 just ends its output, as a valid but shorter file;
    // so the source's failure is kept here and rethrown after the output is drained.
    let sourceError: { error: unknown } | undefined;
    const input = new ReadableStream<pw.RecordBatch>(
      {
        async pull(controller) {
          try {
            let batch = pending;
            pending = undefined;
            if (batch === undefined) {
              const next = await batches.next();
              if (next.done) return controller.close();
              batch = next.value;
            }
            assertSameSchema(schema, batch.schema, path);
            rows += batch.numRows;
            enqueueAsWasm(batch, controller);
          } catch (error) {
            sourceError = { error };
            controller.error(error);
          }
        },
        async cancel() {
          await batches.return?.();
        },
      },
      // Pull one batch at a time: the writer asks for the next only when it has taken the previous one.
      { highWaterMark: 0 },
    );

    let bytes = 0;
    let outputError: { error: unknown } | undefined;
    try {
      const output = await pw.transformParquetStream(input, properties());
      for await (const chunk of output as ReadableStream<Uint8Array>) {
        await file.write(chunk);
        bytes += chunk.byteLength;
      }
    } catch (error) {
      outputError = { error };
      await batches.return?.(); // let a generator source release what it holds
    }
    if (sourceError !== undefined) throw sourceError.error;
    if (outputError !== undefined) throw outputError.error;
    // The writer closes a row group exactly at rowGroupSize rows, splitting batches as needed.
    return { path, rows, rowGroups: Math.ceil(rows / rowGroupSize), bytes };
  });
}

function batchIterator(source: BatchSource): AsyncIterator<RecordBatch> {
  if (source instanceof Table) return toAsync(source.batches[Symbol.iterator]());
  if (Symbol.asyncIterator in source) return source[Symbol.asyncIterator]();
  return toAsync(source[Symbol.iterator]());
}

function toAsync<T>(iterator: Iterator<T>): AsyncIterator<T> {
  return {
    next: async () => iterator.next(),
    return: async (value?: unknown) => iterator.return?.(value) ?? { done: true, value: undefined },
  };
}

// Arrow JS and wasm do not share memory: a batch crosses as an IPC stream and is re-read on the wasm
// side. The wasm table is freed at once; the batches taken from it are consumed by the writer.
function enqueueAsWasm(batch: RecordBatch, controller: ReadableStreamDefaultController<pw.RecordBatch>): void {
  const wasmTable = pw.Table.fromIPCStream(tableToIPC(new Table([batch]), 'stream'));
  try {
    for (const wasmBatch of wasmTable.recordBatches()) controller.enqueue(wasmBatch);
  } finally {
    wasmTable.free();
  }
}

function assertSameSchema(expected: Schema, actual: Schema, path: string): void {
  const same =
    expected.fields.length === actual.fields.length &&
    expected.fields.every((field, i) => {
      const other = actual.fields[i];
      return other !== undefined && field.name === other.name && String(field.type) === String(other.type);
    });
  if (!same) {
    throw new Error(`cannot write ${path}: batch schema ${describe(actual)} differs from the first batch's ${describe(expected)}`);
  }
}

function describe(schema: Schema): string {
  return `{${schema.fields.map((f) => `${f.name}: ${String(f.type)}`).join(', ')}}`;
}

export interface ParquetPartsOptions extends ParquetWriteOptions {
  /** Rows per file (default: unlimited, one file); files after the first start where the previous one ended. */
  readonly rowsPerFile?: number;
}

/** The name of the `index`-th part file, as Spark names them. */
export function partFileName(index: number): string {
  return `part-${String(index).padStart(5, '0')}.parquet`;
}

/**
 * Writes `source` as part files `part-00000.parquet`, `part-00001.parquet`, … of at most `rowsPerFile`
 * rows each into `dir`, each file atomically; batches are sliced where a file fills up. An empty source
 * with a known schema gives one empty file, so the directory still carries the table's schema.
 * To replace a whole directory atomically, call this inside `replaceDirectoryAtomic`.
 */
export async function writeParquetParts(
  dir: string,
  source: BatchSource,
  options: ParquetPartsOptions = {},
): Promise<ParquetWriteResult[]> {
  const rowsPerFile = options.rowsPerFile ?? Number.POSITIVE_INFINITY;
  if (!(rowsPerFile === Number.POSITIVE_INFINITY || (Number.isInteger(rowsPerFile) && rowsPerFile >= 1))) {
    throw new RangeError(`rowsPerFile must be a positive integer, got ${rowsPerFile}`);
  }
  const batches = batchIterator(source);
  let carry: RecordBatch | undefined;
  const next = async (): Promise<RecordBatch | undefined> => {
    if (carry !== undefined) {
      const batch = carry;
      carry = undefined;
      return batch;
    }
    const result = await batches.next();
    return result.done ? undefined : result.value;
  };
  async function* fileBatches(): AsyncGenerator<RecordBatch> {
    let room = rowsPerFile;
    while (room > 0) {
      const batch = await next();
      if (batch === undefined) return;
      if (batch.numRows <= room) {
        room -= batch.numRows;
        yield batch;
      } else {
        carry = batch.slice(room);
        yield batch.slice(0, room);
        room = 0;
      }
    }
  }

  const schema = source instanceof Table ? source.schema : options.schema;
  const results: ParquetWriteResult[] = [];
  try {
    for (;;) {
      const first = await next();
      if (first === undefined) break;
      carry = first;
      results.push(await writeParquetFile(join(dir, partFileName(results.length)), fileBatches(), options));
    }
  } catch (error) {
    await batches.return?.();
    throw error;
  }
  if (results.length === 0) {
    results.push(await writeParquetFile(join(dir, partFileName(0)), [], { ...options, schema }));
  }
  return results;
}
