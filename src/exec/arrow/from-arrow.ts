// Converts Arrow record batches, as the Parquet reader yields them, into executor batches of the scan's SQL types.
// Primitive columns are converted in typed-array loops (or shared outright); only nested values become JS objects.
import { DataType as ArrowDataType, DateUnit, IntervalUnit, TimeUnit, Type } from 'apache-arrow';
import type { Data, RecordBatch, Vector as ArrowVector } from 'apache-arrow';
import { assertNever } from '../../common/assert-never.js';
import { SqlError, fail } from '../../common/errors.js';
import type { IntervalValue } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { typeToString } from '../../types/data-type.js';
import { concatVectors } from '../kernels/concat.js';
import { take } from '../kernels/take.js';
import type { Batch, JsValue, Vector, VectorData } from '../vector.js';
import { MAX_EXACT, fitsF64, valueAt, vectorFromValues } from '../vector.js';
import { decodeUtf8Column } from './utf8.js';
import { TWO_32, wordsToBigInt, wordsToExactNumber, wordsToNumber } from './wide-integers.js';

/** What a column must become: its name (for error messages) and SQL type. */
export interface ColumnType {
  readonly name: string;
  readonly type: DataType;
}

/**
 * The executor batch holding `batch`'s columns as `columns` (same count and order). Throws SqlError
 * `EXEC_UNSUPPORTED_TYPE` naming the column when an Arrow type cannot hold values of its SQL type.
 *
 * @example
 * for await (const rb of reader.scan({ columns: ['l_discount'] })) use(batchFromArrow(rb, [{ name: 'l_discount', type: decimal(15, 2) }]));
 */
export function batchFromArrow(batch: RecordBatch, columns: readonly ColumnType[]): Batch {
  const children = batch.data.children;
  if (children.length !== columns.length) {
    fail('EXEC_INTERNAL', `an Arrow batch of ${children.length} columns cannot hold the ${columns.length} columns ${columns.map((c) => `\`${c.name}\``).join(', ')}`);
  }
  const vectors = columns.map((column, i) => {
    try {
      return vectorFromArrow(children[i]!, column.type);
    } catch (e) {
      if (e instanceof SqlError) fail(e.code, `column \`${column.name}\`: ${e.message}`);
      throw e;
    }
  });
  return { length: batch.numRows, columns: vectors };
}

/**
 * One Arrow column as a vector of `type`: Int8/16/32 (and Uint8/16) → `i32`; Int64, Uint32/64, Decimal (the unscaled
 * integer) and Timestamp of any unit (→ microseconds) → `f64` when every value is below 2^53 in magnitude, else
 * `big`; Float32/64 → `f64`; Date32 (days) → `i32`; Utf8 → `str`; Dictionary of Utf8 → `dict` (the dictionary
 * decoded once, the codes kept); Binary, List, Struct, Map and Interval → `obj`. Validity bitmaps become `nulls`.
 *
 * @example
 * vectorFromArrow(recordBatch.data.children[0]!, decimal(15, 2)).data.layout; // 'f64' (unscaled: 12.34 → 1234)
 */
