// The executor's column format: one typed array (or JS array) per column, with a byte-per-row NULL flag array.
// Numbers that need 64 bits (bigint, timestamp, decimal) ride in a Float64Array while every value is an exact
// integer below 2^53 (almost always); a vector whose values do not fit falls back to JS bigints.
import type { DataType } from '../types/data-type.js';
import { assertNever } from '../common/assert-never.js';

/** Largest integer a double holds exactly: the bound of the fast `f64` layout for 64-bit and decimal values. */
export const MAX_EXACT = 2 ** 53;

/**
 * How a vector's values are stored. Which layouts a type may use:
 * - boolean → `bool` (0 or 1);
 * - tinyint, smallint, int, date (days since 1970-01-01) → `i32`;
 * - float, double → `f64`;
 * - bigint, timestamp, timestamp_ntz (microseconds), decimal (the unscaled integer; the scale is the type's)
 *   → `f64` when every value is an integer of magnitude < 2^53, else `big`;
 * - string → `str`, or `dict` (codes into a dictionary, as Parquet files often store them);
 * - binary (Uint8Array), interval (IntervalValue), array (unknown[]), map (Map), struct (Record<string, unknown>),
 *   and the type of a bare NULL → `obj`.
 * The value stored at a NULL row is unspecified (0, '' or undefined); read `nulls` first.
 */
export type VectorData =
  | { readonly layout: 'bool'; readonly values: Uint8Array }
  | { readonly layout: 'i32'; readonly values: Int32Array }
  | { readonly layout: 'f64'; readonly values: Float64Array }
  | { readonly layout: 'big'; readonly values: readonly bigint[] }
  | { readonly layout: 'str'; readonly values: readonly string[] }
  | { readonly layout: 'dict'; readonly codes: Int32Array; readonly dictionary: readonly string[] }
  | { readonly layout: 'obj'; readonly values: readonly unknown[] };

export type Layout = VectorData['layout'];

export interface Vector {
  readonly type: DataType;
  readonly length: number;
  readonly data: VectorData;
  /** 1 = NULL at that row; absent when the vector has no NULLs. */
  readonly nulls?: Uint8Array;
}

/** The rows of one pipeline step: equally long vectors, in the order of the operator's output columns. */
export interface Batch {
  readonly length: number;
  readonly columns: readonly Vector[];
}

/**
 * A value as JS code outside the hot loops sees it (tests, results, constants): boolean; number for
 * tinyint..int, float, double and date (days); bigint for bigint and timestamps (µs); for decimals a bigint of the
 * unscaled value; string; Uint8Array; IntervalValue; arrays, Maps and plain objects for nested types; null.
 */
export type JsValue = unknown;

/** The layouts a type's vectors may have, the first being the one new vectors get. */
export function layoutsOf(type: DataType): readonly Layout[] {
  switch (type.kind) {
    case 'boolean':
      return ['bool'];
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
      return ['i32'];
    case 'float':
    case 'double':
      return ['f64'];
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
    case 'decimal':
      return ['f64', 'big'];
    case 'string':
      return ['str', 'dict'];
    case 'binary':
    case 'interval':
    case 'array':
    case 'map':
    case 'struct':
    case 'null':
      return ['obj'];
    default:
      return assertNever(type, 'data type');
  }
}

export function isNullAt(v: Vector, i: number): boolean {
  return v.nulls !== undefined && v.nulls[i] === 1;
}

/** The value at row `i` as a JsValue (slow path: tests, results, constants). */
export function valueAt(v: Vector, i: number): JsValue {
  if (isNullAt(v, i)) return null;
  const d = v.data;
  switch (d.layout) {
    case 'bool':
      return d.values[i] === 1;
    case 'i32':
      return d.values[i]!;
    case 'f64':
      return usesBigInt(v.type) ? BigInt(d.values[i]!) : d.values[i]!;
    case 'big':
      return d.values[i]!;
    case 'str':
      return d.values[i]!;
    case 'dict':
      return d.dictionary[d.codes[i]!]!;
    case 'obj':
      return d.values[i];
    default:
      return assertNever(d, 'vector layout');
  }
}

