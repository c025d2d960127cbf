// Converts executor batches into Apache Arrow record batches and tables: what Session.sql() returns and the Parquet,
// CSV and JSON writers consume. Arrow types follow the SQL types (arrow-types.ts), never the vectors' layouts, so
// every batch of a result has the same schema.
import { Field, RecordBatch, Struct, Table, makeData } from 'apache-arrow';
import type { DataType as ArrowType, Data, Schema } from 'apache-arrow';
import { assertNever } from '../../common/assert-never.js';
import { InternalError } from '../../common/errors.js';
import type { IntervalValue } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import { typeToString } from '../../types/data-type.js';
import type { Batch, JsValue, Vector } from '../vector.js';
import { vectorFromValues } from '../vector.js';
import { arrowSchemaOf, arrowTypeOf } from './arrow-types.js';
import type { NamedType } from './arrow-types.js';
import { encodeUtf8Column } from './utf8.js';
import { TWO_32, writeBigIntWords } from './wide-integers.js';

/**
 * An Arrow table of `batches`, whose columns are `columns` (an empty table with that schema when there are none).
 *
 * @example
 * const table = tableToArrow(batches, plan.output);
 * table.getChild('revenue')?.type; // Decimal[38e+4]
 */
export function tableToArrow(batches: readonly Batch[], columns: readonly NamedType[]): Table {
  const schema = arrowSchemaOf(columns);
  return new Table(schema, batches.map((b) => batchToArrow(b, columns, schema)));
}

/**
 * One batch as an Arrow record batch of `columns` (pass `schema`, from `arrowSchemaOf(columns)`, to build it once for
 * many batches). Primitive buffers are shared where the layouts match (int and date vectors, doubles); the
 * batch must not be modified afterwards. A vector whose SQL type is not its column's is a bug upstream: InternalError.
 *
 * @example
 * const schema = arrowSchemaOf(plan.output);
 * for await (const b of execute(plan, ctx)) yield batchToArrow(b, plan.output, schema);
 */
export function batchToArrow(batch: Batch, columns: readonly NamedType[], schema: Schema = arrowSchemaOf(columns)): RecordBatch {
  const children = batch.columns.map((v, i) => {
    const column = columns[i]!;
    if (typeToString(v.type) !== typeToString(column.type)) {
      throw new InternalError(`column \`${column.name}\` is ${typeToString(column.type)} but its vector holds ${typeToString(v.type)}`);
    }
    return vectorToArrow(v, schema.fields[i]!.type);
  });
  if (children.length !== columns.length) throw new InternalError(`a batch of ${children.length} columns for ${columns.length} output columns`);
  return new RecordBatch(schema, makeData({ type: new Struct(schema.fields), length: batch.length, nullCount: 0, children }));
}

/**
 * A vector as Arrow data of `arrowType` (by default its SQL type's, see `arrowTypeOf`).
 *
 * @example
 * new arrow.Vector([vectorToArrow(vectorFromValues(T.bigint, [1n, null]))]).toArray(); // BigInt64Array [1n, 0n]
 */