export function vectorFromArrow(data: Data, type: DataType): Vector {
  const nulls = nullFlags(data);
  if (ArrowDataType.isDictionary(data.type)) return fromDictionary(data, type, nulls);
  if (data.typeId === Type.Null) return vectorFromValues(type, new Array<JsValue>(data.length).fill(null));
  const n = data.length;
  switch (type.kind) {
    case 'boolean': {
      if (data.typeId !== Type.Bool) return mismatch(data, type);
      const bits = data.values as Uint8Array;
      const out = new Uint8Array(n);
      for (let i = 0, at = data.offset; i < n; i++, at++) out[i] = (bits[at >> 3]! >> (at & 7)) & 1;
      return vector(type, n, { layout: 'bool', values: out }, nulls);
    }
    case 'tinyint':
    case 'smallint':
    case 'int':
      if (!isInt(data, 32, false) && !isInt(data, 16, true)) return mismatch(data, type);
      return vector(type, n, { layout: 'i32', values: int32Values(data.values as SmallIntegers, n) }, nulls);
    case 'date':
      if (!ArrowDataType.isDate(data.type)) return mismatch(data, type);
      if (data.type.unit === DateUnit.DAY) return vector(type, n, { layout: 'i32', values: int32Values(data.values as Int32Array, n) }, nulls);
      return vector(type, n, { layout: 'i32', values: millisToDays(data.values as BigInt64Array, n, nulls) }, nulls);
    case 'float':
    case 'double': {
      const values = data.values as unknown;
      if (!(values instanceof Float32Array || values instanceof Float64Array)) return mismatch(data, type);
      return vector(type, n, { layout: 'f64', values: float64Values(values, n) }, nulls);
    }
    case 'bigint':
      if (isInt(data, 64, false) || isInt(data, 32, true)) return integerVector(type, data, nulls);
      return mismatch(data, type);
    case 'decimal':
      if (ArrowDataType.isDecimal(data.type)) {
        if (data.type.scale !== type.scale) return mismatch(data, type);
        return decimalVector(type, data.values as Uint32Array, data.type.bitWidth / 32, n, nulls);
      }
      // Unsigned 64-bit Parquet integers are decimal(20,0); any integer column holds unscaled values as they are.
      if (data.typeId === Type.Int) return integerVector(type, data, nulls);
      return mismatch(data, type);
    case 'timestamp':
    case 'timestamp_ntz': {
      if (!ArrowDataType.isTimestamp(data.type)) return mismatch(data, type);
      const unit = data.type.unit;
      return int64Vector(type, data.values as BigInt64Array, n, nulls, MICROS_PER_UNIT[unit]!, unit === TimeUnit.NANOSECOND ? 1000 : 1);
    }
    case 'string':
      if (data.typeId !== Type.Utf8) return mismatch(data, type);
      return vector(type, n, { layout: 'str', values: decodeUtf8Column(data.values as Uint8Array, data.valueOffsets as Int32Array, n) }, nulls);
    case 'binary':
      return vector(type, n, { layout: 'obj', values: binaryValues(data, type) }, nulls);
    case 'array':
      return vector(type, n, { layout: 'obj', values: arrayValues(data, type.element, nulls) }, nulls);
    case 'struct':
      return vector(type, n, { layout: 'obj', values: structValues(data, type, nulls) }, nulls);
    case 'map':
      return vector(type, n, { layout: 'obj', values: mapValues(data, type, nulls) }, nulls);
    case 'interval':
      return vector(type, n, { layout: 'obj', values: intervalValues(data, type, nulls) }, nulls);
    case 'null':
      return mismatch(data, type);
    default:
      return assertNever(type, 'data type');
  }
}

/** Microseconds per unit of TimeUnit (nanoseconds are divided instead). */
const MICROS_PER_UNIT: Record<TimeUnit, number> = {
  [TimeUnit.SECOND]: 1_000_000,
  [TimeUnit.MILLISECOND]: 1000,
  [TimeUnit.MICROSECOND]: 1,
  [TimeUnit.NANOSECOND]: 1,
};

const MILLIS_PER_DAY = 86_400_000;

function vector(type: DataType, length: number, data: VectorData, nulls: Uint8Array | undefined): Vector {
  return nulls ? { type, length, data, nulls } : { type, length, data };
}

function mismatch(data: Data, type: DataType): never {
  return fail('EXEC_UNSUPPORTED_TYPE', `cannot read Arrow ${String(data.type)} values as ${typeToString(type)}`);
}

/** Byte-per-row NULL flags from the validity bitmap, or undefined when no value is NULL. */
function nullFlags(data: Data): Uint8Array | undefined {
  const n = data.length;
  if (data.typeId === Type.Null) return n > 0 ? new Uint8Array(n).fill(1) : undefined;
  const bitmap = data.nullBitmap;
  if (!bitmap || bitmap.length === 0 || data.nullCount === 0) return undefined;
  const out = new Uint8Array(n);
  for (let i = 0, at = data.offset; i < n; i++, at++) out[i] = ((bitmap[at >> 3]! >> (at & 7)) & 1) ^ 1;
  return out;
}

/** An Int column of at most `bits` bits, signed or (if `unsigned`) unsigned. */
function isInt(data: Data, bits: number, unsigned: boolean): boolean {
  const t = data.type;
  return ArrowDataType.isInt(t) && t.bitWidth <= bits && t.isSigned !== unsigned;
}

/** The typed arrays of Arrow's integer types up to 32 bits (the `i32` layout holds them all but Uint32). */
type SmallIntegers = Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array;

