// + - * / % div pmod, unary minus and abs over every numeric type, with Spark's non-ANSI semantics: integers wrap
// around like Java's, division and remainder by zero give NULL, decimals are exact (HALF_UP to the result scale,
// NULL when the result needs more digits than its precision).
import type { DataType } from '../../types/data-type.js';
import type { Vector } from '../vector.js';
import { MAX_EXACT } from '../vector.js';
import { POW10_F64, divideRounded, fitsPrecision, pow10, rescale } from './decimal.js';
import { NullMask, bigintsOf, f64Of, f64Vector, i32Of, i32Vector, int64FromBigints, nullsOf } from './vector-helpers.js';

export type ArithmeticOp = '+' | '-' | '*' | '/' | '%' | 'div' | 'pmod';

type DecimalType = Extract<DataType, { kind: 'decimal' }>;

/**
 * `left op right` for operands of the types the analyzer gave them: equal numeric types, or two decimals of any
 * precision and scale (their result has `resultType`; `div` of decimals gives bigint).
 *
 * @example arithmetic('*', price, discount, decimal(31, 4))
 */
export function arithmetic(op: ArithmeticOp, left: Vector, right: Vector, resultType: DataType): Vector {
  const n = left.length;
  const nulls = nullsOf(n, left, right);
  if (left.type.kind === 'decimal' && right.type.kind === 'decimal') {
    return decimalArithmetic(op, left, right, left.type, right.type, resultType, nulls);
  }
  switch (resultType.kind) {
    case 'tinyint':
    case 'smallint':
    case 'int':
      return int32Arithmetic(op, left, right, resultType, nulls);
    case 'bigint':
      return int64Arithmetic(op, left, right, resultType, nulls);
    case 'float':
    case 'double':
      return floatArithmetic(op, left, right, resultType, nulls);
    default:
      throw new TypeError(`arithmetic on ${resultType.kind}`);
  }
}

// ───────────────────────────── 8, 16 and 32-bit integers ─────────────────────────────

const WRAP_SHIFT: Partial<Record<DataType['kind'], number>> = { tinyint: 24, smallint: 16, int: 0 };

function int32Arithmetic(op: ArithmeticOp, left: Vector, right: Vector, type: DataType, nulls: Uint8Array | undefined): Vector {
  const a = i32Of(left);
  const b = i32Of(right);
  const n = a.length;
  const out = new Int32Array(n);
  const outNulls = new NullMask(n, nulls);
  // An Int32Array stores modulo 2^32, which is Java's int overflow; Math.imul keeps the low 32 bits of a product.
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
      break;
    case '-':
      for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
      break;
    case '*':
      for (let i = 0; i < n; i++) out[i] = Math.imul(a[i]!, b[i]!);
      break;
    case '%':
    case 'pmod':
    case 'div':
      for (let i = 0; i < n; i++) {
        const d = b[i]!;
        if (d === 0) {
          outNulls.set(i);
          continue;
        }
        const x = a[i]!;
        const r = x % d;
        out[i] = op === '%' ? r : op === 'pmod' ? integerPmod(r, d) : (x - r) / d;
      }
      break;
    case '/':
      throw new TypeError('integer `/` is typed double by the analyzer');
  }
  const shift = WRAP_SHIFT[type.kind] ?? 0;
  if (shift) for (let i = 0; i < n; i++) out[i] = (out[i]! << shift) >> shift;
  return i32Vector(type, out, outNulls.result);
}

/**
 * Spark's pmod of integers, `r < 0 ? (r + d) % d : r` for the remainder r = x % d: for d > 0 that is r + d, and
 * for d < 0 it is r itself (r + d lies between 2d and d).
 */
function integerPmod(r: number, d: number): number {
  return r < 0 && d > 0 ? r + d : r;
}

// ───────────────────────────── 64-bit integers ─────────────────────────────

function int64Arithmetic(op: ArithmeticOp, left: Vector, right: Vector, type: DataType, nulls: Uint8Array | undefined): Vector {
  if (left.data.layout === 'f64' && right.data.layout === 'f64') {
    const fast = int64OnDoubles(op, left.data.values, right.data.values, type, nulls);
    if (fast) return fast;
  }
  return int64OnBigints(op, bigintsOf(left), bigintsOf(right), type, nulls);
}

