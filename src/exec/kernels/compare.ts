// = <> < <= > >= and <=> over every type, as Spark orders values: NaN equals NaN and is above every other double,
// -0.0 equals 0.0, strings compare by UTF-8 bytes (code points), binary by unsigned bytes, arrays and structs
// element by element with NULL elements first.
import type { ComparisonOp } from '../../logical/expr.js';
import type { DataType } from '../../types/data-type.js';
import type { IntervalValue } from '../../logical/expr.js';
import type { JsValue, Vector } from '../vector.js';
import { valueAt } from '../vector.js';
import { boolOf, boolVector, f64Of, nullsOf, onDictionary, stringsOf } from './vector-helpers.js';

/**
 * Orders strings as Spark does, by their UTF-8 bytes, which is code point order. JS's `<` compares UTF-16 code
 * units, which agrees except between a surrogate (part of a code point above U+FFFF) and U+E000..U+FFFF: there
 * the surrogate's code point is the larger one, so surrogates are moved above that range when they differ.
 */
export function compareUtf8(a: string, b: string): number {
  if (a === b) return 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) {
      if (x >= 0xd800 && y >= 0xd800) return codeUnitRank(x) - codeUnitRank(y);
      return x - y;
    }
  }
  return a.length - b.length;
}

// For units from U+D800 up: surrogates (D800..DFFF) move above E000..FFFF, which move down to make room.
function codeUnitRank(unit: number): number {
  return unit < 0xe000 ? unit + 0x2000 : unit - 0x800;
}

/** Unsigned lexicographic order of byte strings. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Spark's double ordering: NaN = NaN, NaN above everything, -0.0 = 0.0. */
export function compareDoubles(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  const aNaN = a !== a;
  return aNaN === (b !== b) ? 0 : aNaN ? 1 : -1;
}

/** The order of two non-NULL JsValues of `type` (negative, zero, positive). */
export function compareValues(type: DataType, a: JsValue, b: JsValue): number {
  switch (type.kind) {
    case 'null':
      return 0;
    case 'boolean':
      return a === b ? 0 : a ? 1 : -1;
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
      return (a as number) - (b as number);
    case 'float':
    case 'double':
      return compareDoubles(a as number, b as number);
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
    case 'decimal':
      return a === b ? 0 : (a as bigint) < (b as bigint) ? -1 : 1;
    case 'string':
      return compareUtf8(a as string, b as string);
    case 'binary':
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case 'interval':
      return compareIntervals(a as IntervalValue, b as IntervalValue);
    case 'array':
      return compareSequences(type.element, a as readonly JsValue[], b as readonly JsValue[]);
    case 'struct': {
      for (const f of type.fields) {
        const c = compareNullable(f.type, (a as Record<string, JsValue>)[f.name], (b as Record<string, JsValue>)[f.name]);
        if (c !== 0) return c;
      }
      return 0;
    }
    case 'map': {
      // Maps have no SQL order; this total order only makes equality and set operations deterministic.
      const ea = [...(a as Map<JsValue, JsValue>)];
      const eb = [...(b as Map<JsValue, JsValue>)];
      if (ea.length !== eb.length) return ea.length - eb.length;
      for (let i = 0; i < ea.length; i++) {
        const c = compareNullable(type.key, ea[i]![0], eb[i]![0]) || compareNullable(type.value, ea[i]![1], eb[i]![1]);
        if (c !== 0) return c;
      }
      return 0;
    }
  }
}

/** compareValues where NULL (null or undefined) sorts first, as inside arrays and structs. */
export function compareNullable(type: DataType, a: JsValue, b: JsValue): number {
  const aNull = a === null || a === undefined;
  const bNull = b === null || b === undefined;
  if (aNull || bNull) return aNull === bNull ? 0 : aNull ? -1 : 1;
  return compareValues(type, a, b);
}

function compareSequences(element: DataType, a: readonly JsValue[], b: readonly JsValue[]): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compareNullable(element, a[i], b[i]);
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareIntervals(a: IntervalValue, b: IntervalValue): number {
  if (a.months !== b.months) return a.months - b.months;
  if (a.days !== b.days) return a.days - b.days;
  const x = BigInt(a.micros);
  const y = BigInt(b.micros);
  return x === y ? 0 : x < y ? -1 : 1;
}

