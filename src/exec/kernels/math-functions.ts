// Math functions with Spark's semantics: logarithms of non-positive numbers are NULL, round and bround go through
// the double's decimal text (Spark's BigDecimal(double)) and are exact on decimals, ceil and floor of doubles
// saturate to bigint, greatest and least skip NULLs, rand and randn draw from Spark's XORShiftRandom.
import type { DataType } from '../../types/data-type.js';
import type { FunctionCompiler } from '../expr/evaluator.js';
import { constantOf, vectorized } from '../expr/evaluator.js';
import type { Vector } from '../vector.js';
import { valueAt } from '../vector.js';
import { abs, arithmetic, negate } from './arithmetic.js';
import { shift } from './bitwise.js';
import { choose } from './case.js';
import { compareNullable } from './compare.js';
import type { RoundingMode } from './decimal.js';
import { fitsPrecision, pow10, rescale } from './decimal.js';
import { absIntervals } from './datetime-arithmetic.js';
import { XorShiftRandom } from './random.js';
import { rowFunction } from './row-function.js';
import { NullMask, bigintsOf, doublesOf, f64Vector, i32Vector, int64FromBigints, nullsOf } from './vector-helpers.js';

// ───────────────────────────── double → double ─────────────────────────────

// A double function; `undefined` from `f` is NULL (Spark's logarithms of numbers out of their domain).
function doubleFunction(f: (x: number) => number | undefined): FunctionCompiler {
  return vectorized(([v], type) => {
    const x = doublesOf(v!);
    const n = x.length;
    const out = new Float64Array(n);
    const nulls = new NullMask(n, v!.nulls);
    for (let i = 0; i < n; i++) {
      const r = f(x[i]!);
      if (r === undefined) nulls.set(i);
      else out[i] = r;
    }
    return f64Vector(type, out, nulls.result);
  });
}

function doubleBinary(f: (x: number, y: number) => number | undefined): FunctionCompiler {
  return vectorized(([a, b], type) => {
    const x = doublesOf(a!);
    const y = doublesOf(b!);
    const n = x.length;
    const out = new Float64Array(n);
    const nulls = new NullMask(n, nullsOf(n, a!, b!));
    for (let i = 0; i < n; i++) {
      const r = f(x[i]!, y[i]!);
      if (r === undefined) nulls.set(i);
      else out[i] = r;
    }
    return f64Vector(type, out, nulls.result);
  });
}

const positiveLog = (log: (x: number) => number) => (x: number) => (x <= 0 ? undefined : log(x));

/** Java's Math.rint: the nearest integer, ties to even. */
function rint(x: number): number {
  return Math.abs(x % 1) === 0.5 ? 2 * Math.round(x / 2) : Math.round(x);
}

// ───────────────────────────── rounding ─────────────────────────────

/** A double's shortest decimal text as an exact unscaled integer and scale (Spark's BigDecimal(double)). */
function exactDecimal(x: number): { unscaled: bigint; scale: number } {
  const [mantissa = '0', exponent = '0'] = x.toExponential().split('e');
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace(/[-.]/g, '');
  const scale = digits.length - 1 - Number(exponent);
  const unscaled = BigInt(digits);
  return { unscaled: negative ? -unscaled : unscaled, scale };
}

/** A double rounded to `d` decimal places by `mode`, through its decimal text; NaN and infinities unchanged. */
export function roundDouble(x: number, d: number, mode: RoundingMode): number {
  if (!Number.isFinite(x) || x === 0) return x;
  const { unscaled, scale } = exactDecimal(x);
  if (scale <= d) return x;
  const r = rescale(unscaled, scale, d, mode);
  return Number(`${r}e${-d}`);
}

