// Reads a Parquet file's footer synchronously (only the file's tail) with hyparquet, validated and cached per file version.
import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parquetMetadata, parquetSchema } from 'hyparquet';
import type { FileMetaData, ParquetParsers, SchemaTree } from 'hyparquet';
import { fail } from '../common/errors.js';

/** A file's decoded footer and the file version it came from. */
export interface ParquetFooter {
  /** Absolute path. */
  readonly path: string;
  readonly size: number;
  readonly mtimeMs: number;
  /**
   * hyparquet's decoded footer. Column-chunk statistics are left close to raw (see {@link RAW_STATISTICS}):
   * dates are days, timestamps are microseconds (bigint), byte arrays are bytes; `statistics.ts` converts them.
   */
  readonly metadata: FileMetaData;
  /** The schema as a tree: the root (the message) and its children, the table's top-level columns. */
  readonly schema: SchemaTree;
}

// "PAR1", read little-endian.
const MAGIC = 0x31524150;
// "PARE": the footer is encrypted (Parquet modular encryption).
const MAGIC_ENCRYPTED = 0x45524150;
// Leading magic + footer length + trailing magic.
const MIN_FILE_SIZE = 12;
/** Raw footer bytes kept in the cache before the least recently used entries are dropped. */
const CACHE_BUDGET_BYTES = 64 * 1024 * 1024;

/**
 * hyparquet's default parsers turn statistics into lossy JS values (Dates with millisecond precision, every
 * BYTE_ARRAY decoded as UTF-8 even for binary and decimal columns). These keep what the statistics code needs exact.
 * Inside `parquetMetadata` the parsers are used only for statistics.
 */
const RAW_STATISTICS: Partial<ParquetParsers> = {
  dateFromDays: (days: number) => days,
  timestampFromMilliseconds: (millis: bigint) => millis * 1000n,
  timestampFromMicroseconds: (micros: bigint) => micros,
  // Floor, so a bound stays a bound after the value domain loses the nanoseconds.
  timestampFromNanoseconds: (nanos: bigint) => (nanos >= 0n ? nanos / 1000n : -((-nanos + 999n) / 1000n)),
  stringFromBytes: (bytes: Uint8Array) => bytes,
};

interface CacheEntry {
  readonly footer: ParquetFooter;
  readonly footerBytes: number;
}

const cache = new Map<string, CacheEntry>();
let cachedBytes = 0;

/**
 * Reads and validates the footer of the Parquet file at `path` (relative paths resolve against the cwd), reading
 * only the file's first 4 and last 8 + footer-length bytes. Cached per (absolute path, size, mtime).
 * Throws SqlError naming the file: `CATALOG_FILE_NOT_FOUND`, `CATALOG_CORRUPT_FILE` (saying what is wrong),
 * `CATALOG_UNSUPPORTED_FILE` (an encrypted footer) or `CATALOG_IO_ERROR`.
 *
 * @example
 * const { metadata } = readParquetFooter('data/lineitem.parquet');
 * metadata.row_groups.length; // 49
 */
export function readParquetFooter(path: string): ParquetFooter {
  const absolute = resolve(path);
  const stat = withIoErrors(absolute, () => statSync(absolute));
  // Checked before opening: opening a FIFO would block until something writes to it.
  if (!stat.isFile()) {
    fail('CATALOG_CORRUPT_FILE', `'${absolute}' is ${stat.isDirectory() ? 'a directory' : 'not a regular file'}, not a Parquet file`);
  }
  const cached = cache.get(absolute);
  if (cached && cached.footer.size === stat.size && cached.footer.mtimeMs === stat.mtimeMs) {
    // Re-insert: Map order is the recency order for eviction.
    cache.delete(absolute);
    cache.set(absolute, cached);
    return cached.footer;
  }
  const fd = withIoErrors(absolute, () => openSync(absolute, 'r'));
  try {
    const footer = decodeFooter(fd, absolute, stat.size, stat.mtimeMs);
    remember(absolute, { footer, footerBytes: footer.metadata.metadata_length });
    return footer;
  } finally {
    closeSync(fd);
  }
}

/** Forgets every cached footer (tests, or after files were rewritten in place within the mtime resolution). */
export function clearFooterCache(): void {
  cache.clear();
  cachedBytes = 0;
}

function withIoErrors<R>(absolute: string, io: () => R): R {
  try {
    return io();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') fail('CATALOG_FILE_NOT_FOUND', `Parquet file not found: '${absolute}'`);
    return fail('CATALOG_IO_ERROR', `cannot read '${absolute}': ${(e as Error).message}`);
  }
}

