// Hive partition directories (`k=v/k2=v2/`): column names, types inferred the way Spark infers them, and typed values.
import { InternalError, fail } from '../common/errors.js';
import { MAX_DECIMAL_PRECISION, T, decimal } from '../types/data-type.js';
import type { DataType, StructField } from '../types/data-type.js';

/**
 * A file's value for one partition column, in a JSON-safe form fixed by the column's type:
 * - int, double → number; bigint, decimal (always scale 0) → string of the exact integer, e.g. `"12345678901234567890"`;
 * - date → days since 1970-01-01 (number);
 * - timestamp → the wall-clock text `yyyy-MM-dd HH:mm:ss[.ffffff]`, to be read in the session time zone as
 *   `CAST(text AS TIMESTAMP)` reads it (the catalog does not know the session's zone, which may change);
 * - string → string (URL-unescaped);
 * - NULL (the directory `k=__HIVE_DEFAULT_PARTITION__`) → null.
 */
export type PartitionValue = string | number | null;

/** One `name=value` directory: the unescaped column name and the value as it appears in the path. */
export interface PartitionSegment {
  readonly name: string;
  readonly raw: string;
}

export interface PartitionSpec {
  /** The partition columns, outermost directory first; always nullable, as in Spark. */
  readonly columns: readonly StructField[];
  /** For each input file, its values, aligned with `columns`. */
  readonly values: readonly (readonly PartitionValue[])[];
}

/** Hive's (and Spark's) name for the directory of rows whose partition value is NULL. */
export const DEFAULT_PARTITION_NAME = '__HIVE_DEFAULT_PARTITION__';

/** Parses a directory name as `name=value`; undefined when it has no `=` (not a partition directory). */
export function parsePartitionSegment(segment: string, dir: string): PartitionSegment | undefined {
  const eq = segment.indexOf('=');
  if (eq < 0) return undefined;
  const name = unescapePathName(segment.slice(0, eq));
  const raw = segment.slice(eq + 1);
  if (name === '' || raw === '') {
    fail('CATALOG_INVALID_PARTITION', `partition directory '${dir}' has an empty column ${name === '' ? 'name' : 'value'}`);
  }
  return { name, raw };
}

/**
 * Types the partition columns of a table's files and converts each file's values, following Spark's
 * `PartitioningUtils` with type inference on: each value is the first of int, bigint, decimal(p,0), double,
 * timestamp, date, string that parses it; a column's type is the widest over its values (Spark's table:
 * int+bigint → bigint, integral+decimal → decimal, int+double → double, date+timestamp → timestamp, any other
 * mix → string); a column whose values are all NULL is a string column.
 * Deviation: NaN and ±Infinity are not inferred as double (they stay strings) so that values remain JSON-safe.
 *
 * @example
 * inferPartitions([{ file: 'a', segments: [{ name: 'y', raw: '2024' }] }, { file: 'b', segments: [{ name: 'y', raw: '__HIVE_DEFAULT_PARTITION__' }] }])
 * // { columns: [{ name: 'y', type: T.int, nullable: true }], values: [[2024], [null]] }
 */
export function inferPartitions(files: readonly { readonly file: string; readonly segments: readonly PartitionSegment[] }[]): PartitionSpec {
  const first = files[0];
  if (!first) return { columns: [], values: [] };
  const key = (segments: readonly PartitionSegment[]) => segments.map((s) => s.name.toLowerCase()).join('/');
  const expected = key(first.segments);
  for (const f of files) {
    if (key(f.segments) !== expected) {
      const list = (segments: readonly PartitionSegment[]) => `(${segments.map((s) => s.name).join(', ')})`;
      fail(
        'CATALOG_INVALID_PARTITION',
        `inconsistent partition directories: '${first.file}' is under ${list(first.segments)} but '${f.file}' is under ` +
          `${list(f.segments)}; data files must all sit at the same depth under the same partition column names`,
      );
    }
  }
  const columns = first.segments.map((segment, i): StructField => {
    const type = files.map((f) => inferType(f.segments[i]!.raw)).reduce(widen);
    return { name: segment.name, type: type.kind === 'null' ? T.string : type, nullable: true };
  });
  const values = files.map((f) => columns.map((column, i) => convert(f.segments[i]!.raw, column.type)));
  return { columns, values };
}

/**
 * Decodes `%XX` escapes. Runs of escapes are read as UTF-8 (DuckDB and Hive escape non-ASCII bytes this way);
 * a run that is not valid UTF-8 decodes one character per escape, as Spark's `unescapePathName` does.
 */
export function unescapePathName(text: string): string {
  return text.replace(/(?:%[0-9A-Fa-f]{2})+/g, (run) => {
    try {
      return decodeURIComponent(run);
    } catch {
      return run.replace(/%([0-9A-Fa-f]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16)));
    }
  });
}

function inferType(raw: string): DataType {
  if (parseInt32(raw) !== undefined) return T.int;
  if (parseInt64(raw) !== undefined) return T.bigint;
  const dec = parseIntegralDecimal(raw);
  if (dec) return decimal(dec.precision, 0);
  if (parseDouble(raw) !== undefined) return T.double;
  // Spark tries timestamp before date; a date alone never matches the timestamp pattern.
  if (parseTimestamp(unescapePathName(raw)) !== undefined) return T.timestamp;
  if (parseDate(raw) !== undefined) return T.date;
  return raw === DEFAULT_PARTITION_NAME ? T.null : T.string;
}

