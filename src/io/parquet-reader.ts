// Reads Parquet files for the executor: one row group at a time, only the requested columns, as Arrow record batches.
//
// Each row group read copies the chosen column chunks into a small self-contained Parquet file (parquet-slice.ts)
// and decodes that with parquet-wasm's sync reader (wasm-decode.ts). parquet-wasm's async reader would select
// columns itself, but it panics, killing the process, on the first corrupt page; the sync reader reports an error.
import { open } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { RecordBatch, Schema, Struct, Table, makeData } from 'apache-arrow';
import { readParquetFooter } from '../catalog/parquet-footer.js';
import { SqlError, fail } from '../common/errors.js';
import { ARROW_SCHEMA_KEY, pruneArrowSchemaHint } from './arrow-schema-hint.js';
import { hasDictionary, withSchema } from './batch-schema.js';
import { footerMetadataValue, parseFooterLayout, planSchemaSlice, planSlice } from './parquet-slice.js';
import type { ParquetLayout, ParquetSlice } from './parquet-slice.js';
import type { ScanMetrics } from './scan-metrics.js';
import { ArrowConversionError, decodeParquet, decodeParquetSchema } from './wasm-decode.js';
import { isWasmTrap } from './wasm.js';

/** Rows per batch unless the caller asks otherwise. */
export const DEFAULT_BATCH_SIZE = 65_536;

export interface ReadOptions {
  /** Top-level column names (a nested column comes whole), in the order the batches should have them; default all. */
  readonly columns?: readonly string[];
  /** The most rows in one batch (default {@link DEFAULT_BATCH_SIZE}); a row group gives one batch or more. */
  readonly batchSize?: number;
  /** Counters to add this read's figures to. */
  readonly metrics?: ScanMetrics;
}

export interface ScanOptions extends ReadOptions {
  /** The row groups left after pruning, read in this order; default all. The file's others count as skipped. */
  readonly rowGroups?: readonly number[];
}

/**
 * An open Parquet file: its footer, parsed once. It holds no file descriptor: each read opens the file, and a scan
 * keeps it open until it ends, fails or is returned (`break` in a `for await` does that).
 */
export interface ParquetReader {
  /** Absolute path. */
  readonly path: string;
  /** Top-level column names, in file order. */
  readonly columnNames: readonly string[];
  readonly rowCount: number;
  /** Rows in each row group. */
  readonly rowGroupRowCounts: readonly number[];
  /** The Arrow schema of the batches a read of `columns` gives (default all), without reading data. */
  schema(columns?: readonly string[]): Schema;
  /** All of row group `index`, as batches of at most `batchSize` rows. Metrics: row-group figures only. */
  readRowGroup(index: number, options?: ReadOptions): Promise<RecordBatch[]>;
  /**
   * Row groups one at a time, in the order given: each is decoded when the previous one's batches have been taken,
   * while the next one's bytes are read ahead. Metrics: also the file read and the row groups skipped.
   */
  scan(options?: ScanOptions): AsyncGenerator<RecordBatch, void, undefined>;
}

/** What a column selection resolves to: the file columns to decode and how to order them for the caller. */
interface Projection {
  /** Indices into the layout's columns, ascending and distinct (the order the decoder produces them in). */
  readonly fileColumns: readonly number[];
  /** For each requested column, its position among `fileColumns`. */
  readonly order: number[];
  readonly keyValueMetadata: ReadonlyMap<string, string>;
  /** The Arrow schema of this selection, decoded when first needed. */
  schema: Schema | undefined;
}

interface FileVersion {
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
}

/**
 * Opens the Parquet file at `path`, reading only its footer (through the catalog's footer cache).
 * Throws SqlError: `CATALOG_FILE_NOT_FOUND`, `CATALOG_CORRUPT_FILE` (not Parquet, truncated, bad footer),
 * `CATALOG_UNSUPPORTED_FILE` (encrypted), `IO_CORRUPT_FILE`, `IO_FILE_CHANGED`, `IO_READ_ERROR`.
 *
 * @example
 * const reader = openParquetReader('data/lineitem.parquet');
 * for await (const batch of reader.scan({ columns: ['l_shipdate', 'l_discount'], rowGroups: [0, 7] })) use(batch);
 */
