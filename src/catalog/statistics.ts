// Per-file, per-row-group and per-column-chunk statistics from a Parquet footer, with min/max in the SQL type's domain.
import type { Statistics } from 'hyparquet';
import type { DataType } from '../types/data-type.js';
import type { ParquetFooter } from './parquet-footer.js';
import type { LeafColumn } from './parquet-schema.js';

/** What hyparquet puts in a statistics' min/max (its `MinMaxType`, which it does not export). */
type RawBound = NonNullable<Statistics['min_value']>;

/**
 * A min or max in the domain of the column's SQL type:
 * - boolean → boolean; tinyint, smallint, int → number; bigint → bigint; float, double → number (never NaN);
 * - decimal → number: the nearest double to the exact value (see {@link decimalToNumber}); present only when the
 *   exact value was recoverable from the footer;
 * - date → days since 1970-01-01 (number); timestamp, timestamp_ntz → microseconds since the epoch (bigint);
 * - string → string (order bounds by code point, as Parquet and Spark do, not by UTF-16 unit);
 * - binary → Uint8Array (a view of the cached footer; do not modify).
 * Nested types have no min/max (their leaves do, under their own paths).
 */
export type StatValue = boolean | number | bigint | string | Uint8Array;

export interface ColumnChunkStatistics {
  /** The leaf's path from its top-level column, e.g. `['l_orderkey']` or `['tags', 'list', 'element']`. */
  readonly path: readonly string[];
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** A lower bound of the chunk's non-null values (exact when the writer says so); absent when unknown. */
  readonly min?: StatValue;
  /** An upper bound of the chunk's non-null values; absent when unknown. */
  readonly max?: StatValue;
  readonly nullCount?: number;
  readonly distinctCount?: number;
}

export interface RowGroupStatistics {
  readonly rowCount: number;
  readonly compressedBytes: number;
  readonly uncompressedBytes: number;
  /** One per leaf column, in schema order. */
  readonly columns: readonly ColumnChunkStatistics[];
}

export interface FileStatistics {
  readonly sizeBytes: number;
  readonly rowCount: number;
  readonly rowGroups: readonly RowGroupStatistics[];
}

/**
 * The statistics in `footer`, whose leaves are `leaves` (from `mapParquetSchema` of the same footer).
 *
 * @example
 * const footer = readParquetFooter(f);
 * fileStatistics(footer, mapParquetSchema(footer.schema, f).leaves).rowGroups[0]?.columns[0]?.max; // 6000000n
 */
export function fileStatistics(footer: ParquetFooter, leaves: readonly LeafColumn[]): FileStatistics {
  const rowGroups = footer.metadata.row_groups.map((rowGroup): RowGroupStatistics => {
    const columns = rowGroup.columns.map((chunk, i): ColumnChunkStatistics => {
      // The footer reader checked that every row group has one chunk with metadata per leaf.
      const leaf = leaves[i]!;
      const meta = chunk.meta_data!;
      const stats = meta.statistics;
      // min_value/max_value follow the column's logical sort order. The deprecated min/max were written with signed
      // comparison of the physical values, which is right only for signed integers, floats and booleans.
      const legacyOk = hasSignedOrder(leaf);
      return {
        path: leaf.path,
        compressedBytes: Number(meta.total_compressed_size),
        uncompressedBytes: Number(meta.total_uncompressed_size),
        min: toStatValue(stats?.min_value ?? (legacyOk ? stats?.min : undefined), leaf),
        max: toStatValue(stats?.max_value ?? (legacyOk ? stats?.max : undefined), leaf),
        nullCount: optionalNumber(stats?.null_count),
        distinctCount: optionalNumber(stats?.distinct_count),
      };
    });
    // total_compressed_size is optional in the footer (older writers omit it).
    const compressed = rowGroup.total_compressed_size;
    return {
      rowCount: Number(rowGroup.num_rows),
      compressedBytes: compressed === undefined ? columns.reduce((n, c) => n + c.compressedBytes, 0) : Number(compressed),
      uncompressedBytes: Number(rowGroup.total_byte_size),
      columns,
    };
  });
  return { sizeBytes: footer.size, rowCount: Number(footer.metadata.num_rows), rowGroups };
}

