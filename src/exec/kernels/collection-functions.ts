// Arrays, maps and structs: field access, subscripts, and the collection functions of the catalogue (size,
// element_at, array_contains, array, struct, named_struct, map, map_keys, map_values). Nested values live in `obj`
// vectors as JsValues: arrays, Maps keyed by JsValue, and plain objects keyed by field name.
import { fail } from '../../common/errors.js';
import type { DataType } from '../../types/data-type.js';
import type { FunctionCompiler } from '../expr/evaluator.js';
import { vectorized } from '../expr/evaluator.js';
import type { JsValue, Vector } from '../vector.js';
import { isNullAt, valueAt, vectorFromValues } from '../vector.js';
import { compareNullable, compareValues } from './compare.js';
import { boolVector, i32Vector, jsValuesOf, objOf } from './vector-helpers.js';

const isNullValue = (x: JsValue): boolean => x === null || x === undefined;

// A row-wise kernel over JsValues: `f` sees the non-NULL argument values of a row and returns the result (null for NULL).
function rowwise(args: readonly Vector[], type: DataType, f: (values: JsValue[]) => JsValue): Vector {
  const n = args[0]?.length ?? 0;
  const out = new Array<JsValue>(n);
  const values = new Array<JsValue>(args.length);
  for (let i = 0; i < n; i++) {
    let anyNull = false;
    for (let k = 0; k < args.length; k++) {
      const x = valueAt(args[k]!, i);
      if (x === null) anyNull = true;
      values[k] = x;
    }
    out[i] = anyNull ? null : f(values);
  }
  return vectorFromValues(type, out);
}

/** `struct.field`. */
export function getField(v: Vector, field: string, type: DataType): Vector {
  const rows = objOf(v);
  const out = new Array<JsValue>(v.length);
  for (let i = 0; i < out.length; i++) {
    const r = rows[i] as Record<string, JsValue> | null | undefined;
    out[i] = isNullAt(v, i) || isNullValue(r) ? null : (r![field] ?? null);
  }
  return vectorFromValues(type, out);
}

/** The value of `key` in a map, or null; keys compare as SQL values (binary and nested keys by content). */
function mapLookup(m: Map<JsValue, JsValue>, key: JsValue, keyType: DataType): JsValue {
  if (typeof key !== 'object') return m.get(key) ?? null;
  for (const [k, x] of m) if (compareValues(keyType, k, key) === 0) return x ?? null;
  return null;
}

/** `array[i]` (0-based; NULL out of range) or `map[key]` (NULL when absent). */
export function subscript(container: Vector, index: Vector, type: DataType): Vector {
  const ct = container.type;
  if (ct.kind === 'map') return rowwise([container, index], type, ([m, k]) => mapLookup(m as Map<JsValue, JsValue>, k, ct.key));
  return rowwise([container, index], type, ([a, i]) => (a as readonly JsValue[])[i as number] ?? null);
}

function elementAt(args: readonly Vector[], type: DataType): Vector {
  const container = args[0]!;
  const ct = container.type;
  if (ct.kind === 'map') return rowwise(args, type, ([m, k]) => mapLookup(m as Map<JsValue, JsValue>, k, ct.key));
  return rowwise(args, type, ([a, k]) => {
    const arr = a as readonly JsValue[];
    const i = k as number;
    // Spark fails on index 0 even with ANSI off.
    if (i === 0) fail('EXEC_INVALID_ARRAY_INDEX', 'element_at: SQL array indices start at 1, the index 0 is invalid');
    return arr[i > 0 ? i - 1 : arr.length + i] ?? null;
  });
}

// Spark's sizeOfNull default (ANSI off): the size of NULL is -1.
function size(args: readonly Vector[], type: DataType): Vector {
  const v = args[0]!;
  const rows = objOf(v);
  const out = new Int32Array(v.length);
  for (let i = 0; i < out.length; i++) {
    const x = rows[i];
    out[i] = isNullAt(v, i) || isNullValue(x) ? -1 : x instanceof Map ? x.size : (x as readonly JsValue[]).length;
  }
  return i32Vector(type, out, undefined);
}

// TRUE when found; else NULL when the array holds a NULL; else FALSE.
function arrayContains(args: readonly Vector[], type: DataType): Vector {
  const [arr, value] = args as [Vector, Vector];
  const elementType = arr.type.kind === 'array' ? arr.type.element : value.type;
  const n = arr.length;
  const out = new Uint8Array(n);
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < n; i++) {
    const a = valueAt(arr, i) as readonly JsValue[] | null;
    const x = valueAt(value, i);
    let result: boolean | null = null;
    if (a !== null && x !== null) {
      result = false;
      for (const e of a) {
        if (isNullValue(e)) result = null;
        else if (compareValues(elementType, e, x) === 0) {
          result = true;
          break;
        }
      }
    }
    if (result === null) (nulls ??= new Uint8Array(n))[i] = 1;
    else out[i] = result ? 1 : 0;
  }
  return boolVector(type, out, nulls);
}

function fieldsOf(type: DataType): readonly string[] {
  return type.kind === 'struct' ? type.fields.map((f) => f.name) : [];
}

// Builds one nested value per row from all argument values, NULLs included (array(…), struct(…), map(…)).
function build(args: readonly Vector[], type: DataType, f: (values: readonly JsValue[]) => JsValue): Vector {
  const n = args[0]?.length ?? 0;
  const columns = args.map(jsValuesOf);
  const out = new Array<JsValue>(n);
  for (let i = 0; i < n; i++) out[i] = f(columns.map((c) => c[i]));
  return vectorFromValues(type, out);
}

function buildMap(type: DataType, values: readonly JsValue[]): Map<JsValue, JsValue> {
  const keyType = type.kind === 'map' ? type.key : type;
  const m = new Map<JsValue, JsValue>();
  for (let k = 0; k + 1 < values.length; k += 2) {
    const key = values[k];
    if (isNullValue(key)) fail('EXEC_NULL_MAP_KEY', 'cannot use NULL as a map key');
    // Spark's default spark.sql.mapKeyDedupPolicy=EXCEPTION.
    if (m.has(key) || (typeof key === 'object' && [...m.keys()].some((x) => compareNullable(keyType, x, key) === 0)))
      fail('EXEC_DUPLICATE_MAP_KEY', `duplicate map key ${String(key)}`);
    m.set(key, values[k + 1]);
  }
  return m;
}

function mapPart(part: 'keys' | 'values'): FunctionCompiler {
  return vectorized(([v], type) =>
    rowwise([v!], type, ([m]) => [...(part === 'keys' ? (m as Map<JsValue, JsValue>).keys() : (m as Map<JsValue, JsValue>).values())]),
  );
}

export const COLLECTION_KERNELS: Readonly<Record<string, FunctionCompiler>> = {
  size: vectorized(size),
  array_contains: vectorized(arrayContains),
  element_at: vectorized(elementAt),
  array: vectorized((args, type) => build(args, type, (values) => [...values])),
  struct: vectorized((args, type) => build(args, type, (values) => Object.fromEntries(fieldsOf(type).map((f, k) => [f, values[k]])))),
  named_struct: vectorized((args, type) =>
    build(args, type, (values) => Object.fromEntries(fieldsOf(type).map((f, k) => [f, values[2 * k + 1]]))),
  ),
  map: vectorized((args, type) => build(args, type, (values) => buildMap(type, values))),
  map_keys: mapPart('keys'),
  map_values: mapPart('values'),
};