function int32Values(values: SmallIntegers, n: number): Int32Array {
  if (values instanceof Int32Array) return values.length === n ? values : values.subarray(0, n);
  const out = new Int32Array(n);
  out.set(values.subarray(0, n));
  return out;
}

function float64Values(values: Float32Array | Float64Array, n: number): Float64Array {
  if (values instanceof Float64Array) return values.length === n ? values : values.subarray(0, n);
  const out = new Float64Array(n);
  out.set(values.subarray(0, n));
  return out;
}

function millisToDays(values: BigInt64Array, n: number, nulls: Uint8Array | undefined): Int32Array {
  const words = new Int32Array(values.buffer, values.byteOffset, n * 2);
  const out = new Int32Array(n);
  for (let i = 0; i < n; i++) if (nulls?.[i] !== 1) out[i] = Math.floor(wordsToNumber(words[2 * i]! >>> 0, words[2 * i + 1]!) / MILLIS_PER_DAY);
  return out;
}

/** Any Int column as exact integers (bigint, or a decimal's unscaled value). */
function integerVector(type: DataType, data: Data, nulls: Uint8Array | undefined): Vector {
  const values = data.values;
  if (values instanceof BigInt64Array || values instanceof BigUint64Array) return int64Vector(type, values, data.length, nulls, 1, 1);
  const out = new Float64Array(data.length);
  out.set((values as Int32Array | Uint32Array).subarray(0, data.length));
  return vector(type, data.length, { layout: 'f64', values: out }, nulls);
}

/**
 * 64-bit integers times `multiplier`, or floor-divided by 1000 when `divisor` is 1000 (nanoseconds → µs, rounding
 * down as Spark does for INT96 timestamps): the `f64` layout when every value fits, else `big`.
 */
function int64Vector(
  type: DataType,
  values: BigInt64Array | BigUint64Array,
  n: number,
  nulls: Uint8Array | undefined,
  multiplier: number,
  divisor: 1 | 1000,
): Vector {
  const words = new Uint32Array(values.buffer, values.byteOffset, n * 2);
  const signed = values instanceof BigInt64Array;
  if (signed && multiplier === 1 && divisor === 1) {
    const plain = int64Numbers(words, n);
    if (plain) return vector(type, n, { layout: 'f64', values: plain }, nulls);
  }
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== undefined && nulls[i] === 1) continue;
    const lo = words[2 * i]!;
    const hi = signed ? words[2 * i + 1]! | 0 : words[2 * i + 1]!;
    const v = divisor === 1 ? wordsToNumber(lo, hi) * multiplier : nanosToMicros(lo, hi);
    if (!(v < MAX_EXACT && v > -MAX_EXACT)) return bigIntVector(type, values, n, nulls, multiplier, divisor);
    out[i] = v;
  }
  return vector(type, n, { layout: 'f64', values: out }, nulls);
}

/**
 * Signed 64-bit integers as doubles, or undefined if one is 2^53 or more in magnitude: the loop of bigint key
 * columns. NULL rows are read too (any value there is fine, and one out of range only sends the batch to the
 * careful loop), so the loop has no per-row NULL test.
 */
function int64Numbers(words: Uint32Array, n: number): Float64Array | undefined {
  const out = new Float64Array(n);
  for (let i = 0, at = 0; i < n; i++, at += 2) {
    const v = (words[at + 1]! | 0) * TWO_32 + words[at]!;
    if (!(v < MAX_EXACT && v > -MAX_EXACT)) return undefined;
    out[i] = v;
  }
  return out;
}

// 2^32 = 1000 × 4294967 + 296, so floor((hi·2^32 + lo) / 1000) = hi·4294967 + floor((hi·296 + lo) / 1000), where the
// second division is exact in doubles. hi·4294967 is exact below this bound on |hi|; beyond it, NaN sends the caller
// to the bigint path.
const NANOS_HI_LIMIT = 2_097_152_000;

function nanosToMicros(lo: number, hi: number): number {
  if (hi >= NANOS_HI_LIMIT || hi <= -NANOS_HI_LIMIT) return NaN;
  return hi * 4294967 + Math.floor((hi * 296 + lo) / 1000);
}

