// Arrow columns as the Parquet reader yields them → executor vectors: every type, NULLs, layouts, slices, dictionaries.
import {
  Binary,
  Bool,
  DateDay,
  DateMillisecond,
  Decimal,
  Dictionary,
  Field,
  FixedSizeBinary,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  IntervalMonthDayNano,
  List,
  Map_,
  Null,
  RecordBatch,
  Struct,
  TimestampMicrosecond,
  TimestampMillisecond,
  TimestampNanosecond,
  TimestampSecond,
  Uint16,
  Uint32,
  Uint64,
  Uint8,
  Utf8,
  makeData,
  vectorFromArray,
} from 'apache-arrow';
import type { Data, DataType as ArrowType } from 'apache-arrow';
import { describe, expect, it } from 'vitest';
import { SqlError } from '../../../../src/common/errors.js';
import { T, arrayOf, decimal, mapOf, structOf } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { batchFromArrow, vectorFromArrow } from '../../../../src/exec/arrow/from-arrow.js';
import type { Vector } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';

/** The single Data chunk of an Arrow vector built from JS values. */
function arrow<T extends ArrowType>(values: readonly unknown[], type: T): Data<T> {
  return vectorFromArray(values as unknown[], type).data[0]!;
}

/** Arrow data from raw buffers: `valid` lists which rows are non-NULL (default all). */
function raw<T extends ArrowType>(type: T, data: ArrayBufferView, length: number, valid?: readonly boolean[]): Data<T> {
  const nullBitmap = valid && Uint8Array.from({ length: (length + 7) >> 3 }, (_, b) => valid.slice(b * 8, b * 8 + 8).reduce((m, v, i) => m | (v ? 1 << i : 0), 0));
  return makeData({ type, length, data, nullBitmap, nullCount: valid ? valid.filter((v) => !v).length : 0 } as never) as Data<T>;
}

/** 128-bit little-endian words of each value. */
function decimalWords(values: readonly bigint[]): Uint32Array {
  const words = new Uint32Array(values.length * 4);
  values.forEach((v, i) => {
    let u = BigInt.asUintN(128, v);
    for (let w = 0; w < 4; w++, u >>= 32n) words[i * 4 + w] = Number(u & 0xffffffffn);
  });
  return words;
}

function convert(data: Data, type: DataType): { layout: string; values: unknown[]; vector: Vector } {
  const vector = vectorFromArrow(data, type);
  expect(vector.length).toBe(data.length);
  return { layout: vector.data.layout, values: vectorValues(vector), vector };
}