/** Types whose JsValues are bigints (their `f64` layout holds exact integers). */
export function usesBigInt(type: DataType): boolean {
  return type.kind === 'bigint' || type.kind === 'timestamp' || type.kind === 'timestamp_ntz' || type.kind === 'decimal';
}

/** Builds a vector from JsValues (null for NULL), choosing the first layout of the type that holds them. */
export function vectorFromValues(type: DataType, values: readonly JsValue[]): Vector {
  const n = values.length;
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    if (values[i] === null || values[i] === undefined) (nulls ??= new Uint8Array(n))[i] = 1;
  }
  const at = (i: number) => (nulls?.[i] ? undefined : values[i]);
  let data: VectorData;
  switch (layoutsOf(type)[0]!) {
    case 'bool':
      data = { layout: 'bool', values: Uint8Array.from({ length: n }, (_, i) => (at(i) ? 1 : 0)) };
      break;
    case 'i32':
      data = { layout: 'i32', values: Int32Array.from({ length: n }, (_, i) => Number(at(i) ?? 0)) };
      break;
    case 'f64': {
      if (!usesBigInt(type)) {
        data = { layout: 'f64', values: Float64Array.from({ length: n }, (_, i) => Number(at(i) ?? 0)) };
        break;
      }
      const big = Array.from({ length: n }, (_, i) => BigInt((at(i) as bigint | number | undefined) ?? 0));
      data = fitsF64(big) ? { layout: 'f64', values: Float64Array.from(big, Number) } : { layout: 'big', values: big };
      break;
    }
    case 'str':
      data = { layout: 'str', values: Array.from({ length: n }, (_, i) => String(at(i) ?? '')) };
      break;
    default:
      data = { layout: 'obj', values: Array.from({ length: n }, (_, i) => at(i)) };
  }
  return nulls ? { type, length: n, data, nulls } : { type, length: n, data };
}

/** Every value strictly inside ±2^53, so the `f64` layout holds them exactly. */
export function fitsF64(values: readonly bigint[]): boolean {
  const limit = BigInt(MAX_EXACT);
  return values.every((v) => v < limit && v > -limit);
}

/** A vector of `length` copies of one value (literals, outer references), filled without per-row conversion. */
export function constantVector(type: DataType, value: JsValue, length: number): Vector {
  if (value === null || value === undefined) {
    const empty = vectorFromValues(type, [null]).data;
    const data = layoutsOf(type)[0] === 'obj' || empty.layout === 'str' ? vectorFromValues(type, new Array<JsValue>(length).fill(null)).data : fillData(empty, length);
    return { type, length, data, nulls: new Uint8Array(length).fill(1) };
  }
  return { type, length, data: fillData(vectorFromValues(type, [value]).data, length) };
}

/** The one-row data `d` repeated `length` times. */
function fillData(d: VectorData, length: number): VectorData {
  switch (d.layout) {
    case 'bool':
      return { layout: 'bool', values: new Uint8Array(length).fill(d.values[0]!) };
    case 'i32':
      return { layout: 'i32', values: new Int32Array(length).fill(d.values[0]!) };
    case 'f64':
      return { layout: 'f64', values: new Float64Array(length).fill(d.values[0]!) };
    case 'dict':
      return { layout: 'dict', codes: new Int32Array(length).fill(d.codes[0]!), dictionary: d.dictionary };
    case 'big':
    case 'str':
    case 'obj':
      return { layout: d.layout, values: new Array(length).fill(d.values[0]) } as VectorData;
    default:
      return assertNever(d, 'vector layout');
  }
}

/** The column values as JsValues, for tests and small results. */
export function vectorValues(v: Vector): JsValue[] {
  return Array.from({ length: v.length }, (_, i) => valueAt(v, i));
}

/** The rows of a batch as arrays of JsValues. */
export function batchRows(b: Batch): JsValue[][] {
  return Array.from({ length: b.length }, (_, i) => b.columns.map((c) => valueAt(c, i)));
}
