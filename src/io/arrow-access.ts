// Reads values straight from Arrow JS buffers (NULL bits, 128-bit decimals, timestamps, UTF-8), for the result writers.
//
// Arrow JS slices value and offset buffers with the data, but not the validity bitmap, which stays indexed from
// `data.offset`; these readers hide that difference.
import { DataType, TimeUnit, makeVector } from 'apache-arrow';
import type { Data, Decimal, Timestamp } from 'apache-arrow';

export type RowTest = (row: number) => boolean;

/** Whether row `i` of `data` is NULL; undefined when the data has no NULLs (the common, fast case). */
export function nullTest(data: Data): RowTest | undefined {
  if (DataType.isNull(data.type)) return () => true;
  const bitmap = data.nullBitmap;
  if (data.nullCount <= 0 || bitmap === undefined || bitmap.length === 0) return undefined;
  const offset = data.offset;
  return (i) => ((bitmap[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) === 0;
}

/** Row `i` of a boolean column. */
export function boolReader(data: Data): (row: number) => boolean {
  const bits = data.values as Uint8Array;
  const offset = data.offset;
  return (i) => ((bits[(offset + i) >> 3]! >> ((offset + i) & 7)) & 1) === 1;
}

/**
 * The unscaled integer of row `i` of a decimal column: a number when it is exactly representable (|v| < 2^53,
 * nearly always), else a bigint. Words are little-endian 32-bit, two's complement.
 */
export function decimalReader(data: Data<Decimal>): (row: number) => number | bigint {
  const words = data.values as Uint32Array;
  const stride = data.type.bitWidth / 32;
  return (i) => {
    const base = i * stride;
    const lo = words[base]!;
    const hi = words[base + 1]!;
    let upperZero = true;
    let upperOnes = true;
    for (let w = 2; w < stride; w++) {
      const word = words[base + w]!;
      upperZero &&= word === 0;
      upperOnes &&= word === 0xffffffff;
    }
    if (upperZero && hi < 0x200000) return hi * 0x100000000 + lo;
    if (upperOnes && hi >= 0xffe00000) return -((~hi >>> 0) * 0x100000000 + (~lo >>> 0) + 1);
    let value = 0n;
    for (let w = stride - 1; w >= 0; w--) value = (value << 32n) | BigInt(words[base + w]!);
    return BigInt.asIntN(stride * 32, value);
  };
}

const MICROS_PER_UNIT: Record<TimeUnit, bigint> = {
  [TimeUnit.SECOND]: 1_000_000n,
  [TimeUnit.MILLISECOND]: 1_000n,
  [TimeUnit.MICROSECOND]: 1n,
  [TimeUnit.NANOSECOND]: 1n,
};

/** Row `i` of a timestamp column in microseconds since the epoch (nanoseconds are floored). */
export function timestampMicrosReader(data: Data<Timestamp>): (row: number) => bigint {
  const values = data.values as BigInt64Array | Int32Array;
  const unit = data.type.unit;
  const scale = MICROS_PER_UNIT[unit];
  if (unit === TimeUnit.NANOSECOND) {
    return (i) => {
      const ns = BigInt(values[i]!);
      return ns >= 0n ? ns / 1000n : -((-ns + 999n) / 1000n);
    };
  }
  return (i) => BigInt(values[i]!) * scale;
}

/** Row `i` of a day-based or millisecond-based date column, as days since 1970-01-01. */
export function dateDaysReader(data: Data): (row: number) => number {
  const values = data.values as Int32Array | BigInt64Array;
  if (values instanceof Int32Array) return (i) => values[i]!;
  return (i) => Math.floor(Number(values[i]!) / 86_400_000);
}

/** Row `i` of a Utf8 or LargeUtf8 column. */
export function utf8Reader(data: Data): (row: number) => string {
  const bytes = data.values as Uint8Array;
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  return (i) => buffer.toString('utf8', Number(offsets[i]!), Number(offsets[i + 1]!));
}

/** Row `i` of a Binary or LargeBinary column (a view, not a copy). */
export function binaryReader(data: Data): (row: number) => Uint8Array {
  const bytes = data.values as Uint8Array;
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  return (i) => bytes.subarray(Number(offsets[i]!), Number(offsets[i + 1]!));
}

/** The [start, end) range of row `i`'s elements in the child data of a List or Map column. */
export function listRangeReader(data: Data): (row: number) => readonly [number, number] {
  const offsets = data.valueOffsets as Int32Array | BigInt64Array;
  return (i) => [Number(offsets[i]!), Number(offsets[i + 1]!)];
}

/** Row `i` as Arrow JS's own accessor gives it: for the rare types the writers have no direct reader for. */
export function genericReader(data: Data): (row: number) => unknown {
  const vector = makeVector(data);
  return (i) => vector.get(i);
}