describe('vectorFromArrow: numbers', () => {
  it.each([
    [new Int8(), T.tinyint, [1, -128, null, 127]],
    [new Int16(), T.smallint, [1, -32768, null, 32767]],
    [new Int32(), T.int, [1, -(2 ** 31), null, 2 ** 31 - 1]],
    [new Uint8(), T.smallint, [0, 255, null]],
    [new Uint16(), T.int, [0, 65535, null]],
  ] as const)('%s as %o is i32', (arrowType, type, values) => {
    const { layout, values: out } = convert(arrow(values, arrowType), type);
    expect(layout).toBe('i32');
    expect(out).toEqual(values);
  });

  it('shares an Int32 buffer without NULLs instead of copying it', () => {
    const data = arrow([1, 2, 3], new Int32());
    const v = vectorFromArrow(data, T.int);
    expect(v.data.layout === 'i32' && v.data.values.buffer).toBe(data.values.buffer);
    expect(v.nulls).toBeUndefined();
  });

  it('reads Int64 and Uint32 as bigint, f64 while below 2^53 and big beyond', () => {
    expect(convert(arrow([1n, -(2n ** 53n) + 1n, null, 2n ** 53n - 1n], new Int64()), T.bigint)).toMatchObject({
      layout: 'f64',
      values: [1n, -(2n ** 53n) + 1n, null, 2n ** 53n - 1n],
    });
    expect(convert(arrow([1n, -(2n ** 63n), null, 2n ** 53n], new Int64()), T.bigint)).toMatchObject({
      layout: 'big',
      values: [1n, -(2n ** 63n), null, 2n ** 53n],
    });
    expect(convert(arrow([0, 2 ** 32 - 1, null], new Uint32()), T.bigint)).toMatchObject({ layout: 'f64', values: [0n, 2n ** 32n - 1n, null] });
  });

  it('reads Uint64 as decimal(20,0), beyond 2^63 too', () => {
    const big = convert(arrow([0n, 2n ** 64n - 1n, null], new Uint64()), decimal(20, 0));
    expect(big).toMatchObject({ layout: 'big', values: [0n, 2n ** 64n - 1n, null] });
    expect(convert(arrow([7n, 2n ** 52n], new Uint64()), decimal(20, 0))).toMatchObject({ layout: 'f64', values: [7n, 2n ** 52n] });
  });

  it('reads Float32 exactly and Float64 as is (NaN, infinities, -0)', () => {
    expect(convert(arrow([0.1, null, -2.5], new Float32()), T.float).values).toEqual([Math.fround(0.1), null, -2.5]);
    const { values } = convert(arrow([NaN, Infinity, -0, null], new Float64()), T.double);
    expect(values).toEqual([NaN, Infinity, -0, null]);
    expect(Object.is(values[2], -0)).toBe(true);
  });

  it('reads Bool bits, also from a slice that starts inside a byte', () => {
    const data = arrow([true, false, null, true, true, false, false, true, null, true, false], new Bool());
    expect(convert(data, T.boolean)).toMatchObject({ layout: 'bool', values: [true, false, null, true, true, false, false, true, null, true, false] });
    expect(convert(data.slice(3, 7), T.boolean).values).toEqual([true, true, false, false, true, null, true]);
  });
});

describe('vectorFromArrow: decimals', () => {
  it('converts Decimal128 words to unscaled integers: f64 below 2^53, big beyond', () => {
    const small = [12345n, -1n, 0n, 2n ** 53n - 1n, -(2n ** 53n) + 1n];
    expect(convert(raw(new Decimal(2, 15, 128), decimalWords(small), 5), decimal(15, 2))).toMatchObject({ layout: 'f64', values: small });
    const large = [1n, 2n ** 53n, -(10n ** 37n), 10n ** 38n - 1n];
    expect(convert(raw(new Decimal(4, 38, 128), decimalWords(large), 4), decimal(38, 4))).toMatchObject({ layout: 'big', values: large });
    const boundary = [-(2n ** 53n)];
    expect(convert(raw(new Decimal(0, 20, 128), decimalWords(boundary), 1), decimal(20, 0))).toMatchObject({ layout: 'big', values: boundary });
  });

  it('ignores what NULL slots hold', () => {
    const words = decimalWords([5n, 2n ** 100n, -7n]);
    const { layout, values, vector } = convert(raw(new Decimal(2, 15, 128), words, 3, [true, false, true]), decimal(15, 2));
    expect(layout).toBe('f64');
    expect(values).toEqual([5n, null, -7n]);
    expect(vector.nulls).toEqual(Uint8Array.of(0, 1, 0));
  });

  it('rejects a Decimal whose scale is not the type’s', () => {
    expect(() => vectorFromArrow(raw(new Decimal(3, 15, 128), decimalWords([1n]), 1), decimal(15, 2))).toThrow(/Decimal.*decimal\(15,2\)/);
  });

  it('takes integer columns as unscaled values', () => {
    expect(convert(arrow([125, null], new Int32()), decimal(9, 2)).values).toEqual([125n, null]);
  });
});