// Exact while every result stays below 2^53: a double sum, difference or product of such integers is exact exactly
// when its magnitude is below 2^53, so one comparison per row detects the batches that need bigints.
function int64OnDoubles(
  op: ArithmeticOp,
  a: Float64Array,
  b: Float64Array,
  type: DataType,
  nulls: Uint8Array | undefined,
): Vector | undefined {
  const n = a.length;
  const out = new Float64Array(n);
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) {
        const r = a[i]! + b[i]!;
        if (r >= MAX_EXACT || r <= -MAX_EXACT) return undefined;
        out[i] = r;
      }
      return f64Vector(type, out, nulls);
    case '-':
      for (let i = 0; i < n; i++) {
        const r = a[i]! - b[i]!;
        if (r >= MAX_EXACT || r <= -MAX_EXACT) return undefined;
        out[i] = r;
      }
      return f64Vector(type, out, nulls);
    case '*':
      for (let i = 0; i < n; i++) {
        const r = a[i]! * b[i]!;
        if (r >= MAX_EXACT || r <= -MAX_EXACT) return undefined;
        out[i] = r + 0; // no -0 in an integer column
      }
      return f64Vector(type, out, nulls);
    default:
      return f64Vector(type, out, divideDoubles(op, a, b, out, nulls));
  }
}

// %, pmod and div of exact integers in doubles: fmod is exact, and (x - x % d) is an exact multiple of d.
function divideDoubles(
  op: ArithmeticOp,
  a: Float64Array,
  b: Float64Array,
  out: Float64Array,
  nulls: Uint8Array | undefined,
): Uint8Array | undefined {
  const n = a.length;
  const outNulls = new NullMask(n, nulls);
  for (let i = 0; i < n; i++) {
    const d = b[i]!;
    if (d === 0) {
      outNulls.set(i);
      continue;
    }
    const x = a[i]!;
    const r = x % d;
    out[i] = (op === '%' ? r : op === 'pmod' ? integerPmod(r, d) : (x - r) / d) + 0;
  }
  return outNulls.result;
}

function int64OnBigints(
  op: ArithmeticOp,
  a: readonly bigint[],
  b: readonly bigint[],
  type: DataType,
  nulls: Uint8Array | undefined,
): Vector {
  const n = a.length;
  const out = new Array<bigint>(n);
  const outNulls = new NullMask(n, nulls);
  for (let i = 0; i < n; i++) {
    out[i] = 0n;
    if (nulls?.[i] === 1) continue;
    const x = a[i]!;
    const y = b[i]!;
    let r: bigint;
    switch (op) {
      case '+':
        r = x + y;
        break;
      case '-':
        r = x - y;
        break;
      case '*':
        r = x * y;
        break;
      default:
        if (y === 0n) {
          outNulls.set(i);
          continue;
        }
        r = op === 'div' ? x / y : x % y;
        if (op === 'pmod' && r < 0n && y > 0n) r += y;
    }
    out[i] = BigInt.asIntN(64, r);
  }
  return int64FromBigints(type, out, outNulls.result);
}

// ───────────────────────────── float and double ─────────────────────────────

function floatArithmetic(op: ArithmeticOp, left: Vector, right: Vector, type: DataType, nulls: Uint8Array | undefined): Vector {
  const a = f64Of(left);
  const b = f64Of(right);
  const n = a.length;
  const out = new Float64Array(n);
  const outNulls = new NullMask(n, nulls);
  switch (op) {
    case '+':
      for (let i = 0; i < n; i++) out[i] = a[i]! + b[i]!;
      break;
    case '-':
      for (let i = 0; i < n; i++) out[i] = a[i]! - b[i]!;
      break;
    case '*':
      for (let i = 0; i < n; i++) out[i] = a[i]! * b[i]!;
      break;
    default:
      // Spark's Divide and Remainder give NULL for a zero divisor, even for doubles.
      for (let i = 0; i < n; i++) {
        const d = b[i]!;
        if (d === 0) {
          outNulls.set(i);
          continue;
        }
        const x = a[i]!;
        if (op === '/') out[i] = x / d;
        else if (op === 'pmod') {
          const r = x % d;
          out[i] = r < 0 ? (r + d) % d : r;
        } else out[i] = x % d;
      }
  }
  // A float result is the double result rounded once to float, which is the correctly rounded float operation.
  if (type.kind === 'float') for (let i = 0; i < n; i++) out[i] = Math.fround(out[i]!);
  return f64Vector(type, out, outNulls.result);
}