/** Whether a three-way comparison result satisfies `op` (not `<=>`, which is `=` with NULL handling). */
export function satisfies(op: ComparisonOp, c: number): boolean {
  switch (op) {
    case '=':
    case '<=>':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '>=':
      return c >= 0;
  }
}

/** `a op b` written the other way round: `b flip(op) a`. */
export function flip(op: ComparisonOp): ComparisonOp {
  switch (op) {
    case '<':
      return '>';
    case '<=':
      return '>=';
    case '>':
      return '<';
    case '>=':
      return '<=';
    default:
      return op;
  }
}

// ───────────────────────────── vector op vector ─────────────────────────────

/**
 * `left op right` row by row; both sides have the same type (the analyzer cast them). NULL where either side is,
 * except for `<=>`, which is never NULL.
 */
export function compare(op: ComparisonOp, left: Vector, right: Vector): Vector {
  const n = left.length;
  const out = new Uint8Array(n);
  const type = left.type;
  const ld = left.data;
  const rd = right.data;
  if (type.kind === 'float' || type.kind === 'double') {
    const a = f64Of(left);
    const b = f64Of(right);
    for (let i = 0; i < n; i++) out[i] = satisfies(op, compareDoubles(a[i]!, b[i]!)) ? 1 : 0;
  } else if (ld.layout === 'f64' && rd.layout === 'f64') {
    compareF64Arrays(op, ld.values, rd.values, out);
  } else if (ld.layout === 'i32' && rd.layout === 'i32') {
    compareI32Arrays(op, ld.values, rd.values, out);
  } else if (ld.layout === 'bool' && rd.layout === 'bool') {
    compareNumberArrays(op, ld.values, rd.values, out);
  } else if (type.kind === 'string') {
    const a = stringsOf(left);
    const b = stringsOf(right);
    if (op === '=' || op === '<=>') for (let i = 0; i < n; i++) out[i] = a[i] === b[i] ? 1 : 0;
    else if (op === '<>') for (let i = 0; i < n; i++) out[i] = a[i] === b[i] ? 0 : 1;
    else for (let i = 0; i < n; i++) out[i] = satisfies(op, compareUtf8(a[i]!, b[i]!)) ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) {
      if (left.nulls?.[i] === 1 || right.nulls?.[i] === 1) continue;
      out[i] = satisfies(op, compareValues(type, valueAt(left, i), valueAt(right, i))) ? 1 : 0;
    }
  }
  if (op === '<=>') return nullSafe(out, left.nulls, right.nulls);
  return boolVector({ kind: 'boolean' }, out, nullsOf(n, left, right));
}

// The loops below are written once per typed-array type on purpose: one loop fed Int32Arrays and Float64Arrays
// alike gets polymorphic element loads, several times slower than monomorphic ones in V8. `+(a < b)` rather than
// `a < b ? 1 : 0` compiles without a branch, which filters on unsorted data would mispredict half the time.

function compareF64Arrays(op: ComparisonOp, a: Float64Array, b: Float64Array, out: Uint8Array): void {
  const n = out.length;
  switch (op) {
    case '=':
    case '<=>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] === b[i]);
      return;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] !== b[i]);
      return;
    case '<':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! < b[i]!);
      return;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! <= b[i]!);
      return;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! > b[i]!);
      return;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! >= b[i]!);
      return;
  }
}

function compareI32Arrays(op: ComparisonOp, a: Int32Array, b: Int32Array, out: Uint8Array): void {
  const n = out.length;
  switch (op) {
    case '=':
    case '<=>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] === b[i]);
      return;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] !== b[i]);
      return;
    case '<':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! < b[i]!);
      return;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! <= b[i]!);
      return;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! > b[i]!);
      return;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! >= b[i]!);
      return;
  }
}

/** Booleans (0/1 bytes); also the shape of the typed-array loops above. */
function compareNumberArrays(op: ComparisonOp, a: Uint8Array, b: Uint8Array, out: Uint8Array): void {
  const n = out.length;
  switch (op) {
    case '=':
    case '<=>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] === b[i]);
      return;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] !== b[i]);
      return;
    case '<':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! < b[i]!);
      return;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! <= b[i]!);
      return;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! > b[i]!);
      return;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! >= b[i]!);
      return;
  }
}