describe('vectorFromArrow: dates and timestamps', () => {
  it('reads Date32 days and Date64 milliseconds as days', () => {
    expect(convert(raw(new DateDay(), Int32Array.of(0, -1, 19723), 3, [true, true, true]), T.date)).toMatchObject({ layout: 'i32', values: [0, -1, 19723] });
    const ms = BigInt64Array.of(0n, -86_400_000n, 86_400_000n * 19723n);
    expect(convert(raw(new DateMillisecond(), ms, 3), T.date).values).toEqual([0, -1, 19723]);
  });

  it.each([
    ['seconds', new TimestampSecond(), [1n, -1n, 1_700_000_000n], [1_000_000n, -1_000_000n, 1_700_000_000_000_000n]],
    ['milliseconds', new TimestampMillisecond('UTC'), [1n, -1n, 1_700_000_000_123n], [1000n, -1000n, 1_700_000_000_123_000n]],
    ['microseconds', new TimestampMicrosecond(), [1n, -1n, 1_700_000_000_123_456n], [1n, -1n, 1_700_000_000_123_456n]],
    // Nanoseconds round down to microseconds, negative ones too.
    ['nanoseconds', new TimestampNanosecond(), [1999n, -1n, -1000n, -1001n, 1_700_000_000_123_456_789n], [1n, -1n, -1n, -2n, 1_700_000_000_123_456n]],
  ] as const)('converts %s to microseconds', (_, arrowType, input, micros) => {
    for (const type of [T.timestamp, T.timestamp_ntz]) {
      const { layout, values } = convert(raw(arrowType, BigInt64Array.from(input), input.length), type);
      expect(layout).toBe('f64');
      expect(values).toEqual(micros);
    }
  });

  it('falls back to bigints when microseconds leave the exact range, and for extreme nanoseconds', () => {
    expect(convert(raw(new TimestampSecond(), BigInt64Array.of(0n, 10n ** 13n), 2), T.timestamp)).toMatchObject({ layout: 'big', values: [0n, 10n ** 19n] });
    const extreme = [-(2n ** 63n), 2n ** 63n - 1n];
    expect(convert(raw(new TimestampNanosecond(), BigInt64Array.from(extreme), 2), T.timestamp).values).toEqual([-(2n ** 63n) / 1000n - 1n, (2n ** 63n - 1n) / 1000n]);
  });
});

describe('vectorFromArrow: strings and binary', () => {
  it('decodes Utf8 (ASCII, multi-byte, astral, empty) with NULLs', () => {
    const values = ['abc', '', null, 'é-ü', '𝄞x', 'plain'];
    expect(convert(arrow(values, new Utf8()), T.string)).toMatchObject({ layout: 'str', values });
    expect(convert(arrow(['a', 'b', 'c'], new Utf8()).slice(1, 2), T.string).values).toEqual(['b', 'c']);
  });

  it('decodes invalid UTF-8 with U+FFFD', () => {
    const data = makeData({ type: new Utf8(), length: 2, valueOffsets: Int32Array.of(0, 2, 3), data: Uint8Array.of(0x61, 0xff, 0x62) });
    expect(convert(data, T.string).values).toEqual(['a\ufffd', 'b']);
  });

  it('keeps Dictionary<Int32, Utf8> as codes into a dictionary decoded once', () => {
    const data = arrow(['x', 'y', null, 'x'], new Dictionary(new Utf8(), new Int32()));
    const { layout, values, vector } = convert(data, T.string);
    expect(layout).toBe('dict');
    expect(values).toEqual(['x', 'y', null, 'x']);
    const again = vectorFromArrow(data.slice(1, 3), T.string);
    expect(vectorValues(again)).toEqual(['y', null, 'x']);
    // Batches sharing an Arrow dictionary share the decoded one, so operators can compare codes across them.
    expect(again.data.layout === 'dict' && vector.data.layout === 'dict' && again.data.dictionary).toBe(vector.data.layout === 'dict' && vector.data.dictionary);
    // A NULL row's code points into the dictionary all the same.
    expect(vector.data.layout === 'dict' && vector.data.codes[2]).toBe(0);
  });

  it('reads dictionaries with other index types, and of other value types through their values', () => {
    expect(convert(arrow(['a', null, 'b', 'a'], new Dictionary(new Utf8(), new Int8())), T.string).values).toEqual(['a', null, 'b', 'a']);
    const ints = convert(arrow([5, 7, null, 5], new Dictionary(new Int32(), new Int16())), T.int);
    expect(ints).toMatchObject({ layout: 'i32', values: [5, 7, null, 5] });
  });

  it('reads Binary and FixedSizeBinary as byte arrays', () => {
    const bytes = [Uint8Array.of(1, 2), Uint8Array.of(), null];
    expect(convert(arrow(bytes, new Binary()), T.binary)).toMatchObject({ layout: 'obj', values: bytes });
    const fixed = raw(new FixedSizeBinary(2), Uint8Array.of(1, 2, 3, 4), 2);
    expect(convert(fixed, T.binary).values).toEqual([Uint8Array.of(1, 2), Uint8Array.of(3, 4)]);
  });
});