export function openParquetReader(path: string): ParquetReader {
  const footer = readParquetFooter(path);
  const file: FileVersion = { path: footer.path, size: footer.size, mtimeMs: footer.mtimeMs };
  const layout = readLayout(file, footer.metadata.metadata_length);
  const columnNames = layout.columns.map((c) => c.name);
  const rowGroupRowCounts = layout.rowGroups.map((g) => g.rowCount);
  const arrowSchema = footerMetadataValue(layout, ARROW_SCHEMA_KEY);
  const projections = new Map<string, Projection>();

  const project = (columns: readonly string[] | undefined): Projection => {
    const names = columns ?? columnNames;
    const key = names.join('\u0000');
    let projection = projections.get(key);
    if (!projection) {
      projection = resolveProjection(file.path, columnNames, names, arrowSchema);
      projections.set(key, projection);
    }
    return projection;
  };

  const schemaOf = (projection: Projection): Schema => {
    if (projection.fileColumns.length === 0) return new Schema([]);
    projection.schema ??= decodeParquetSchema(planSchemaSlice(layout, projection.fileColumns, projection.keyValueMetadata)).selectAt(
      projection.order,
    );
    return projection.schema;
  };

  /** Reads the bytes row group `index` needs into a slice (nothing for a read of no columns). */
  const fetch = async (handle: FileHandle, index: number, projection: Projection): Promise<ParquetSlice | undefined> => {
    if (projection.fileColumns.length === 0) return undefined;
    const slice = planSlice(layout, index, projection.fileColumns, projection.keyValueMetadata);
    checkChunkBounds(file, layout, index, slice, footer.metadata.metadata_length);
    await readChunks(handle, file, slice);
    return slice;
  };

  const decode = (index: number, slice: ParquetSlice | undefined, projection: Projection, batchSize: number, metrics: ScanMetrics | undefined): RecordBatch[] => {
    const rowCount = rowGroupRowCounts[index]!;
    const start = performance.now();
    let batches = slice ? decodeRowGroup(file.path, layout, index, slice, projection, batchSize, project) : columnlessBatches(rowCount, batchSize);
    // See batch-schema.ts: dictionary columns need the schema the decoder reports, not the one arrow-js-ffi builds.
    if (batches[0] && hasDictionary(batches[0].schema)) {
      const schema = schemaOf(projection);
      batches = batches.map((b) => withSchema(b, schema));
    }
    if (metrics) {
      metrics.decodeTimeMs += performance.now() - start;
      metrics.bytesRead += slice ? slice.chunks.reduce((n, c) => n + c.length, 0) : 0;
      metrics.rowGroupsRead++;
      metrics.rows += rowCount;
      metrics.batches += batches.length;
    }
    return batches;
  };

  /** Waits for `fetching`, counting the wait as I/O time: with prefetching, only what decoding did not hide. */
  const arrival = async <T>(fetching: Promise<T>, metrics: ScanMetrics | undefined): Promise<T> => {
    const start = performance.now();
    const value = await fetching;
    if (metrics) metrics.ioTimeMs += performance.now() - start;
    return value;
  };

  return {
    path: file.path,
    columnNames,
    rowCount: rowGroupRowCounts.reduce((a, b) => a + b, 0),
    rowGroupRowCounts,
    schema(columns) {
      return schemaOf(project(columns));
    },
    async readRowGroup(index, options = {}) {
      checkRowGroups(file.path, layout, [index]);
      const projection = project(options.columns);
      const batchSize = checkBatchSize(options.batchSize);
      const handle = await openData(file);
      try {
        const slice = await arrival(fetch(handle, index, projection), options.metrics);
        return decode(index, slice, projection, batchSize, options.metrics);
      } finally {
        await handle.close();
      }
    },
    async *scan(options = {}) {
      const rowGroups = options.rowGroups ?? layout.rowGroups.map((_, i) => i);
      const { metrics } = options;
      // Check the whole request before anything is counted or read.
      checkRowGroups(file.path, layout, rowGroups);
      const projection = project(options.columns);
      const batchSize = checkBatchSize(options.batchSize);
      if (metrics) {
        metrics.rowGroupsSkipped += layout.rowGroups.length - new Set(rowGroups).size;
        if (rowGroups.length > 0) metrics.filesRead++;
      }
      if (rowGroups.length === 0) return;
      const handle = await openData(file);
      // The next row group's bytes are read while this one decodes and its batches are consumed.
      let next: Promise<ParquetSlice | undefined> | undefined;
      const prefetch = (i: number) => {
        next = i < rowGroups.length ? fetch(handle, rowGroups[i]!, projection) : undefined;
        // Marks the rejection handled: a consumer that abandons the scan must not leave an unhandled rejection behind.
        next?.catch(() => undefined);
      };
      try {
        prefetch(0);
        for (let i = 0; next; i++) {
          const slice = await arrival(next, metrics);
          prefetch(i + 1);
          yield* decode(rowGroups[i]!, slice, projection, batchSize, metrics);
        }
      } finally {
        // Close only after an in-flight read settles; its error, if any, no longer matters.
        await next?.catch(() => undefined);
        await handle.close();
      }
    },
  };
}