/** round / bround / ceil(x, d) / floor(x, d) of any numeric type, with the result type the analyzer chose. */
function roundVector(v: Vector, d: number, mode: RoundingMode, type: DataType): Vector {
  const from = v.type;
  const n = v.length;
  switch (from.kind) {
    case 'float':
    case 'double': {
      const x = doublesOf(v);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) out[i] = roundDouble(x[i]!, d, mode);
      if (from.kind === 'float') for (let i = 0; i < n; i++) out[i] = Math.fround(out[i]!);
      return f64Vector(type, out, v.nulls);
    }
    case 'decimal': {
      if (type.kind !== 'decimal') throw new TypeError('rounding a decimal gives a decimal');
      const x = bigintsOf(v);
      const out = new Array<bigint>(n);
      const nulls = new NullMask(n, v.nulls);
      for (let i = 0; i < n; i++) {
        // Round at `d` digits (left of the point when negative), then express at the result's scale.
        const r = rescale(rescale(x[i]!, from.scale, d, mode), d, type.scale);
        out[i] = r;
        if (!nulls.isInputNull(i) && !fitsPrecision(r, type.precision)) nulls.set(i);
      }
      return int64FromBigints(type, out, nulls.result);
    }
    default: {
      // Integers only change for a negative `d`: round to a multiple of 10^-d, wrapping to the type as Java does.
      if (d >= 0) return v;
      const x = v.data.layout === 'i32' ? Array.from(v.data.values, BigInt) : bigintsOf(v);
      const bits = from.kind === 'tinyint' ? 8 : from.kind === 'smallint' ? 16 : from.kind === 'int' ? 32 : 64;
      const out = x.map((value) => BigInt.asIntN(bits, rescale(value, 0, d, mode) * pow10(-d)));
      if (bits === 64) return int64FromBigints(type, out, v.nulls);
      return i32Vector(type, Int32Array.from(out, Number), v.nulls);
    }
  }
}

function roundFunction(mode: RoundingMode): FunctionCompiler {
  return (args, type) => {
    const d = args.length > 1 ? Number(constantOf(args, 1)) : 0;
    return (batch) => roundVector(args[0]!.evaluate(batch), d, mode, type);
  };
}

const LONG_MIN = -(2n ** 63n);
const LONG_MAX = 2n ** 63n - 1n;

/** ceil(x) / floor(x): doubles to bigint (saturating like Java's (long)), decimals to scale 0, bigints unchanged. */
function ceilFloor(mode: 'ceiling' | 'floor'): FunctionCompiler {
  return (args, type) => {
    if (args.length > 1) {
      const d = Number(constantOf(args, 1));
      return (batch) => roundVector(args[0]!.evaluate(batch), d, mode, type);
    }
    return (batch) => {
      const v = args[0]!.evaluate(batch);
      if (v.type.kind === 'decimal') return roundVector(v, 0, mode, type);
      if (v.type.kind === 'bigint') return v;
      const x = doublesOf(v);
      const f = mode === 'ceiling' ? Math.ceil : Math.floor;
      const out = new Array<bigint>(x.length);
      for (let i = 0; i < x.length; i++) {
        const r = f(x[i]!);
        out[i] = r !== r ? 0n : r >= 9.223372036854776e18 ? LONG_MAX : r <= -9.223372036854776e18 ? LONG_MIN : BigInt(r);
      }
      return int64FromBigints(type, out, v.nulls);
    };
  };
}

// ───────────────────────────── greatest, least ─────────────────────────────

/** The largest (or smallest) non-NULL argument of each row; NULL only when all are. */
function extreme(sign: 1 | -1): FunctionCompiler {
  return vectorized((args, type) => {
    const n = args[0]?.length ?? 0;
    const choice = new Int32Array(n).fill(-1);
    for (let i = 0; i < n; i++) {
      let best = -1;
      let bestValue: unknown;
      for (let k = 0; k < args.length; k++) {
        const x = valueAt(args[k]!, i);
        if (x === null) continue;
        if (best < 0 || sign * compareNullable(type, x, bestValue) > 0) {
          best = k;
          bestValue = x;
        }
      }
      choice[i] = best;
    }
    return choose(type, args, choice);
  });
}

// ───────────────────────────── random numbers ─────────────────────────────