describe('vectorFromArrow: nested and other types', () => {
  it('reads List as arrays of element JsValues', () => {
    const type = new List(new Field('element', new Int64(), true));
    const { layout, values } = convert(arrow([[1n, null], [], null, [3n]], type), arrayOf(T.bigint));
    expect(layout).toBe('obj');
    expect(values).toEqual([[1n, null], [], null, [3n]]);
  });

  it('reads Struct as objects and Map as Maps', () => {
    const structType = new Struct([new Field('a', new Int32(), true), new Field('b', new Utf8(), true)]);
    const rows = [{ a: 1, b: 'x' }, null, { a: null, b: 'y' }];
    expect(convert(arrow(rows, structType), structOf([{ name: 'a', type: T.int, nullable: true }, { name: 'b', type: T.string, nullable: true }])).values).toEqual(rows);
    const entries = new Struct<{ key: Utf8; value: Int32 }>([new Field('key', new Utf8(), false), new Field('value', new Int32(), true)]);
    const mapType = new Map_(new Field('entries', entries, false));
    const maps = [new Map([['k', 1], ['l', null]]), null, new Map()];
    expect(convert(arrow(maps, mapType), mapOf(T.string, T.int)).values).toEqual(maps);
  });

  it('reads MonthDayNano intervals', () => {
    const words = Int32Array.of(14, -3, 5000, 0, 0, 0, 0, 0);
    const { values } = convert(raw(new IntervalMonthDayNano(), words, 2, [true, false]), T.interval);
    expect(values).toEqual([{ months: 14, days: -3, micros: '5' }, null]);
  });

  it('reads a Null column as NULLs of any type', () => {
    const { values, vector } = convert(makeData({ type: new Null(), length: 3 }), T.int);
    expect(values).toEqual([null, null, null]);
    expect(vector.type).toEqual(T.int);
  });
});

describe('batchFromArrow', () => {
  const batch = new RecordBatch({ id: vectorFromArray([1, 2], new Int32()).data[0]!, name: vectorFromArray(['a', null], new Utf8()).data[0]! });

  it('converts every column to its SQL type', () => {
    const out = batchFromArrow(batch, [
      { name: 'id', type: T.bigint },
      { name: 'name', type: T.string },
    ]);
    expect(out.length).toBe(2);
    expect(out.columns.map(vectorValues)).toEqual([[1n, 2n], ['a', null]]);
  });

  it('names the column an Arrow type cannot be read as', () => {
    let error: unknown;
    try {
      batchFromArrow(batch, [
        { name: 'id', type: T.int },
        { name: 'name', type: T.date },
      ]);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).code).toBe('EXEC_UNSUPPORTED_TYPE');
    expect((error as SqlError).message).toBe('column `name`: cannot read Arrow Utf8 values as date');
  });
});