/**
 * Reads a whole (small) Parquet file, or the part `options` selects, into one Arrow table: for tests and tools.
 *
 * @example
 * const table = await readParquetTable('t.parquet', { columns: ['id', 'name'] });
 * table.numRows; // 3
 */
export async function readParquetTable(path: string, options: ScanOptions = {}): Promise<Table> {
  const reader = openParquetReader(path);
  const batches: RecordBatch[] = [];
  for await (const batch of reader.scan(options)) batches.push(batch);
  return batches.length > 0 ? new Table(batches) : new Table(reader.schema(options.columns));
}

function resolveProjection(file: string, columnNames: readonly string[], names: readonly string[], arrowSchema: string | undefined): Projection {
  const indices = names.map((name) => {
    const i = columnNames.indexOf(name);
    if (i < 0) fail('IO_COLUMN_NOT_FOUND', `'${file}' has no column \`${name}\`; its columns are ${listNames(columnNames)}`);
    return i;
  });
  const fileColumns = [...new Set(indices)].sort((a, b) => a - b);
  const order = indices.map((i) => fileColumns.indexOf(i));
  const hint = arrowSchema === undefined ? undefined : pruneArrowSchemaHint(arrowSchema, fileColumns);
  return { fileColumns, order, keyValueMetadata: new Map(hint === undefined ? [] : [[ARROW_SCHEMA_KEY, hint]]), schema: undefined };
}

/** Reads the footer bytes again (the catalog keeps only the decoded form) and checks they belong to the same file version. */
function readLayout(file: FileVersion, footerLength: number): ParquetLayout {
  let fd: number;
  try {
    fd = openSync(file.path, 'r');
  } catch (e) {
    return ioFailure(file, e);
  }
  try {
    const bytes = new Uint8Array(footerLength);
    const start = file.size - 8 - footerLength;
    let done = 0;
    while (done < footerLength) {
      const n = readSync(fd, bytes, done, footerLength - done, start + done);
      if (n === 0) break;
      done += n;
    }
    const stat = fstatSync(fd);
    if (done < footerLength || stat.size !== file.size || stat.mtimeMs !== file.mtimeMs) changed(file);
    try {
      return parseFooterLayout(bytes);
    } catch (e) {
      return fail('IO_CORRUPT_FILE', `'${file.path}': cannot read the footer: ${(e as Error).message}`);
    }
  } catch (e) {
    return ioFailure(file, e);
  } finally {
    closeSync(fd);
  }
}

async function openData(file: FileVersion): Promise<FileHandle> {
  let handle: FileHandle;
  try {
    handle = await open(file.path, 'r');
  } catch (e) {
    return ioFailure(file, e);
  }
  try {
    const stat = await handle.stat();
    if (stat.size !== file.size || stat.mtimeMs !== file.mtimeMs) changed(file);
    return handle;
  } catch (e) {
    await handle.close();
    return ioFailure(file, e);
  }
}

/** Fills the slice's chunk regions from the file, one read per run of chunks that are adjacent in the file. */
async function readChunks(handle: FileHandle, file: FileVersion, slice: ParquetSlice): Promise<void> {
  const runs: { position: number; offset: number; length: number }[] = [];
  for (const chunk of slice.chunks) {
    const last = runs[runs.length - 1];
    if (last && last.position + last.length === chunk.start && last.offset + last.length === chunk.sliceOffset) {
      last.length += chunk.length;
    } else {
      runs.push({ position: chunk.start, offset: chunk.sliceOffset, length: chunk.length });
    }
  }
  try {
    await Promise.all(
      runs.map(async ({ position, offset, length }) => {
        let done = 0;
        while (done < length) {
          const { bytesRead } = await handle.read(slice.bytes, offset + done, length - done, position + done);
          if (bytesRead === 0) changed(file);
          done += bytesRead;
        }
      }),
    );
  } catch (e) {
    return ioFailure(file, e);
  }
}

/** A chunk outside the file's data area would make the decoder read the footer or past the end as pages. */
function checkChunkBounds(file: FileVersion, layout: ParquetLayout, rowGroup: number, slice: ParquetSlice, footerLength: number): void {
  const dataEnd = file.size - 8 - footerLength;
  for (const chunk of slice.chunks) {
    if (chunk.start < 4 || chunk.start + chunk.length > dataEnd) {
      fail(
        'IO_CORRUPT_FILE',
        `'${file.path}': row group ${rowGroup}, column \`${leafColumn(layout, chunk.leaf)}\`: the footer places its data at bytes ` +
          `${chunk.start}..${chunk.start + chunk.length}, outside the file's data (bytes 4..${dataEnd})`,
      );
    }
  }
}

