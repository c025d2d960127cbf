// Builds an aggregate's result vector from per-group state in the layout its type takes (see exec/vector.ts).
import type { DataType } from '../../types/data-type.js';
import { MAX_EXACT, layoutsOf, vectorFromValues } from '../vector.js';
import type { JsValue, Vector, VectorData } from '../vector.js';

/**
 * The first `count` entries of `values` as a vector of `type`, NULL where `nulls` says 1. For boolean, tinyint to
 * int, date, float and double; and for bigint, timestamps and decimals whose values are exact integers below 2^53.
 */
export function numberVector(type: DataType, values: Float64Array, count: number, nulls?: Uint8Array): Vector {
  const part = values.subarray(0, count);
  let data: VectorData;
  switch (layoutsOf(type)[0]) {
    case 'bool':
      data = { layout: 'bool', values: Uint8Array.from(part) };
      break;
    case 'i32':
      data = { layout: 'i32', values: Int32Array.from(part) };
      break;
    case 'f64':
      data = { layout: 'f64', values: part.slice() };
      break;
    default:
      throw new TypeError(`numberVector cannot build a ${type.kind} vector`);
  }
  const nullFlags = nulls?.subarray(0, count);
  return nullFlags && nullFlags.includes(1) ? { type, length: count, data, nulls: nullFlags.slice() } : { type, length: count, data };
}

/**
 * A vector of a 64-bit type (bigint, timestamps, decimal) from per-group values that are numbers (exact integers)
 * or bigints, null for NULL: the `f64` layout when every value is below 2^53, else `big`.
 */
export function int64Vector(type: DataType, count: number, valueOf: (group: number) => number | bigint | null): Vector {
  const numbers = new Float64Array(count);
  let nulls: Uint8Array | undefined;
  let wide: (bigint | null)[] | undefined;
  for (let g = 0; g < count; g++) {
    const v = valueOf(g);
    if (v === null) (nulls ??= new Uint8Array(count))[g] = 1;
    else if (typeof v === 'number') numbers[g] = v;
    else if (v < MAX_EXACT && v > -MAX_EXACT) numbers[g] = Number(v);
    else (wide ??= [])[g] = v;
  }
  if (wide) {
    const values: JsValue[] = Array.from({ length: count }, (_, g) => (nulls?.[g] ? null : (wide[g] ?? BigInt(numbers[g]!))));
    return vectorFromValues(type, values);
  }
  const data: VectorData = { layout: 'f64', values: numbers };
  return nulls ? { type, length: count, data, nulls } : { type, length: count, data };
}

/** A double vector from per-group values, null for NULL. */
export function doubleVector(type: DataType, count: number, valueOf: (group: number) => number | null): Vector {
  const values = new Float64Array(count);
  const nulls = new Uint8Array(count);
  for (let g = 0; g < count; g++) {
    const v = valueOf(g);
    if (v === null) nulls[g] = 1;
    else values[g] = v;
  }
  return numberVector(type, values, count, nulls);
}
