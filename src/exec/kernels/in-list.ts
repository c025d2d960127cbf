// `x IN (…)` with three-valued logic: TRUE on a match, else NULL when x or some item is NULL, else FALSE. A list
// of constants becomes a hash set once per query; a dictionary column is looked up once per entry.
import type { DataType } from '../../types/data-type.js';
import type { JsValue, Vector } from '../vector.js';
import { MAX_EXACT, valueAt } from '../vector.js';
import { compare, compareValues } from './compare.js';
import { or } from './logic.js';
import { boolVector, copyNulls, onDictionary } from './vector-helpers.js';

/** The constant items of an IN list, keyed the way the operand's rows are looked up. */
export interface InSet {
  readonly type: DataType;
  /** Numbers (any numeric layout, dates, booleans as 0/1) and strings. */
  readonly keys: Set<number | string>;
  /** 64-bit values (bigint, timestamps, decimals), for operand rows in the `big` layout. */
  readonly bigKeys: Set<bigint>;
  /** Items of the other types, compared one by one. */
  readonly others: readonly JsValue[];
  readonly hasNull: boolean;
}

export function inSet(type: DataType, items: readonly JsValue[]): InSet {
  const keys = new Set<number | string>();
  const bigKeys = new Set<bigint>();
  const others: JsValue[] = [];
  let hasNull = false;
  for (const item of items) {
    if (item === null || item === undefined) hasNull = true;
    else if (typeof item === 'bigint') {
      bigKeys.add(item);
      // Only values below 2^53 can occur in an `f64` vector; larger items can match `big` rows only.
      if (item < BigInt(MAX_EXACT) && item > -BigInt(MAX_EXACT)) keys.add(Number(item));
    } else if (typeof item === 'number' || typeof item === 'string') keys.add(item);
    else if (typeof item === 'boolean') keys.add(item ? 1 : 0);
    else others.push(item);
  }
  return { type, keys, bigKeys, others, hasNull };
}

/**
 * `v IN set`. Set membership is SameValueZero, which is Spark's equality for doubles too (NaN = NaN, 0.0 = -0.0).
 */
export function inConstantSet(v: Vector, set: InSet): Vector {
  const dict = onDictionary(v, (entries) => inConstantSet(entries, set));
  if (dict) return dict;
  const n = v.length;
  const out = new Uint8Array(n);
  const d = v.data;
  switch (d.layout) {
    case 'bool':
    case 'i32':
    case 'f64':
    case 'str': {
      const values: ArrayLike<number | string> = d.values;
      for (let i = 0; i < n; i++) out[i] = set.keys.has(values[i]!) ? 1 : 0;
      break;
    }
    case 'big':
      for (let i = 0; i < n; i++) out[i] = set.bigKeys.has(d.values[i]!) ? 1 : 0;
      break;
    case 'dict':
      // A dictionary larger than the vector (a few rows gathered from a big row group) is looked up row by row.
      for (let i = 0; i < n; i++) out[i] = set.keys.has(d.dictionary[d.codes[i]!]!) ? 1 : 0;
      break;
    default:
      // Binary, intervals and nested values: compared with each item.
      for (let i = 0; i < n; i++) {
        if (v.nulls?.[i] === 1) continue;
        const x = valueAt(v, i);
        out[i] = set.others.some((item) => compareValues(v.type, x, item) === 0) ? 1 : 0;
      }
  }
  let nulls = v.nulls;
  if (set.hasNull) {
    nulls = copyNulls(n, v.nulls);
    for (let i = 0; i < n; i++) if (out[i] === 0) nulls[i] = 1;
  }
  return boolVector({ kind: 'boolean' }, out, nulls);
}

/** `v IN (items…)` for items that are not all constants: the OR of the equalities, each three-valued. */
export function inVectors(v: Vector, items: readonly Vector[]): Vector {
  let result: Vector | undefined;
  for (const item of items) {
    const eq = compare('=', v, item);
    result = result ? or(result, eq) : eq;
  }
  return result ?? boolVector({ kind: 'boolean' }, new Uint8Array(v.length), undefined);
}