// `<=>`: both NULL is true, one NULL is false, otherwise the `=` result already in `out`.
function nullSafe(out: Uint8Array, a: Uint8Array | undefined, b: Uint8Array | undefined): Vector {
  if (a || b) {
    for (let i = 0; i < out.length; i++) {
      const an = a?.[i] === 1;
      const bn = b?.[i] === 1;
      if (an || bn) out[i] = an && bn ? 1 : 0;
    }
  }
  return boolVector({ kind: 'boolean' }, out, undefined);
}

// ───────────────────────────── vector op constant ─────────────────────────────

/**
 * `v op constant` (a NULL constant is `null`): the common shape of filters, with loops that read one array, and a
 * dictionary compared once per entry.
 */
export function compareToConstant(op: ComparisonOp, v: Vector, constant: JsValue): Vector {
  const n = v.length;
  const out = new Uint8Array(n);
  if (constant === null || constant === undefined) {
    if (op === '<=>') {
      for (let i = 0; i < n; i++) out[i] = v.nulls?.[i] === 1 ? 1 : 0;
      return boolVector({ kind: 'boolean' }, out, undefined);
    }
    return boolVector({ kind: 'boolean' }, out, new Uint8Array(n).fill(1));
  }
  const dict = onDictionary(v, (entries) => compareToConstant(op, entries, constant));
  if (dict) return op === '<=>' ? nullSafe(boolOf(dict), v.nulls, undefined) : dict;
  const type = v.type;
  const d = v.data;
  if (type.kind === 'float' || type.kind === 'double') {
    const a = f64Of(v);
    const c = constant as number;
    for (let i = 0; i < n; i++) out[i] = satisfies(op, compareDoubles(a[i]!, c)) ? 1 : 0;
  } else if (d.layout === 'i32' || d.layout === 'f64' || d.layout === 'bool') {
    // A bigint constant beyond 2^53 still orders correctly as a double against values that are all below 2^53.
    const c = typeof constant === 'boolean' ? Number(constant) : Number(constant as number | bigint);
    if (d.layout === 'f64') compareF64ToConstant(op, d.values, c, out);
    else if (d.layout === 'i32') compareI32ToConstant(op, d.values, c, out);
    else compareNumberToConstant(op, d.values, c, out);
  } else if (d.layout === 'str') {
    const a = d.values;
    const c = constant as string;
    if (op === '=' || op === '<=>') for (let i = 0; i < n; i++) out[i] = a[i] === c ? 1 : 0;
    else if (op === '<>') for (let i = 0; i < n; i++) out[i] = a[i] === c ? 0 : 1;
    else for (let i = 0; i < n; i++) out[i] = satisfies(op, compareUtf8(a[i]!, c)) ? 1 : 0;
  } else {
    for (let i = 0; i < n; i++) {
      if (v.nulls?.[i] === 1) continue;
      out[i] = satisfies(op, compareValues(type, valueAt(v, i), constant)) ? 1 : 0;
    }
  }
  return op === '<=>' ? nullSafe(out, v.nulls, undefined) : boolVector({ kind: 'boolean' }, out, v.nulls);
}

// One copy per typed-array type, as for the vector-vector loops.
function compareF64ToConstant(op: ComparisonOp, a: Float64Array, c: number, out: Uint8Array): void {
  const n = out.length;
  switch (op) {
    case '=':
    case '<=>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] === c);
      return;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] !== c);
      return;
    case '<':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! < c);
      return;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! <= c);
      return;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! > c);
      return;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! >= c);
      return;
  }
}

function compareI32ToConstant(op: ComparisonOp, a: Int32Array, c: number, out: Uint8Array): void {
  const n = out.length;
  switch (op) {
    case '=':
    case '<=>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] === c);
      return;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] !== c);
      return;
    case '<':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! < c);
      return;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! <= c);
      return;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! > c);
      return;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! >= c);
      return;
  }
}

/** Booleans (0/1 bytes) against 0 or 1. */
function compareNumberToConstant(op: ComparisonOp, a: Uint8Array, c: number, out: Uint8Array): void {
  const n = out.length;
  switch (op) {
    case '=':
    case '<=>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] === c);
      return;
    case '<>':
      for (let i = 0; i < n; i++) out[i] = +(a[i] !== c);
      return;
    case '<':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! < c);
      return;
    case '<=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! <= c);
      return;
    case '>':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! > c);
      return;
    case '>=':
      for (let i = 0; i < n; i++) out[i] = +(a[i]! >= c);
      return;
  }
}