// ───────────────────────────── decimals ─────────────────────────────

function decimalArithmetic(
  op: ArithmeticOp,
  left: Vector,
  right: Vector,
  ta: DecimalType,
  tb: DecimalType,
  resultType: DataType,
  nulls: Uint8Array | undefined,
): Vector {
  if (left.data.layout === 'f64' && right.data.layout === 'f64' && resultType.kind === 'decimal') {
    const fast = decimalOnDoubles(op, left.data.values, right.data.values, ta.scale, tb.scale, resultType, nulls);
    if (fast) return fast;
  }
  return decimalOnBigints(op, bigintsOf(left), bigintsOf(right), ta.scale, tb.scale, resultType, nulls);
}

/**
 * The unscaled result of one decimal operation, exact, or undefined for NULL (zero divisor, precision overflow).
 * `sa`, `sb` are the operand scales; `resultType` the decimal result (or bigint for div).
 */
function decimalOp(op: ArithmeticOp, x: bigint, y: bigint, sa: number, sb: number, resultType: DataType): bigint | undefined {
  const c = Math.max(sa, sb);
  const xc = x * pow10(c - sa);
  const yc = y * pow10(c - sb);
  if (op === 'div') return yc === 0n ? undefined : BigInt.asIntN(64, xc / yc);
  if (resultType.kind !== 'decimal') throw new TypeError(`decimal ${op} gives a decimal`);
  const s = resultType.scale;
  let r: bigint;
  switch (op) {
    case '+':
      r = rescale(xc + yc, c, s);
      break;
    case '-':
      r = rescale(xc - yc, c, s);
      break;
    case '*':
      r = rescale(x * y, sa + sb, s);
      break;
    case '/': {
      if (y === 0n) return undefined;
      // x·10^-sa / (y·10^-sb) at scale s is x·10^(s+sb-sa) / y, rounded once (Spark since SPARK-45786).
      const e = s + sb - sa;
      r = e >= 0 ? divideRounded(x * pow10(e), y, 'halfUp') : divideRounded(x, y * pow10(-e), 'halfUp');
      break;
    }
    case '%':
    case 'pmod': {
      if (yc === 0n) return undefined;
      let m = xc % yc;
      if (op === 'pmod' && m < 0n && yc > 0n) m += yc;
      r = rescale(m, c, s);
      break;
    }
  }
  return fitsPrecision(r, resultType.precision) ? r : undefined;
}

function decimalOnBigints(
  op: ArithmeticOp,
  a: readonly bigint[],
  b: readonly bigint[],
  sa: number,
  sb: number,
  resultType: DataType,
  nulls: Uint8Array | undefined,
): Vector {
  const n = a.length;
  const out = new Array<bigint>(n);
  const outNulls = new NullMask(n, nulls);
  for (let i = 0; i < n; i++) {
    out[i] = 0n;
    if (nulls?.[i] === 1) continue;
    const r = decimalOp(op, a[i]!, b[i]!, sa, sb, resultType);
    if (r === undefined) outNulls.set(i);
    else out[i] = r;
  }
  return int64FromBigints(resultType, out, outNulls.result);
}

/**
 * + - * % pmod on unscaled values held exactly in doubles. Returns undefined when some intermediate could reach
 * 2^53 (the caller redoes the batch with bigints) or when the operation does not have a double form here
 * (division, which scales the dividend far past 2^53, and results whose scale was cut below the operands').
 */
