// Exact integer helpers for decimal results on unscaled values: precision checks, HALF_UP division, and Spark's
// decimal average (sum / count at 38 significant digits, then to the result scale, both HALF_UP).
import { MAX_EXACT } from '../vector.js';

/** Spark's decimal division keeps 38 significant digits (Decimal's MATH_CONTEXT). */
const DIVISION_DIGITS = 38;

/** Whether an unscaled value needs more than `precision` digits (the result is then NULL, as non-ANSI Spark says). */
export function exceedsPrecision(unscaled: number | bigint, precision: number): boolean {
  if (typeof unscaled === 'number') return precision < 16 && Math.abs(unscaled) >= 10 ** precision;
  return (unscaled < 0n ? -unscaled : unscaled) >= 10n ** BigInt(precision);
}

/** a / c rounded half away from zero (Java's RoundingMode.HALF_UP), for c > 0. */
export function divideHalfUp(a: number | bigint, c: number | bigint): number | bigint {
  // In doubles while every intermediate stays below 2^53: q * c is then at most |a| + c.
  if (typeof a === 'number' && typeof c === 'number' && Math.abs(a) < MAX_EXACT / 2 && c < MAX_EXACT / 2) {
    const m = Math.abs(a);
    let q = Math.floor(m / c);
    let r = m - q * c;
    // The floating-point quotient may be one off either way; the remainder says which.
    if (r < 0) {
      q -= 1;
      r += c;
    } else if (r >= c) {
      q += 1;
      r -= c;
    }
    if (2 * r >= c) q += 1;
    return a < 0 ? -q : q;
  }
  const m = BigInt(a);
  const d = BigInt(c);
  const abs = m < 0n ? -m : m;
  let q = abs / d;
  if (2n * (abs % d) >= d) q += 1n;
  return m < 0n ? -q : q;
}

/**
 * The average of `count` values summing to `total` (unscaled at `scale`), unscaled at `resultScale`, as Spark's
 * Average computes it: the quotient rounded HALF_UP to 38 significant digits, then HALF_UP to the result scale.
 *
 * @example decimalAverage(1000n, 3, 2, 6) // 3333333n: 10.00 / 3 = 3.333333
 */
export function decimalAverage(total: number | bigint, count: number, scale: number, resultScale: number): number | bigint {
  const shift = resultScale - scale;
  const integerDigits = Math.max(digitCount(total) - scale, 1);
  // The first rounding leaves at least `spare` digits below the result scale, so it moves the quotient by at most
  // 10^-spare result units; a quotient with denominator `count` that is not on a rounding boundary lies at least
  // 1/(2 count) units from one, so while count < 10^spare the first rounding cannot change the second.
  const spare = DIVISION_DIGITS - integerDigits - resultScale;
  if (digitCount(count) < spare) {
    const scaled = typeof total === 'number' && Math.abs(total) * 10 ** shift < MAX_EXACT / 2 ? total * 10 ** shift : BigInt(total) * 10n ** BigInt(shift);
    return divideHalfUp(scaled, count);
  }
  const { unscaled, scale: quotientScale } = divideSignificant(BigInt(total), BigInt(count), scale);
  if (quotientScale <= resultScale) return unscaled * 10n ** BigInt(resultScale - quotientScale);
  return divideHalfUp(unscaled, 10n ** BigInt(quotientScale - resultScale));
}

// a / c (a unscaled at `scale`) rounded HALF_UP to DIVISION_DIGITS significant digits, like BigDecimal.divide.
function divideSignificant(a: bigint, c: bigint, scale: number): { unscaled: bigint; scale: number } {
  if (a === 0n) return { unscaled: 0n, scale };
  const abs = a < 0n ? -a : a;
  // a·10^t / c has DIVISION_DIGITS or one more digits before rounding; take one digit fewer when it has more.
  let t = DIVISION_DIGITS - (digitCount(abs) - digitCount(c));
  if (digitCount(scaleBy(abs, t) / c) > DIVISION_DIGITS) t -= 1;
  const q = divideHalfUp(scaleBy(abs, t), c) as bigint;
  return { unscaled: a < 0n ? -q : q, scale: scale + t };
}

function scaleBy(v: bigint, t: number): bigint {
  return t >= 0 ? v * 10n ** BigInt(t) : v / 10n ** BigInt(-t);
}

function digitCount(v: number | bigint): number {
  const s = String(v);
  return s.startsWith('-') ? s.length - 1 : s.length;
}
