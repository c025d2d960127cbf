// & | ^ ~ and the shift functions on integral types, with Java's two's complement semantics. 64-bit values use
// 32-bit JS operators while they fit in 32 bits (a grouping id always does) and bigints otherwise.
import type { DataType } from '../../types/data-type.js';
import type { Vector } from '../vector.js';
import { bigintsOf, f64Vector, i32Of, i32Vector, int64FromBigints, nullsOf } from './vector-helpers.js';

export type BitwiseOp = '&' | '|' | '^';

const INT32_MIN = -(2 ** 31);
const INT32_MAX = 2 ** 31 - 1;

// The values of a bigint vector when all of them are 32-bit integers, else undefined.
function asInt32(v: Vector): Float64Array | undefined {
  if (v.data.layout !== 'f64') return undefined;
  const a = v.data.values;
  for (let i = 0; i < a.length; i++) if (a[i]! < INT32_MIN || a[i]! > INT32_MAX) return undefined;
  return a;
}

export function bitwise(op: BitwiseOp, left: Vector, right: Vector): Vector {
  const type = left.type;
  const n = left.length;
  const nulls = nullsOf(n, left, right);
  if (type.kind !== 'bigint') {
    const a = i32Of(left);
    const b = i32Of(right);
    const out = new Int32Array(n);
    if (op === '&') for (let i = 0; i < n; i++) out[i] = a[i]! & b[i]!;
    else if (op === '|') for (let i = 0; i < n; i++) out[i] = a[i]! | b[i]!;
    else for (let i = 0; i < n; i++) out[i] = a[i]! ^ b[i]!;
    return i32Vector(type, out, nulls);
  }
  const a32 = asInt32(left);
  const b32 = asInt32(right);
  if (a32 && b32) {
    // Sign-extended 32-bit operands give the sign-extended 32-bit result of the 64-bit operation.
    const out = new Float64Array(n);
    if (op === '&') for (let i = 0; i < n; i++) out[i] = a32[i]! & b32[i]!;
    else if (op === '|') for (let i = 0; i < n; i++) out[i] = a32[i]! | b32[i]!;
    else for (let i = 0; i < n; i++) out[i] = a32[i]! ^ b32[i]!;
    return f64Vector(type, out, nulls);
  }
  const a = bigintsOf(left);
  const b = bigintsOf(right);
  const out = a.map((x, i) => (op === '&' ? x & b[i]! : op === '|' ? x | b[i]! : x ^ b[i]!));
  return int64FromBigints(type, out, nulls);
}

export function bitNot(v: Vector): Vector {
  const n = v.length;
  if (v.type.kind !== 'bigint') {
    const a = i32Of(v);
    const out = new Int32Array(n);
    for (let i = 0; i < n; i++) out[i] = ~a[i]!;
    return i32Vector(v.type, out, v.nulls);
  }
  const a32 = asInt32(v);
  if (a32) return f64Vector(v.type, a32.map((x) => ~x), v.nulls);
  return int64FromBigints(v.type, bigintsOf(v).map((x) => ~x), v.nulls);
}

export type ShiftKind = 'left' | 'right' | 'rightUnsigned';

/** shiftleft / shiftright / shiftrightunsigned: int or bigint `v` by an int count, taken mod 32 or 64 as Java does. */
export function shift(kind: ShiftKind, v: Vector, count: Vector, resultType: DataType): Vector {
  const n = v.length;
  const nulls = nullsOf(n, v, count);
  const c = i32Of(count);
  if (v.type.kind !== 'bigint') {
    const a = i32Of(v);
    const out = new Int32Array(n);
    if (kind === 'left') for (let i = 0; i < n; i++) out[i] = a[i]! << c[i]!;
    else if (kind === 'right') for (let i = 0; i < n; i++) out[i] = a[i]! >> c[i]!;
    else for (let i = 0; i < n; i++) out[i] = a[i]! >>> c[i]!;
    return i32Vector(resultType, out, nulls);
  }
  const a32 = asInt32(v);
  if (a32 && kind === 'right') {
    // An arithmetic right shift of a sign-extended 32-bit value: counts of 32..63 leave only the sign.
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const k = c[i]! & 63;
      out[i] = k < 32 ? a32[i]! >> k : a32[i]! < 0 ? -1 : 0;
    }
    return f64Vector(resultType, out, nulls);
  }
  const a = bigintsOf(v);
  const out = a.map((x, i) => {
    const k = BigInt(c[i]! & 63);
    if (kind === 'left') return BigInt.asIntN(64, x << k);
    if (kind === 'right') return x >> k;
    return BigInt.asIntN(64, BigInt.asUintN(64, x) >> k);
  });
  return int64FromBigints(resultType, out, nulls);
}
