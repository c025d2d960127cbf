// Reading and building vectors inside kernels: NULL masks, string and bigint views of any layout, 64-bit results
// that pick the `f64` or `big` layout, and running a kernel on a dictionary's entries instead of its rows.
import type { DataType } from '../../types/data-type.js';
import type { Vector, VectorData } from '../vector.js';
import { MAX_EXACT, valueAt, vectorFromValues } from '../vector.js';
import { take } from './take.js';

/**
 * The NULL mask of rows where any of `vectors` is NULL, or undefined when none has NULLs. It may be one of the
 * inputs' own masks: never write to it (use `copyNulls` to add NULLs).
 */
export function nullsOf(length: number, ...vectors: readonly Vector[]): Uint8Array | undefined {
  let shared: Uint8Array | undefined;
  let merged: Uint8Array | undefined;
  for (const v of vectors) {
    const m = v.nulls;
    if (!m) continue;
    if (!shared) {
      shared = m;
      continue;
    }
    if (!merged) merged = Uint8Array.from(shared);
    for (let i = 0; i < length; i++) merged[i] = merged[i]! | m[i]!;
  }
  return merged ?? shared;
}

/** A fresh, writable NULL mask: a copy of `base`, or all zeros. */
export function copyNulls(length: number, base: Uint8Array | undefined): Uint8Array {
  return base ? Uint8Array.from(base) : new Uint8Array(length);
}

/**
 * A NULL mask that starts as the inputs' (`base`, shared, never written) and is copied on the first NULL a kernel
 * adds itself (a zero divisor, text that does not parse).
 */
export class NullMask {
  private mask: Uint8Array | undefined;

  constructor(
    private readonly length: number,
    private readonly base: Uint8Array | undefined,
  ) {}

  set(i: number): void {
    (this.mask ??= copyNulls(this.length, this.base))[i] = 1;
  }

  /** Whether row `i` is NULL in the input (the rows a kernel skips). */
  isInputNull(i: number): boolean {
    return this.base !== undefined && this.base[i] === 1;
  }

  get result(): Uint8Array | undefined {
    return this.mask ?? this.base;
  }
}

/** The values of a vector whose layout is known to be `f64` (float, double, or 64-bit types on the fast path). */
export function f64Of(v: Vector): Float64Array {
  if (v.data.layout !== 'f64') throw new TypeError(`expected layout f64, got ${v.data.layout}`);
  return v.data.values;
}

export function i32Of(v: Vector): Int32Array {
  if (v.data.layout !== 'i32') throw new TypeError(`expected layout i32, got ${v.data.layout}`);
  return v.data.values;
}

export function boolOf(v: Vector): Uint8Array {
  if (v.data.layout !== 'bool') throw new TypeError(`expected layout bool, got ${v.data.layout}`);
  return v.data.values;
}

export function objOf(v: Vector): readonly unknown[] {
  if (v.data.layout !== 'obj') throw new TypeError(`expected layout obj, got ${v.data.layout}`);
  return v.data.values;
}

/** A vector with `data` and, when given, a NULL mask. */
export function makeVector(type: DataType, length: number, data: VectorData, nulls: Uint8Array | undefined): Vector {
  return nulls ? { type, length, data, nulls } : { type, length, data };
}

export function boolVector(type: DataType, values: Uint8Array, nulls: Uint8Array | undefined): Vector {
  return makeVector(type, values.length, { layout: 'bool', values }, nulls);
}

export function i32Vector(type: DataType, values: Int32Array, nulls: Uint8Array | undefined): Vector {
  return makeVector(type, values.length, { layout: 'i32', values }, nulls);
}

export function f64Vector(type: DataType, values: Float64Array, nulls: Uint8Array | undefined): Vector {
  return makeVector(type, values.length, { layout: 'f64', values }, nulls);
}

export function strVector(type: DataType, values: readonly string[], nulls: Uint8Array | undefined): Vector {
  return makeVector(type, values.length, { layout: 'str', values }, nulls);
}

export function objVector(type: DataType, values: readonly unknown[], nulls: Uint8Array | undefined): Vector {
  return makeVector(type, values.length, { layout: 'obj', values }, nulls);
}