function bigIntVector(type: DataType, values: BigInt64Array | BigUint64Array, n: number, nulls: Uint8Array | undefined, multiplier: number, divisor: number): Vector {
  const out = new Array<bigint>(n);
  const [m, d] = [BigInt(multiplier), BigInt(divisor)];
  for (let i = 0; i < n; i++) {
    if (nulls?.[i] === 1) {
      out[i] = 0n;
      continue;
    }
    const v = values[i]! * m;
    // BigInt division truncates; step down for negative non-multiples to round toward -∞.
    out[i] = d === 1n ? v : v / d - (v % d < 0n ? 1n : 0n);
  }
  return bigints(type, out, nulls);
}

/** The `f64` layout if every value fits, as the layout rules require, else `big`. */
function bigints(type: DataType, values: bigint[], nulls: Uint8Array | undefined): Vector {
  const data: VectorData = fitsF64(values) ? { layout: 'f64', values: Float64Array.from(values, Number) } : { layout: 'big', values };
  return vector(type, values.length, data, nulls);
}

/** Decimal values (little-endian words, `stride` per value) as unscaled integers. */
function decimalVector(type: DataType, words: Uint32Array, stride: number, n: number, nulls: Uint8Array | undefined): Vector {
  const out = stride === 4 ? decimal128Numbers(words, n, nulls) : decimalNumbers(words, stride, n, nulls);
  if (out) return vector(type, n, { layout: 'f64', values: out }, nulls);
  const big = Array.from({ length: n }, (_, j) => (nulls?.[j] === 1 ? 0n : wordsToBigInt(words, j * stride, stride)));
  return bigints(type, big, nulls);
}

/** Decimal128 values as doubles, or undefined if one is 2^53 or more in magnitude: the hot loop of decimal scans. */
function decimal128Numbers(words: Uint32Array, n: number, nulls: Uint8Array | undefined): Float64Array | undefined {
  const out = new Float64Array(n);
  for (let i = 0, at = 0; i < n; i++, at += 4) {
    if (nulls !== undefined && nulls[i] === 1) continue;
    const hi = words[at + 1]! | 0;
    // The upper two words must repeat the sign of the second (0 or -1 as int32).
    const sign = hi >> 31;
    if ((words[at + 2]! | 0) !== sign || (words[at + 3]! | 0) !== sign) return undefined;
    const v = hi * TWO_32 + words[at]!;
    if (v >= MAX_EXACT || v <= -MAX_EXACT) return undefined;
    out[i] = v;
  }
  return out;
}

function decimalNumbers(words: Uint32Array, stride: number, n: number, nulls: Uint8Array | undefined): Float64Array | undefined {
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    if (nulls !== undefined && nulls[i] === 1) continue;
    const v = wordsToExactNumber(words, i * stride, stride);
    if (v === undefined) return undefined;
    out[i] = v;
  }
  return out;
}

function binaryValues(data: Data, type: DataType): Uint8Array[] {
  const bytes = data.values as Uint8Array;
  const n = data.length;
  if (ArrowDataType.isFixedSizeBinary(data.type)) {
    const width = data.type.byteWidth;
    return Array.from({ length: n }, (_, i) => bytes.slice(i * width, (i + 1) * width));
  }
  if (data.typeId !== Type.Binary) return mismatch(data, type);
  const offsets = data.valueOffsets as Int32Array;
  // Copies, so that a value kept (a MIN, a group key) does not pin the whole batch's buffer.
  return Array.from({ length: n }, (_, i) => bytes.slice(offsets[i]!, offsets[i + 1]!));
}

/** Each row's [begin, end) in the child data of a List, FixedSizeList or Map. */
function childRanges(data: Data): (i: number) => readonly [number, number] {
  if (ArrowDataType.isFixedSizeList(data.type)) {
    const size = data.type.listSize;
    return (i) => [i * size, (i + 1) * size];
  }
  const offsets = data.valueOffsets as Int32Array;
  return (i) => [offsets[i]!, offsets[i + 1]!];
}

function arrayValues(data: Data, element: DataType, nulls: Uint8Array | undefined): unknown[] {
  if (data.typeId !== Type.List && data.typeId !== Type.FixedSizeList) return mismatch(data, { kind: 'array', element, containsNull: true });
  const child = vectorFromArrow(data.children[0]!, element);
  const range = childRanges(data);
  return Array.from({ length: data.length }, (_, i) => {
    if (nulls?.[i] === 1) return undefined;
    const [begin, end] = range(i);
    const items = new Array<JsValue>(end - begin);
    for (let j = begin; j < end; j++) items[j - begin] = valueAt(child, j);
    return items;
  });
}

