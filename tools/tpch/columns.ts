// Arrow columns built straight from typed arrays, without row objects; shared by the TPC-H and events generators.
import {
  Data,
  DateDay,
  Decimal,
  Dictionary,
  Float64,
  Int32,
  Int64,
  RecordBatch,
  Struct,
  Utf8,
  makeData,
  vectorFromArray,
  type DataType,
  type Schema,
  type Timestamp,
  type Vector,
} from 'apache-arrow';

/** The bytes of an ASCII string. */
export function asciiBytes(text: string): Uint8Array {
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

/** The type of low-cardinality string columns: readers of the file get dictionary codes to group and compare on. */
export type StringDictionary = Dictionary<Utf8, Int32>;

export function stringDictionaryType(): StringDictionary {
  return new Dictionary(new Utf8(), new Int32());
}

/** The values of a dictionary column, built once per list. */
export function dictionaryValues(values: readonly string[]): Vector<Utf8> {
  return vectorFromArray(values as string[], new Utf8());
}

export function int32Data(values: Int32Array): Data<Int32> {
  return makeData({ type: new Int32(), length: values.length, data: values });
}

/** 64-bit integers from doubles holding integers of magnitude below 2^53 (so no BigInt per value). */
export function int64Data(values: Float64Array): Data<Int64> {
  const words = new Int32Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    words[2 * i] = v % 4294967296 | 0;
    words[2 * i + 1] = Math.floor(v / 4294967296) | 0;
  }
  return makeData({ type: new Int64(), length: values.length, data: new BigInt64Array(words.buffer) });
}

/** Doubles; `valid`, if given, is an Arrow validity bitmap (bit i set = row i not null). */
export function float64Data(values: Float64Array, valid?: Uint8Array): Data<Float64> {
  if (valid === undefined) return makeData({ type: new Float64(), length: values.length, data: values });
  const nullCount = values.length - countSetBits(valid, values.length);
  return makeData({ type: new Float64(), length: values.length, data: values, nullBitmap: valid, nullCount });
}

/**
 * Decimal128 values from their unscaled integers (cents for DECIMAL(15,2)), held exactly in doubles below 2^53.
 * Arrow stores each as four little-endian 32-bit words of a two's-complement 128-bit integer.
 */
export function decimalData(unscaled: Float64Array, precision: number, scale: number): Data<Decimal> {
  const words = new Int32Array(unscaled.length * 4);
  for (let i = 0; i < unscaled.length; i++) {
    const v = unscaled[i]!;
    const hi = Math.floor(v / 4294967296) | 0;
    const sign = hi < 0 ? -1 : 0;
    words[4 * i] = v % 4294967296 | 0;
    words[4 * i + 1] = hi;
    words[4 * i + 2] = sign;
    words[4 * i + 3] = sign;
  }
  return makeData({
    type: new Decimal(scale, precision, 128),
    length: unscaled.length,
    data: new Uint32Array(words.buffer),
  });
}

/** Days since 1970-01-01. */
export function dateData(days: Int32Array): Data<DateDay> {
  return makeData({ type: new DateDay(), length: days.length, data: days });
}

/** Timestamps of the given unit from doubles holding integers below 2^53 (microseconds reach year 2255). */
export function timestampData<T extends Timestamp>(type: T, values: Float64Array): Data<T> {
  const words = new Int32Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const v = values[i]!;
    words[2 * i] = v % 4294967296 | 0;
    words[2 * i + 1] = Math.floor(v / 4294967296) | 0;
  }
  return makeData({ type, length: values.length, data: new BigInt64Array(words.buffer) });
}

/** A dictionary column: `codes[i]` indexes `values`. The type must be the schema field's own type object. */
export function dictionaryData(type: StringDictionary, codes: Int32Array, values: Vector<Utf8>): Data<StringDictionary> {
  return makeData({ type, length: codes.length, data: codes, dictionary: values });
}

/** A record batch whose columns are `children`, in the schema's order; a type mismatch is a bug and throws. */
export function recordBatch(schema: Schema, children: readonly Data[]): RecordBatch {
  if (children.length !== schema.fields.length) {
    throw new Error(`expected ${schema.fields.length} columns, got ${children.length}`);
  }
  const length = children[0]?.length ?? 0;
  schema.fields.forEach((field, i) => {
    const child = children[i]!;
    if (String(child.type) !== String(field.type) || child.length !== length) {
      throw new Error(`column ${field.name}: got ${String(child.type)} × ${child.length}, want ${String(field.type)} × ${length}`);
    }
  });
  const type = new Struct(schema.fields);
  return new RecordBatch(schema, makeData({ type, length, children: children as Data<DataType>[] }));
}

/**
 * Builds a Utf8 column byte by byte: write the pieces of a row, then `endRow()`. Only ASCII text is
 * written through `writeAscii` (one byte per char code), which is all the generators produce.
 */
export class Utf8Builder {
  private bytes: Uint8Array;
  private readonly offsets: Int32Array;
  private pos = 0;
  private row = 0;

  constructor(
    private readonly rows: number,
    averageBytes: number,
  ) {
    this.offsets = new Int32Array(rows + 1);
    this.bytes = new Uint8Array(Math.max(64, Math.ceil(rows * averageBytes)));
  }

  writeAscii(text: string): void {
    this.reserve(text.length);
    const bytes = this.bytes;
    let pos = this.pos;
    for (let i = 0; i < text.length; i++) bytes[pos++] = text.charCodeAt(i);
    this.pos = pos;
  }

  /** Copies `length` bytes of `source` from `start`: a manual loop, as comments are short and subarray+set costs more. */
  writeBytes(source: Uint8Array, start: number, length: number): void {
    this.reserve(length);
    const bytes = this.bytes;
    let pos = this.pos;
    for (let i = start, end = start + length; i < end; i++) bytes[pos++] = source[i]!;
    this.pos = pos;
  }

  writeByte(byte: number): void {
    this.reserve(1);
    this.bytes[this.pos++] = byte;
  }

  /** Writes a non-negative integer in decimal, zero-padded to at least `width` digits. */
  writeNumber(value: number, width = 1): void {
    let digits = 1;
    for (let v = value; v >= 10; v = Math.floor(v / 10)) digits++;
    const total = Math.max(digits, width);
    this.reserve(total);
    let v = value;
    for (let i = this.pos + total - 1; i >= this.pos; i--) {
      this.bytes[i] = 48 + (v % 10);
      v = Math.floor(v / 10);
    }
    this.pos += total;
  }

  endRow(): void {
    this.offsets[++this.row] = this.pos;
  }

  finish(): Data<Utf8> {
    if (this.row !== this.rows) throw new Error(`Utf8Builder: ${this.row} rows written, ${this.rows} declared`);
    return makeData({ type: new Utf8(), length: this.rows, valueOffsets: this.offsets, data: this.bytes.subarray(0, this.pos) });
  }

  private reserve(extra: number): void {
    if (this.pos + extra <= this.bytes.length) return;
    const grown = new Uint8Array(Math.max(this.bytes.length * 2, this.pos + extra));
    grown.set(this.bytes.subarray(0, this.pos));
    this.bytes = grown;
  }
}

function countSetBits(bitmap: Uint8Array, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) count += (bitmap[i >> 3]! >> (i & 7)) & 1;
  return count;
}