/** The row values of a string vector (a dictionary is decoded: one array per batch, no per-row work after). */
export function stringsOf(v: Vector): readonly string[] {
  const d = v.data;
  if (d.layout === 'str') return d.values;
  if (d.layout === 'dict') {
    const out = new Array<string>(v.length);
    const { codes, dictionary } = d;
    for (let i = 0; i < out.length; i++) out[i] = dictionary[codes[i]!] ?? '';
    return out;
  }
  throw new TypeError(`expected a string vector, got layout ${d.layout}`);
}

/** The values of a bigint, timestamp or decimal vector as bigints (the slow, exact path). */
export function bigintsOf(v: Vector): readonly bigint[] {
  const d = v.data;
  if (d.layout === 'big') return d.values;
  if (d.layout === 'f64' || d.layout === 'i32') {
    const out = new Array<bigint>(v.length);
    for (let i = 0; i < out.length; i++) out[i] = BigInt(d.values[i]!);
    return out;
  }
  throw new TypeError(`expected a 64-bit integer vector, got layout ${d.layout}`);
}

/**
 * The values of a numeric vector as doubles (bigint-layout values rounded to the nearest double): the right view
 * where the result is a double anyway (math functions, casts to double).
 */
export function doublesOf(v: Vector): Float64Array | Int32Array | Uint8Array {
  const d = v.data;
  switch (d.layout) {
    case 'f64':
    case 'i32':
    case 'bool':
      return d.values;
    case 'big':
      return Float64Array.from(d.values, Number);
    default:
      throw new TypeError(`expected a numeric vector, got layout ${d.layout}`);
  }
}

/**
 * Timestamps (microseconds) as doubles: exact within 2^53 µs of 1970 (the years 1685 to 2255); `big`-layout values
 * beyond that are read as the nearest double.
 */
export function timestampsOf(v: Vector): Float64Array {
  const d = v.data;
  if (d.layout === 'f64') return d.values;
  if (d.layout === 'big') return Float64Array.from(d.values, Number);
  throw new TypeError(`expected a timestamp vector, got layout ${d.layout}`);
}

/** A bigint/timestamp/decimal vector from bigints: the `f64` layout when they all fit, else `big`. */
export function int64FromBigints(type: DataType, values: bigint[], nulls: Uint8Array | undefined): Vector {
  const limit = BigInt(MAX_EXACT);
  const n = values.length;
  let fits = true;
  for (let i = 0; i < n; i++) {
    const x = values[i]!;
    if (x >= limit || x <= -limit) {
      // A NULL row's placeholder does not decide the layout.
      if (nulls?.[i] === 1) values[i] = 0n;
      else {
        fits = false;
        break;
      }
    }
  }
  if (!fits) return makeVector(type, n, { layout: 'big', values }, nulls);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Number(values[i]!);
  return f64Vector(type, out, nulls);
}

/** A vector of `length` NULLs of `type`. */
export function nullVector(type: DataType, length: number): Vector {
  return vectorFromValues(type, new Array<null>(length).fill(null));
}

/** Every row's value as a JsValue (nested types and other slow paths). */
export function jsValuesOf(v: Vector): unknown[] {
  const out = new Array<unknown>(v.length);
  for (let i = 0; i < v.length; i++) out[i] = valueAt(v, i);
  return out;
}

/**
 * Runs `kernel` (whose other operands are constants) on the distinct entries of a dictionary vector instead of on
 * every row, when the dictionary is no longer than the batch: a string result stays dictionary-encoded with the
 * same codes, any other result is gathered by code. Returns undefined for vectors that are not dictionaries.
 */
export function onDictionary(v: Vector, kernel: (entries: Vector) => Vector): Vector | undefined {
  const d = v.data;
  if (d.layout !== 'dict' || d.dictionary.length > v.length) return undefined;
  const entries = kernel(strVector(v.type, d.dictionary, undefined));
  const n = v.length;
  const entryNulls = entries.nulls;
  let nulls = v.nulls;
  if (entryNulls) {
    nulls = copyNulls(n, v.nulls);
    for (let i = 0; i < n; i++) if (entryNulls[d.codes[i]!] === 1) nulls[i] = 1;
  }
  if (entries.data.layout === 'str') {
    return makeVector(entries.type, n, { layout: 'dict', codes: d.codes, dictionary: entries.data.values }, nulls);
  }
  // NULL rows may hold any code: gather from code 0 there (their value is unspecified anyway).
  const gathered = take({ ...entries, nulls: undefined } as Vector, d.codes);
  return nulls ? { ...gathered, nulls } : gathered;
}