/**
 * The nearest double to `unscaled × 10^-scale`. Rounding to nearest is monotonic, so bounds converted this way
 * compare safely (for pruning) with literals converted the same way, e.g. `Number('0.07')`.
 */
export function decimalToNumber(unscaled: bigint, scale: number): number {
  return Number(`${unscaled}e-${scale}`);
}

function optionalNumber(value: bigint | undefined): number | undefined {
  return value === undefined ? undefined : Number(value);
}

function hasSignedOrder(leaf: LeafColumn): boolean {
  const e = leaf.element;
  const unsigned = e.converted_type?.startsWith('UINT_') || (e.logical_type?.type === 'INTEGER' && !e.logical_type.isSigned);
  if (unsigned) return false;
  return e.type === 'INT32' || e.type === 'INT64' || e.type === 'FLOAT' || e.type === 'DOUBLE' || e.type === 'BOOLEAN';
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** What the footer reader's parsers and hyparquet produce for each type, turned into the documented StatValue. */
function toStatValue(raw: RawBound | undefined, leaf: LeafColumn): StatValue | undefined {
  if (raw === undefined) return undefined;
  const type: DataType = leaf.type;
  switch (type.kind) {
    case 'boolean':
      return typeof raw === 'boolean' ? raw : undefined;
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
      return typeof raw === 'number' && Number.isInteger(raw) ? raw : undefined;
    case 'bigint':
      // uint32 columns come back as numbers.
      return typeof raw === 'bigint' ? raw : typeof raw === 'number' && Number.isInteger(raw) ? BigInt(raw) : undefined;
    case 'float':
    case 'double':
      return typeof raw === 'number' && !Number.isNaN(raw) ? raw : undefined;
    case 'decimal': {
      const unscaled = decimalUnscaled(raw, type.scale, leaf.element.converted_type === 'DECIMAL');
      return unscaled === undefined ? undefined : decimalToNumber(unscaled, type.scale);
    }
    case 'timestamp':
    case 'timestamp_ntz':
      // INT96 statistics come back as raw bytes; their sort order is undefined, so they are ignored.
      return typeof raw === 'bigint' ? raw : undefined;
    case 'string':
      if (!(raw instanceof Uint8Array)) return undefined;
      try {
        return utf8.decode(raw);
      } catch {
        // A bound truncated inside a multi-byte character is no longer a bound once decoded.
        return undefined;
      }
    case 'binary':
      return raw instanceof Uint8Array ? raw : undefined;
    default:
      return undefined;
  }
}

/** Beyond this, the double hyparquet returns for a decimal may stand for several unscaled values. */
const EXACT_UNSCALED_LIMIT = 2 ** 48;

/**
 * The exact unscaled value of a decimal bound. hyparquet scales a decimal only when the column has the legacy
 * converted type DECIMAL: it then returns INT32, INT64 and FIXED_LEN_BYTE_ARRAY values as
 * `Number(unscaled) * 10 ** -scale`. Below 2^48 that double determines the unscaled value, recovered by rounding and
 * checked by recomputing hyparquet's expression. Otherwise the value arrives unscaled: a number (INT32), a bigint
 * (INT64, uint64) or bytes (BYTE_ARRAY always, FIXED_LEN_BYTE_ARRAY without the converted type; two's complement).
 */
function decimalUnscaled(raw: RawBound, scale: number, scaledByHyparquet: boolean): bigint | undefined {
  if (typeof raw === 'bigint') return raw;
  if (raw instanceof Uint8Array) return raw.length === 0 ? undefined : twosComplement(raw);
  if (typeof raw !== 'number' || !Number.isFinite(raw)) return undefined;
  if (!scaledByHyparquet) return Number.isInteger(raw) ? BigInt(raw) : undefined;
  const candidate = Math.round(raw * 10 ** scale);
  if (Math.abs(candidate) >= EXACT_UNSCALED_LIMIT || candidate * 10 ** -scale !== raw) return undefined;
  return BigInt(candidate);
}

function twosComplement(bytes: Uint8Array): bigint {
  let value = 0n;
  for (const b of bytes) value = (value << 8n) | BigInt(b);
  return bytes[0]! & 0x80 ? value - (1n << BigInt(bytes.length * 8)) : value;
}