/** Decodes a filled slice; on failure, finds which column is bad (only then: one decode per column) and names it. */
function decodeRowGroup(
  file: string,
  layout: ParquetLayout,
  rowGroup: number,
  slice: ParquetSlice,
  projection: Projection,
  batchSize: number,
  project: (columns: readonly string[]) => Projection,
): RecordBatch[] {
  try {
    const batches = decodeParquet(slice.bytes, batchSize);
    return isIdentity(projection) ? batches : batches.map((b) => b.selectAt(projection.order));
  } catch (e) {
    const culprit = projection.fileColumns.length === 1 ? layout.columns[projection.fileColumns[0]!]!.name : findFailingColumn(layout, rowGroup, slice, projection, project);
    return decodeFailure(file, rowGroup, culprit, e);
  }
}

function findFailingColumn(
  layout: ParquetLayout,
  rowGroup: number,
  slice: ParquetSlice,
  projection: Projection,
  project: (columns: readonly string[]) => Projection,
): string | undefined {
  for (const index of projection.fileColumns) {
    const name = layout.columns[index]!.name;
    const single = project([name]);
    const alone = planSlice(layout, rowGroup, single.fileColumns, single.keyValueMetadata);
    for (const chunk of alone.chunks) {
      const source = slice.chunks.find((c) => c.leaf === chunk.leaf)!;
      alone.bytes.set(slice.bytes.subarray(source.sliceOffset, source.sliceOffset + source.length), chunk.sliceOffset);
    }
    try {
      decodeParquet(alone.bytes, DEFAULT_BATCH_SIZE);
    } catch {
      return name;
    }
  }
  return undefined;
}

function decodeFailure(file: string, rowGroup: number, column: string | undefined, e: unknown): never {
  const where = `'${file}': row group ${rowGroup}${column === undefined ? '' : `, column \`${column}\``}`;
  if (isWasmTrap(e)) {
    fail('IO_DECODER_CRASHED', `${where}: the Parquet decoder aborted (wasm trap: ${e.message}); the file is probably corrupt, or the row group too large to decode in 4 GiB`);
  }
  if (e instanceof ArrowConversionError) fail('IO_UNSUPPORTED_TYPE', `${where}: ${e.message}`);
  // parquet-wasm prefixes every decoding error with this, though none is about an argument.
  const reason = (e instanceof Error ? e.message : String(e)).replace(/^Parquet argument error: /, '');
  return fail('IO_CORRUPT_FILE', `${where}: cannot decode: ${reason}`);
}

/** Batches with no columns, only a row count: what a scan for `count(*)` needs, without touching the data. */
function columnlessBatches(rowCount: number, batchSize: number): RecordBatch[] {
  const schema = new Schema([]);
  const batches: RecordBatch[] = [];
  for (let offset = 0; offset < rowCount; offset += batchSize) {
    const length = Math.min(batchSize, rowCount - offset);
    batches.push(new RecordBatch(schema, makeData({ type: new Struct([]), length, children: [] })));
  }
  return batches;
}

function isIdentity(projection: Projection): boolean {
  return projection.order.length === projection.fileColumns.length && projection.order.every((p, i) => p === i);
}

function checkRowGroups(file: string, layout: ParquetLayout, rowGroups: readonly number[]): void {
  for (const index of rowGroups) {
    if (!Number.isInteger(index) || index < 0 || index >= layout.rowGroups.length) {
      fail('IO_ROW_GROUP_NOT_FOUND', `'${file}' has no row group ${index}; it has ${layout.rowGroups.length} (0..${layout.rowGroups.length - 1})`);
    }
  }
}

function checkBatchSize(batchSize: number | undefined): number {
  const size = batchSize ?? DEFAULT_BATCH_SIZE;
  // parquet-wasm silently returns no rows at all for a batch size of 0.
  if (!Number.isInteger(size) || size < 1) throw new RangeError(`batchSize must be a positive integer, got ${batchSize}`);
  return size;
}

function leafColumn(layout: ParquetLayout, leaf: number): string {
  return layout.columns.find((c) => leaf >= c.firstLeaf && leaf < c.firstLeaf + c.leafCount)?.name ?? `#${leaf}`;
}

function listNames(names: readonly string[]): string {
  const shown = names.slice(0, 20).map((n) => `\`${n}\``);
  return names.length > shown.length ? `${shown.join(', ')}, … (${names.length} in all)` : shown.join(', ');
}

function changed(file: FileVersion): never {
  return fail('IO_FILE_CHANGED', `'${file.path}' changed since it was opened (its size or modification time differs); open it again`);
}

function ioFailure(file: FileVersion, e: unknown): never {
  if (e instanceof SqlError) throw e;
  const code = (e as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') fail('IO_FILE_NOT_FOUND', `Parquet file '${file.path}' no longer exists`);
  return fail('IO_READ_ERROR', `cannot read '${file.path}': ${(e as Error).message}`);
}