function decimalOnDoubles(
  op: ArithmeticOp,
  a: Float64Array,
  b: Float64Array,
  sa: number,
  sb: number,
  resultType: DecimalType,
  nulls: Uint8Array | undefined,
): Vector | undefined {
  const s = resultType.scale;
  const n = a.length;
  const out = new Float64Array(n);
  const outNulls = new NullMask(n, nulls);
  // Precisions of 16 and more hold every integer below 2^53; smaller ones need a check.
  const limit = resultType.precision <= 15 ? POW10_F64[resultType.precision]! : Infinity;
  if (op === '*') {
    const k = sa + sb - s;
    if (k > 22) return undefined;
    const unit = POW10_F64[k]!;
    for (let i = 0; i < n; i++) {
      const p = a[i]! * b[i]!;
      if (p >= MAX_EXACT || p <= -MAX_EXACT) return undefined;
      let r = p;
      if (k > 0) {
        // HALF_UP without leaving exact integers: the remainder is exact, and so is the division of p - rem.
        const rem = p % unit;
        r = (p - rem) / unit;
        if (2 * Math.abs(rem) >= unit) r += p < 0 ? -1 : 1;
      }
      if (r >= limit || r <= -limit) outNulls.set(i);
      else out[i] = r + 0;
    }
    return f64Vector(resultType, out, outNulls.result);
  }
  if (op === '/' || op === 'div') return undefined;
  const c = Math.max(sa, sb);
  if (s !== c || c - sa > 22 || c - sb > 22) return undefined;
  const fa = POW10_F64[c - sa]!;
  const fb = POW10_F64[c - sb]!;
  if (op === '+' || op === '-') {
    // Subtraction adds the negated right side, so one loop serves both.
    const fy = op === '+' ? fb : -fb;
    for (let i = 0; i < n; i++) {
      const x = a[i]! * fa;
      const y = b[i]! * fy;
      const r = x + y;
      if (!(x < MAX_EXACT && x > -MAX_EXACT && y < MAX_EXACT && y > -MAX_EXACT && r < MAX_EXACT && r > -MAX_EXACT)) return undefined;
      if (r >= limit || r <= -limit) outNulls.set(i);
      else out[i] = r + 0;
    }
    return f64Vector(resultType, out, outNulls.result);
  }
  for (let i = 0; i < n; i++) {
    const x = a[i]! * fa;
    const y = b[i]! * fb;
    if (!(x < MAX_EXACT && x > -MAX_EXACT && y < MAX_EXACT && y > -MAX_EXACT)) return undefined;
    if (y === 0) {
      outNulls.set(i);
      continue;
    }
    let r = x % y;
    if (op === 'pmod') r = integerPmod(r, y);
    if (r >= limit || r <= -limit) outNulls.set(i);
    else out[i] = r + 0;
  }
  return f64Vector(resultType, out, outNulls.result);
}

// ───────────────────────────── unary ─────────────────────────────

/** -x: integers wrap (-MIN_VALUE is MIN_VALUE, as in Java), decimals keep their type. */
export function negate(v: Vector): Vector {
  return mapNumeric(v, (x) => -x, (x) => -x);
}

/** abs(x): integers wrap (abs(MIN_VALUE) is MIN_VALUE, as in Java). */
export function abs(v: Vector): Vector {
  return mapNumeric(v, Math.abs, (x) => (x < 0n ? -x : x));
}

// One unary operation over every numeric layout; the results of 64-bit types wrap to 64 bits.
function mapNumeric(v: Vector, onNumber: (x: number) => number, onBigint: (x: bigint) => bigint): Vector {
  const n = v.length;
  const d = v.data;
  const type = v.type;
  if (d.layout === 'i32') {
    const out = new Int32Array(n);
    const shift = WRAP_SHIFT[type.kind] ?? 0;
    for (let i = 0; i < n; i++) out[i] = (onNumber(d.values[i]!) << shift) >> shift;
    return i32Vector(type, out, v.nulls);
  }
  if (d.layout === 'f64') {
    const out = new Float64Array(n);
    for (let i = 0; i < n; i++) out[i] = onNumber(d.values[i]!);
    // -0 is a value of doubles but not of integers or decimals.
    if (type.kind !== 'float' && type.kind !== 'double') for (let i = 0; i < n; i++) out[i] = out[i]! + 0;
    return f64Vector(type, out, v.nulls);
  }
  if (d.layout === 'big') {
    const wrap = type.kind === 'bigint' ? (x: bigint) => BigInt.asIntN(64, x) : (x: bigint) => x;
    return int64FromBigints(type, d.values.map((x) => wrap(onBigint(x))), v.nulls);
  }
  throw new TypeError(`unary arithmetic on layout ${d.layout}`);
}