export function vectorToArrow(v: Vector, arrowType: ArrowType = arrowTypeOf(v.type)): Data {
  const n = v.length;
  const { nullBitmap, nullCount } = validity(v);
  // makeData is typed per Arrow type; this function picks the buffers that `arrowType` needs.
  const make = (props: Record<string, unknown>): Data => makeData({ type: arrowType, length: n, nullCount, nullBitmap, ...props } as never);
  const type = v.type;
  switch (type.kind) {
    case 'null':
      return makeData({ type: arrowType, length: n, nullCount: n } as never);
    case 'boolean':
      return make({ data: packBits(numbers(v, 'bool'), n) });
    case 'tinyint':
      return make({ data: converted(Int8Array, numbers(v, 'i32'), n) });
    case 'smallint':
      return make({ data: converted(Int16Array, numbers(v, 'i32'), n) });
    case 'int':
    case 'date':
      return make({ data: numbers(v, 'i32').subarray(0, n) });
    case 'float':
      return make({ data: converted(Float32Array, numbers(v, 'f64'), n) });
    case 'double':
      return make({ data: numbers(v, 'f64').subarray(0, n) });
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
      return make({ data: new BigInt64Array(integerWords(v, 2).buffer) });
    case 'decimal':
      return make({ data: integerWords(v, 4) });
    case 'string': {
      const { bytes, offsets } = stringBuffers(v);
      return make({ data: bytes, valueOffsets: offsets });
    }
    case 'binary': {
      const { bytes, offsets } = binaryBuffers(objects(v) as (Uint8Array | undefined)[], n, v.nulls);
      return make({ data: bytes, valueOffsets: offsets });
    }
    case 'interval':
      return make({ data: intervalWords(objects(v) as (IntervalValue | undefined)[], n, v.nulls) });
    case 'array': {
      const { offsets, items } = flatten(objects(v) as (readonly JsValue[] | undefined)[], n, v.nulls, (row) => row);
      return make({ valueOffsets: offsets, child: childData(type.element, items, arrowType, 0) });
    }
    case 'map': {
      const rows = objects(v) as (ReadonlyMap<JsValue, JsValue> | undefined)[];
      const keys = flatten(rows, n, v.nulls, (m) => [...m.keys()]);
      const values = flatten(rows, n, v.nulls, (m) => [...m.values()]);
      const entriesType = arrowType.children[0]!.type as ArrowType;
      const entries = makeData({
        type: entriesType,
        length: keys.items.length,
        nullCount: 0,
        children: [childData(type.key, keys.items, entriesType, 0), childData(type.value, values.items, entriesType, 1)],
      } as never);
      return make({ valueOffsets: keys.offsets, child: entries });
    }
    case 'struct': {
      const rows = objects(v) as (Readonly<Record<string, JsValue>> | undefined)[];
      const children = type.fields.map((f, k) =>
        childData(f.type, Array.from({ length: n }, (_, i) => (v.nulls?.[i] === 1 ? null : rows[i]?.[f.name] ?? null)), arrowType, k),
      );
      return make({ children });
    }
    default:
      return assertNever(type, 'data type');
  }
}

function validity(v: Vector): { nullBitmap: Uint8Array | undefined; nullCount: number } {
  const nulls = v.nulls;
  if (!nulls) return { nullBitmap: undefined, nullCount: 0 };
  const bitmap = new Uint8Array((v.length + 7) >> 3);
  let nullCount = 0;
  for (let i = 0; i < v.length; i++) {
    if (nulls[i] === 1) nullCount++;
    else bitmap[i >> 3]! |= 1 << (i & 7);
  }
  return nullCount === 0 ? { nullBitmap: undefined, nullCount: 0 } : { nullBitmap: bitmap, nullCount };
}

function packBits(values: Uint8Array, n: number): Uint8Array {
  const bits = new Uint8Array((n + 7) >> 3);
  for (let i = 0; i < n; i++) if (values[i] === 1) bits[i >> 3]! |= 1 << (i & 7);
  return bits;
}

function numbers(v: Vector, layout: 'bool'): Uint8Array;
function numbers(v: Vector, layout: 'i32'): Int32Array;
function numbers(v: Vector, layout: 'f64'): Float64Array;
function numbers(v: Vector, layout: 'bool' | 'i32' | 'f64'): Uint8Array | Int32Array | Float64Array {
  if (v.data.layout !== layout) throw wrongLayout(v);
  return (v.data as { values: Uint8Array | Int32Array | Float64Array }).values;
}

/** The first `n` values in a new typed array of another element type (one native conversion, no iteration protocol). */
function converted<T extends Int8Array | Int16Array | Float32Array>(Ctor: new (n: number) => T, values: Int32Array | Float64Array, n: number): T {
  const out = new Ctor(n);
  out.set(values.subarray(0, n));
  return out;
}

function objects(v: Vector): readonly unknown[] {
  if (v.data.layout !== 'obj') throw wrongLayout(v);
  return v.data.values;
}

function wrongLayout(v: Vector): InternalError {
  return new InternalError(`a ${v.type.kind} vector cannot have the ${v.data.layout} layout`);
}