function decodeFooter(fd: number, file: string, size: number, mtimeMs: number): ParquetFooter {
  const corrupt = (what: string): never => fail('CATALOG_CORRUPT_FILE', `'${file}' is not a valid Parquet file: ${what}`);
  if (size < MIN_FILE_SIZE) corrupt(`it is ${size} bytes long, shorter than the ${MIN_FILE_SIZE} bytes of an empty Parquet file`);

  const head = readAt(fd, file, 0, 4);
  const tail = readAt(fd, file, size - 8, 8);
  const tailView = new DataView(tail.buffer, tail.byteOffset, 8);
  const trailingMagic = tailView.getUint32(4, true);
  if (trailingMagic === MAGIC_ENCRYPTED) {
    fail('CATALOG_UNSUPPORTED_FILE', `'${file}' has an encrypted footer; encrypted Parquet files are not supported`);
  }
  if (trailingMagic !== MAGIC) corrupt(`bad magic at the end of the file (${hex(tail.subarray(4))}, expected "PAR1"); is the file truncated?`);
  if (new DataView(head.buffer, head.byteOffset, 4).getUint32(0, true) !== MAGIC) {
    corrupt(`bad magic at the start of the file (${hex(head)}, expected "PAR1")`);
  }
  const footerLength = tailView.getUint32(0, true);
  if (footerLength > size - MIN_FILE_SIZE) corrupt(`the footer length ${footerLength} exceeds the file size ${size}`);

  // The footer, its length and the magic: the layout `parquetMetadata` expects at the end of its buffer.
  const footerBytes = readAt(fd, file, size - 8 - footerLength, footerLength + 8);
  let metadata: FileMetaData;
  let schema: SchemaTree;
  try {
    metadata = parquetMetadata(footerBytes, { parsers: RAW_STATISTICS, geoparquet: false });
    schema = parquetSchema(metadata);
  } catch (e) {
    // hyparquet reports a garbled footer as whatever its Thrift decoder trips over (RangeError, TypeError, Error).
    return corrupt(`cannot decode the footer (Thrift): ${(e as Error).message}`);
  }
  const problem = structuralProblem(metadata, schema);
  if (problem) corrupt(problem);
  return { path: file, size, mtimeMs, metadata, schema };
}

/** What hyparquet does not check but the rest of sqlopt relies on, so later code can index without guarding. */
function structuralProblem(metadata: FileMetaData, schema: SchemaTree): string | undefined {
  if (!Array.isArray(metadata.schema) || metadata.schema.length === 0) return 'the footer has no schema';
  if (schema.count !== metadata.schema.length) {
    return `the schema tree covers ${schema.count} of its ${metadata.schema.length} elements`;
  }
  if (typeof metadata.num_rows !== 'bigint' || metadata.num_rows < 0n) return 'the footer has no valid row count';
  const leaves: (readonly string[])[] = [];
  const problem = schemaProblem(schema, leaves, true);
  if (problem) return problem;
  for (const [i, rowGroup] of metadata.row_groups.entries()) {
    if (typeof rowGroup.num_rows !== 'bigint' || rowGroup.num_rows < 0n) return `row group ${i} has no valid row count`;
    if (rowGroup.columns.length !== leaves.length) {
      return `row group ${i} has ${rowGroup.columns.length} column chunks for ${leaves.length} leaf columns`;
    }
    for (const [j, chunk] of rowGroup.columns.entries()) {
      // Statistics are matched to leaves by position; a chunk for another leaf would give a column the wrong bounds.
      const path = chunk.meta_data?.path_in_schema ?? [];
      const leaf = leaves[j]!;
      if (path.length !== leaf.length || path.some((part, k) => part !== leaf[k])) {
        return `row group ${i} has column chunk ${j} for \`${path.join('.')}\` where the schema has \`${leaf.join('.')}\``;
      }
    }
  }
  return undefined;
}

/** Checks names and physical types in the tree, collecting leaf paths in column-chunk order. */
function schemaProblem(node: SchemaTree, leaves: (readonly string[])[], isRoot: boolean): string | undefined {
  const { name, type } = node.element;
  if (typeof name !== 'string') return 'a schema element has no name';
  if (isRoot) {
    if (type !== undefined) return 'the schema root is not a group';
  } else if (node.children.length === 0) {
    if (type === undefined) return `the schema leaf \`${node.path.join('.')}\` has no valid physical type`;
    leaves.push(node.path);
  } else if (type !== undefined) {
    return `the schema group \`${node.path.join('.')}\` has a physical type`;
  }
  for (const child of node.children) {
    const problem = schemaProblem(child, leaves, false);
    if (problem) return problem;
  }
  return undefined;
}

function readAt(fd: number, file: string, position: number, length: number): Uint8Array {
  const buffer = new Uint8Array(length);
  let done = 0;
  // readSync may return fewer bytes than asked; a zero-length read means the file shrank under us.
  while (done < length) {
    const n = readSync(fd, buffer, done, length - done, position + done);
    if (n === 0) fail('CATALOG_CORRUPT_FILE', `'${file}' changed size while its footer was being read`);
    done += n;
  }
  return buffer;
}

function hex(bytes: Uint8Array): string {
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join(' ');
}

function remember(path: string, entry: CacheEntry): void {
  const previous = cache.get(path);
  if (previous) {
    cache.delete(path);
    cachedBytes -= previous.footerBytes;
  }
  cache.set(path, entry);
  cachedBytes += entry.footerBytes;
  for (const [key, old] of cache) {
    if (cachedBytes <= CACHE_BUDGET_BYTES || key === path) break;
    cache.delete(key);
    cachedBytes -= old.footerBytes;
  }
}