function randomFunction(draw: (r: XorShiftRandom) => number): FunctionCompiler {
  return (args, type) => {
    // Without a seed Spark picks one per query.
    const seed = args.length > 0 ? BigInt((constantOf(args, 0) as number | bigint | null) ?? 0) : BigInt(Math.floor(Math.random() * 2 ** 53));
    const random = new XorShiftRandom(seed);
    return (batch) => {
      const out = new Float64Array(batch.length);
      for (let i = 0; i < out.length; i++) out[i] = draw(random);
      return f64Vector(type, out, undefined);
    };
  };
}

const FACTORIALS: readonly bigint[] = Array.from({ length: 21 }, (_, n) => {
  let f = 1n;
  for (let k = 2n; k <= BigInt(n); k++) f *= k;
  return f;
});

export const MATH_KERNELS: Readonly<Record<string, FunctionCompiler>> = {
  abs: vectorized(([v]) => (v!.type.kind === 'interval' ? absIntervals(v!) : abs(v!))),
  negative: vectorized(([v]) => negate(v!)),
  positive: vectorized(([v]) => v!),
  round: roundFunction('halfUp'),
  bround: roundFunction('halfEven'),
  ceil: ceilFloor('ceiling'),
  floor: ceilFloor('floor'),
  mod: vectorized(([a, b], type) => arithmetic('%', a!, b!, type)),
  pmod: vectorized(([a, b], type) => arithmetic('pmod', a!, b!, type)),
  greatest: extreme(1),
  least: extreme(-1),
  pow: doubleBinary((x, y) => Math.pow(x, y)),
  atan2: doubleBinary(Math.atan2),
  // log(x) is ln(x); log(base, x) is ln(x) / ln(base); NULL unless both are positive.
  log: (args, type, env) =>
    args.length === 1
      ? doubleFunction(positiveLog(Math.log))(args, type, env)
      : doubleBinary((base, x) => (base <= 0 || x <= 0 ? undefined : Math.log(x) / Math.log(base)))(args, type, env),
  ln: doubleFunction(positiveLog(Math.log)),
  log10: doubleFunction(positiveLog(Math.log10)),
  // Spark's Log2 is ln(x) / ln(2), which differs from Math.log2 in the last bit for some x.
  log2: doubleFunction(positiveLog((x) => Math.log(x) / Math.LN2)),
  log1p: doubleFunction((x) => (x <= -1 ? undefined : Math.log1p(x))),
  sqrt: doubleFunction(Math.sqrt),
  cbrt: doubleFunction(Math.cbrt),
  exp: doubleFunction(Math.exp),
  expm1: doubleFunction(Math.expm1),
  sin: doubleFunction(Math.sin),
  cos: doubleFunction(Math.cos),
  tan: doubleFunction(Math.tan),
  asin: doubleFunction(Math.asin),
  acos: doubleFunction(Math.acos),
  atan: doubleFunction(Math.atan),
  sinh: doubleFunction(Math.sinh),
  cosh: doubleFunction(Math.cosh),
  tanh: doubleFunction(Math.tanh),
  // Java's Math.toDegrees / toRadians multiply by these constants.
  degrees: doubleFunction((x) => x * 57.29577951308232),
  radians: doubleFunction((x) => x * 0.017453292519943295),
  rint: doubleFunction(rint),
  signum: doubleFunction(Math.sign),
  factorial: rowFunction(([n]) => FACTORIALS[n as number] ?? null),
  pi: (_args, type) => (batch) => f64Vector(type, new Float64Array(batch.length).fill(Math.PI), undefined),
  e: (_args, type) => (batch) => f64Vector(type, new Float64Array(batch.length).fill(Math.E), undefined),
  // Not in the catalogue: the analyzer builds them for grouping() and grouping_id().
  shiftleft: vectorized(([v, n], type) => shift('left', v!, n!, type)),
  shiftright: vectorized(([v, n], type) => shift('right', v!, n!, type)),
  shiftrightunsigned: vectorized(([v, n], type) => shift('rightUnsigned', v!, n!, type)),
  rand: randomFunction((r) => r.nextDouble()),
  randn: randomFunction((r) => r.nextGaussian()),
};