/** 64-bit (`count` 2) or 128-bit (`count` 4) two's-complement words of an `f64` or `big` vector's integers. */
function integerWords(v: Vector, count: number): Uint32Array {
  const n = v.length;
  const words = new Uint32Array(n * count);
  const nulls = v.nulls;
  const d = v.data;
  if (d.layout === 'f64') {
    // Exact integers below 2^53: the low word, then the high word (wrapped to uint32), then the sign extension.
    const values = d.values;
    for (let i = 0, at = 0; i < n; i++, at += count) {
      if (nulls !== undefined && nulls[i] === 1) continue;
      const v = values[i]!;
      const hi = Math.floor(v / TWO_32);
      words[at] = v - hi * TWO_32;
      words[at + 1] = hi;
      if (count === 4 && v < 0) words[at + 2] = words[at + 3] = 0xffffffff;
    }
  } else if (d.layout === 'big') {
    for (let i = 0; i < n; i++) if (nulls === undefined || nulls[i] === 0) writeBigIntWords(words, i * count, count, d.values[i]!);
  } else {
    throw wrongLayout(v);
  }
  return words;
}

function stringBuffers(v: Vector): { bytes: Uint8Array; offsets: Int32Array } {
  const d = v.data;
  if (d.layout === 'str') return encodeUtf8Column(d.values, v.length, v.nulls);
  if (d.layout !== 'dict') throw wrongLayout(v);
  // Each dictionary entry is encoded once; rows copy its bytes.
  const dict = encodeUtf8Column(d.dictionary, d.dictionary.length);
  const n = v.length;
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) {
    const code = d.codes[i]!;
    offsets[i + 1] = offsets[i]! + (v.nulls?.[i] === 1 ? 0 : dict.offsets[code + 1]! - dict.offsets[code]!);
  }
  const bytes = new Uint8Array(offsets[n]!);
  for (let i = 0; i < n; i++) {
    const code = d.codes[i]!;
    for (let from = dict.offsets[code]!, at = offsets[i]!, to = offsets[i + 1]!; at < to; ) bytes[at++] = dict.bytes[from++]!;
  }
  return { bytes, offsets };
}

function binaryBuffers(values: readonly (Uint8Array | undefined)[], n: number, nulls: Uint8Array | undefined): { bytes: Uint8Array; offsets: Int32Array } {
  const offsets = new Int32Array(n + 1);
  for (let i = 0; i < n; i++) offsets[i + 1] = offsets[i]! + (nulls?.[i] === 1 ? 0 : values[i]!.length);
  const bytes = new Uint8Array(offsets[n]!);
  for (let i = 0; i < n; i++) if (nulls?.[i] !== 1) bytes.set(values[i]!, offsets[i]!);
  return { bytes, offsets };
}

/** Arrow's month-day-nanosecond layout: months and days as int32, then nanoseconds as a little-endian int64. */
function intervalWords(values: readonly (IntervalValue | undefined)[], n: number, nulls: Uint8Array | undefined): Int32Array {
  const words = new Int32Array(n * 4);
  const unsigned = new Uint32Array(words.buffer);
  for (let i = 0; i < n; i++) {
    const value = values[i];
    if (nulls?.[i] === 1 || !value) continue;
    words[4 * i] = value.months;
    words[4 * i + 1] = value.days;
    writeBigIntWords(unsigned, 4 * i + 2, 2, BigInt(value.micros) * 1000n);
  }
  return words;
}

/** The items of every non-NULL row, concatenated, with each row's start offset (lists and maps). */
function flatten<R>(rows: readonly (R | undefined)[], n: number, nulls: Uint8Array | undefined, items: (row: R) => readonly JsValue[]): { offsets: Int32Array; items: JsValue[] } {
  const offsets = new Int32Array(n + 1);
  const all: JsValue[] = [];
  for (let i = 0; i < n; i++) {
    const row = rows[i];
    if (nulls?.[i] !== 1 && row !== undefined) for (const item of items(row)) all.push(item);
    offsets[i + 1] = all.length;
  }
  return { offsets, items: all };
}

/** Arrow data for the values of a nested type's `k`-th child, whose Arrow type is `parent`'s `k`-th child's. */
function childData(type: DataType, values: readonly JsValue[], parent: ArrowType, k: number): Data {
  const field = parent.children[k] as Field;
  return vectorToArrow(vectorFromValues(type, values), field.type);
}