function structValues(data: Data, type: Extract<DataType, { kind: 'struct' }>, nulls: Uint8Array | undefined): unknown[] {
  if (data.typeId !== Type.Struct || data.children.length !== type.fields.length) return mismatch(data, type);
  const children = type.fields.map((f, k) => vectorFromArrow(data.children[k]!, f.type));
  return Array.from({ length: data.length }, (_, i) => {
    if (nulls?.[i] === 1) return undefined;
    const row: Record<string, JsValue> = {};
    type.fields.forEach((f, k) => (row[f.name] = valueAt(children[k]!, i)));
    return row;
  });
}

function mapValues(data: Data, type: Extract<DataType, { kind: 'map' }>, nulls: Uint8Array | undefined): unknown[] {
  const entries = data.children[0];
  if (data.typeId !== Type.Map || !entries || entries.children.length !== 2) return mismatch(data, type);
  const keys = vectorFromArrow(entries.children[0]!, type.key);
  const values = vectorFromArrow(entries.children[1]!, type.value);
  const range = childRanges(data);
  return Array.from({ length: data.length }, (_, i) => {
    if (nulls?.[i] === 1) return undefined;
    const [begin, end] = range(i);
    const map = new Map<JsValue, JsValue>();
    for (let j = begin; j < end; j++) map.set(valueAt(keys, j), valueAt(values, j));
    return map;
  });
}

/** Arrow's month-day-nanosecond intervals (two int32 and one int64 per value) as IntervalValues. */
function intervalValues(data: Data, type: DataType, nulls: Uint8Array | undefined): unknown[] {
  if (!ArrowDataType.isInterval(data.type) || data.type.unit !== IntervalUnit.MONTH_DAY_NANO) return mismatch(data, type);
  const words = data.values as Int32Array;
  return Array.from({ length: data.length }, (_, i): IntervalValue | undefined => {
    if (nulls?.[i] === 1) return undefined;
    const nanos = (BigInt(words[4 * i + 3]!) << 32n) | BigInt(words[4 * i + 2]! >>> 0);
    return { months: words[4 * i]!, days: words[4 * i + 1]!, micros: (nanos / 1000n).toString() };
  });
}

/** String dictionaries decoded once per Arrow dictionary, so batches sharing one share the decoded strings too. */
const decodedDictionaries = new WeakMap<ArrowVector, Vector>();

function fromDictionary(data: Data, type: DataType, nulls: Uint8Array | undefined): Vector {
  const arrowDictionary = data.dictionary;
  if (!arrowDictionary) return mismatch(data, type);
  let dictionary = type.kind === 'string' ? decodedDictionaries.get(arrowDictionary) : undefined;
  if (!dictionary) {
    const chunks = arrowDictionary.data.map((chunk) => vectorFromArrow(chunk, type));
    dictionary = chunks.length === 0 ? vectorFromValues(type, []) : concatVectors(chunks);
    if (type.kind === 'string') decodedDictionaries.set(arrowDictionary, dictionary);
  }
  const n = data.length;
  const indices = data.values as Int8Array | Int16Array | Int32Array | Uint8Array | Uint16Array | Uint32Array | BigInt64Array;
  const entryNulls = dictionary.nulls;
  if (dictionary.data.layout === 'str') {
    let codes: Int32Array;
    if (indices instanceof Int32Array && nulls === undefined) codes = indices.length === n ? indices : indices.subarray(0, n);
    else {
      codes = indices instanceof BigInt64Array ? Int32Array.from(indices.subarray(0, n), Number) : Int32Array.from(indices.subarray(0, n));
      // A NULL row's code is undefined in Arrow; 0 keeps lookups inside the dictionary.
      if (nulls) for (let i = 0; i < n; i++) if (nulls[i] === 1) codes[i] = 0;
    }
    let rowNulls = nulls;
    if (entryNulls) {
      for (let i = 0; i < n; i++) if (entryNulls[codes[i]!] === 1) (rowNulls ??= new Uint8Array(n))[i] = 1;
    }
    return vector(type, n, { layout: 'dict', codes, dictionary: dictionary.data.values }, rowNulls);
  }
  const positions = new Int32Array(n);
  for (let i = 0; i < n; i++) positions[i] = nulls?.[i] === 1 ? -1 : Number(indices[i]!);
  return take(dictionary, positions);
}