/** Spark's `findWiderTypeForPartitionColumn` over the types `inferType` produces. */
function widen(a: DataType, b: DataType): DataType {
  if (a.kind === 'null') return b;
  if (b.kind === 'null' || a.kind === b.kind) {
    return a.kind === 'decimal' && b.kind === 'decimal' ? decimal(Math.max(a.precision, b.precision), 0) : a;
  }
  const integralPrecision = (t: DataType) => (t.kind === 'int' ? 10 : t.kind === 'bigint' ? 20 : t.kind === 'decimal' ? t.precision : undefined);
  const [p, q] = [integralPrecision(a), integralPrecision(b)];
  if (p !== undefined && q !== undefined) {
    if (a.kind !== 'decimal' && b.kind !== 'decimal') return T.bigint;
    return decimal(Math.min(Math.max(p, q), MAX_DECIMAL_PRECISION), 0);
  }
  const pair = new Set([a.kind, b.kind]);
  if (pair.has('int') && pair.has('double')) return T.double;
  if (pair.has('date') && pair.has('timestamp')) return T.timestamp;
  return T.string;
}

function convert(raw: string, type: DataType): PartitionValue {
  if (raw === DEFAULT_PARTITION_NAME) return null;
  let value: PartitionValue | undefined;
  switch (type.kind) {
    case 'int':
      value = parseInt32(raw);
      break;
    case 'bigint':
      value = parseInt64(raw);
      break;
    case 'decimal':
      value = parseInt64(raw) ?? parseIntegralDecimal(raw)?.digits;
      break;
    case 'double':
      value = parseDouble(raw);
      break;
    case 'date':
      value = parseDate(raw);
      break;
    case 'timestamp':
      // A date among timestamps is midnight, as Spark's cast of the date gives.
      value = parseTimestamp(unescapePathName(raw)) ?? (parseDate(raw) !== undefined ? `${raw} 00:00:00` : undefined);
      break;
    case 'string':
      value = unescapePathName(raw);
      break;
  }
  // `widen` only produces types that every value of the column parses as.
  if (value === undefined) throw new InternalError(`partition value '${raw}' does not parse as ${type.kind}`);
  return value;
}

// Java's Integer.parseInt / Long.parseLong accept an optional sign and decimal digits only.
const INTEGER = /^[+-]?\d+$/;

function parseInt32(raw: string): number | undefined {
  if (!INTEGER.test(raw)) return undefined;
  const n = Number(raw);
  return n >= -(2 ** 31) && n < 2 ** 31 ? n : undefined;
}

/** The canonical digits, as bigint values are kept as strings. */
function parseInt64(raw: string): string | undefined {
  if (!INTEGER.test(raw)) return undefined;
  const n = BigInt(raw);
  return n >= -(2n ** 63n) && n < 2n ** 63n ? n.toString() : undefined;
}

/** Java's BigDecimal syntax with no digits after the point once the exponent applies (Spark rejects `1.1`). */
function parseIntegralDecimal(raw: string): { digits: string; precision: number } | undefined {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (!m) return undefined;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = m;
  if (whole === '' && fraction === '') return undefined;
  const zeros = Number(exponentText) - fraction.length;
  if (zeros < 0) return undefined;
  const significant = (whole + fraction).replace(/^0+/, '');
  if (significant === '') return { digits: '0', precision: 1 };
  const precision = significant.length + zeros;
  if (precision > MAX_DECIMAL_PRECISION) return undefined;
  return { digits: `${sign === '-' ? '-' : ''}${significant}${'0'.repeat(zeros)}`, precision };
}

/** Java's Double.parseDouble for decimal notation (it trims, and allows a trailing f/F/d/D), finite values only. */
function parseDouble(raw: string): number | undefined {
  const text = raw.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?[fFdD]?$/.test(text)) return undefined;
  const n = Number(text.replace(/[fFdD]$/, ''));
  return Number.isFinite(n) ? n : undefined;
}

/** Days since the epoch of a `yyyy-MM-dd` text that names a real day of the proleptic Gregorian calendar. */
function parseDate(text: string): number | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!m) return undefined;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return undefined;
  return daysFromCivil(y, mo, d);
}

/** Spark's partition timestamp pattern `yyyy-MM-dd HH:mm:ss[.S]`, normalized to at most microseconds. */
function parseTimestamp(text: string): string | undefined {
  const m = /^(\d{4}-\d{2}-\d{2}) (\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?$/.exec(text);
  if (!m || parseDate(m[1]!) === undefined) return undefined;
  const [hour, minute, second] = [Number(m[2]), Number(m[3]), Number(m[4])];
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const fraction = (m[5] ?? '').slice(0, 6).replace(/0+$/, '');
  return `${m[1]} ${m[2]}:${m[3]}:${m[4]}${fraction ? `.${fraction}` : ''}`;
}

function daysInMonth(year: number, month: number): number {
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1]!;
}

// Howard Hinnant's days_from_civil: exact for every proleptic Gregorian date, unlike Date.UTC for years below 100.
function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yearOfEra = y - era * 400;
  const dayOfYear = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const dayOfEra = yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
  return era * 146097 + dayOfEra - 719468;
}
