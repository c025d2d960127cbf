// Opens a Parquet table: one file or a (Hive-partitioned) directory of files with one schema, described from footers.
import { fail } from '../common/errors.js';
import { typeToString } from '../types/data-type.js';
import type { DataType, StructField } from '../types/data-type.js';
import { directoriesBetween, listDataFiles } from './data-files.js';
import type { DataFileListing } from './data-files.js';
import { inferPartitions, parsePartitionSegment } from './hive-partitions.js';
import type { PartitionSegment, PartitionValue } from './hive-partitions.js';
import { readParquetFooter } from './parquet-footer.js';
import { mapParquetSchema } from './parquet-schema.js';
import { fileStatistics } from './statistics.js';
import type { FileStatistics } from './statistics.js';

export interface ParquetFile {
  /** Absolute path. */
  readonly path: string;
  /** Aligned with the table's `partitionColumns`; empty for an unpartitioned table. */
  readonly partitionValues: readonly PartitionValue[];
  readonly statistics: FileStatistics;
}

/** A snapshot of a table's files, schema and statistics, taken when it was opened. */
export interface ParquetTable {
  /** The absolute path the table was opened from (a file or a directory). */
  readonly location: string;
  /** Sorted by path. */
  readonly files: readonly ParquetFile[];
  /** The columns stored in the files, in file order. */
  readonly dataColumns: readonly StructField[];
  /** Columns from `name=value` directories, outermost first; the table's columns are data then partition columns. */
  readonly partitionColumns: readonly StructField[];
  readonly rowCount: number;
  /** Total size of the files. */
  readonly sizeBytes: number;
}

/**
 * Opens the Parquet file or directory at `path` synchronously, reading only footers. Every file must have the
 * same columns and types (nullability may differ: a column is nullable if it is in any file); column names must be
 * unique ignoring case, across data and partition columns.
 * Throws SqlError: `CATALOG_FILE_NOT_FOUND`, `CATALOG_EMPTY_DIRECTORY`, `CATALOG_CORRUPT_FILE`,
 * `CATALOG_UNSUPPORTED_TYPE`, `CATALOG_SCHEMA_MISMATCH`, `CATALOG_INVALID_PARTITION`, `CATALOG_DUPLICATE_COLUMN`.
 *
 * @example
 * const t = openParquetTable('data/events'); // events/day=2024-01-01/part-0.parquet, …
 * t.partitionColumns; // [{ name: 'day', type: T.date, nullable: true }]
 * t.files[0]?.partitionValues; // [19723]
 */
export function openParquetTable(path: string): ParquetTable {
  const listing = listDataFiles(path);
  const described = listing.files.map((file) => {
    const footer = readParquetFooter(file);
    const schema = mapParquetSchema(footer.schema, file);
    return { file, columns: schema.columns, statistics: fileStatistics(footer, schema.leaves), segments: partitionSegments(listing, file) };
  });
  // listDataFiles returns at least one file.
  const first = described[0]!;
  for (const other of described.slice(1)) {
    const difference = schemaDifference(first, other);
    if (difference) fail('CATALOG_SCHEMA_MISMATCH', `the files of '${listing.location}' have different schemas: ${difference}`);
  }
  const dataColumns = described.reduce<readonly StructField[]>(
    (columns, other) => columns.map((column, i) => mergeNullability(column, other.columns[i]!)),
    first.columns,
  );

  const partitions = inferPartitions(described);
  checkUniqueNames(listing.location, dataColumns, partitions.columns);
  const files = described.map(({ file, statistics }, i): ParquetFile => ({ path: file, partitionValues: partitions.values[i]!, statistics }));
  return {
    location: listing.location,
    files,
    dataColumns,
    partitionColumns: partitions.columns,
    rowCount: files.reduce((n, f) => n + f.statistics.rowCount, 0),
    sizeBytes: files.reduce((n, f) => n + f.statistics.sizeBytes, 0),
  };
}

function partitionSegments(listing: DataFileListing, file: string): PartitionSegment[] {
  if (!listing.isDirectory) return [];
  const segments: PartitionSegment[] = [];
  // Directories without `=` (e.g. a bucket directory) carry no partition value and are passed through.
  for (const dir of directoriesBetween(listing.location, file)) {
    const segment = parsePartitionSegment(dir, file);
    if (segment) segments.push(segment);
  }
  return segments;
}

type FileColumns = { readonly file: string; readonly columns: readonly StructField[] };

/** Why `b`'s columns differ from `a`'s (names and types; nullability may differ), or undefined. */
function schemaDifference(a: FileColumns, b: FileColumns): string | undefined {
  for (let i = 0; i < Math.max(a.columns.length, b.columns.length); i++) {
    const [x, y] = [a.columns[i], b.columns[i]];
    if (!y) return `'${b.file}' has no column \`${x!.name}\`, which '${a.file}' has`;
    if (!x) return `'${b.file}' has a column \`${y.name}\` that '${a.file}' does not have`;
    if (x.name !== y.name) return `column ${i + 1} is \`${y.name}\` in '${b.file}' but \`${x.name}\` in '${a.file}'`;
    const [tx, ty] = [typeToString(x.type), typeToString(y.type)];
    if (tx !== ty) return `column \`${x.name}\` is ${ty} in '${b.file}' but ${tx} in '${a.file}'`;
  }
  return undefined;
}

/** `a` with every nullability flag set where `a` or `b` (the same type) allows nulls. */
function mergeNullability(a: StructField, b: StructField): StructField {
  return { name: a.name, type: mergeTypeNullability(a.type, b.type), nullable: a.nullable || b.nullable };
}

function mergeTypeNullability(a: DataType, b: DataType): DataType {
  if (a.kind === 'array' && b.kind === 'array') {
    return { ...a, element: mergeTypeNullability(a.element, b.element), containsNull: a.containsNull || b.containsNull };
  }
  if (a.kind === 'map' && b.kind === 'map') {
    return { ...a, key: mergeTypeNullability(a.key, b.key), value: mergeTypeNullability(a.value, b.value), valueContainsNull: a.valueContainsNull || b.valueContainsNull };
  }
  if (a.kind === 'struct' && b.kind === 'struct') {
    return { ...a, fields: a.fields.map((f, i) => mergeNullability(f, b.fields[i]!)) };
  }
  return a;
}

function checkUniqueNames(location: string, dataColumns: readonly StructField[], partitionColumns: readonly StructField[]): void {
  const seen = new Map<string, string>();
  for (const { name } of [...dataColumns, ...partitionColumns]) {
    const previous = seen.get(name.toLowerCase());
    if (previous !== undefined) {
      const where = partitionColumns.some((p) => p.name === name) ? ' (a partition directory name)' : '';
      fail('CATALOG_DUPLICATE_COLUMN', `'${location}' has two columns named \`${previous}\` and \`${name}\`${where}; column names must be unique ignoring case`);
    }
    seen.set(name.toLowerCase(), name);
  }
}
