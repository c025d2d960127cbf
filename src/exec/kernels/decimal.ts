// Exact decimal arithmetic on unscaled integers (the value is unscaled × 10^-scale), as Spark's Decimal does it:
// rescaling with a rounding mode, precision checks, and conversions to and from text and doubles.

/** 10^k as doubles, exact up to 10^22 (the largest power of ten a double holds exactly). */
export const POW10_F64: readonly number[] = Array.from({ length: 23 }, (_, k) => 10 ** k);

const POW10_BIG: bigint[] = [1n];

/** 10^k as a bigint. */
export function pow10(k: number): bigint {
  for (let i = POW10_BIG.length; i <= k; i++) POW10_BIG.push(POW10_BIG[i - 1]! * 10n);
  return POW10_BIG[k]!;
}

/** How dropped digits round: Spark's ROUND_HALF_UP (away from zero on a tie), HALF_EVEN, FLOOR, CEILING, DOWN. */
export type RoundingMode = 'halfUp' | 'halfEven' | 'floor' | 'ceiling' | 'down';

/** n / d rounded to an integer by `mode` (d ≠ 0). */
export function divideRounded(n: bigint, d: bigint, mode: RoundingMode): bigint {
  const q = n / d; // truncated toward zero
  const r = n - q * d;
  if (r === 0n) return q;
  const negative = n < 0n !== d < 0n;
  const away = negative ? q - 1n : q + 1n;
  switch (mode) {
    case 'down':
      return q;
    case 'floor':
      return negative ? away : q;
    case 'ceiling':
      return negative ? q : away;
    case 'halfUp':
    case 'halfEven': {
      const twice = 2n * (r < 0n ? -r : r);
      const absD = d < 0n ? -d : d;
      if (twice > absD) return away;
      if (twice < absD) return q;
      return mode === 'halfUp' || q % 2n !== 0n ? away : q;
    }
  }
}

/** An unscaled value moved from scale `from` to scale `to`, rounding dropped digits by `mode`. */
export function rescale(v: bigint, from: number, to: number, mode: RoundingMode = 'halfUp'): bigint {
  if (to >= from) return v * pow10(to - from);
  return divideRounded(v, pow10(from - to), mode);
}

/** Whether an unscaled value has at most `precision` digits. */
export function fitsPrecision(v: bigint, precision: number): boolean {
  const limit = pow10(precision);
  return v < limit && v > -limit;
}

/** Plain text of a decimal, always with `scale` fraction digits: 1230n at scale 2 → "12.30" (Spark's toPlainString). */
export function formatDecimal(unscaled: bigint, scale: number): string {
  const negative = unscaled < 0n;
  const digits = (negative ? -unscaled : unscaled).toString();
  if (scale <= 0) return (negative ? '-' : '') + digits + '0'.repeat(-scale);
  const padded = digits.padStart(scale + 1, '0');
  return `${negative ? '-' : ''}${padded.slice(0, -scale)}.${padded.slice(-scale)}`;
}

const DECIMAL_TEXT = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/;

/**
 * The unscaled value at `scale` of decimal text such as "-12.345", "1e3" or ".5" (Java's BigDecimal syntax),
 * rounded HALF_UP; undefined when the text is not a number. Surrounding whitespace is the caller's business.
 */
export function parseDecimal(text: string, scale: number): bigint | undefined {
  const m = DECIMAL_TEXT.exec(text);
  if (!m) return undefined;
  const whole = m[2] ?? '';
  const frac = m[3] ?? '';
  if (whole === '' && frac === '') return undefined;
  const exponent = m[4] === undefined ? 0 : Number(m[4]);
  // Reject absurd exponents before building huge powers of ten.
  if (!Number.isFinite(exponent) || Math.abs(exponent) > 10_000) return undefined;
  const digits = BigInt(whole + frac || '0');
  const v = rescale(digits, frac.length - exponent, scale);
  return m[1] === '-' ? -v : v;
}

/** The double nearest to unscaled × 10^-scale (Java's BigDecimal.doubleValue). */
export function decimalToDouble(unscaled: number | bigint, scale: number): number {
  if (typeof unscaled === 'number' && scale <= 22) {
    // Both exact, so the IEEE quotient/product is the correctly rounded result.
    return scale >= 0 ? unscaled / POW10_F64[scale]! : unscaled * POW10_F64[-scale]!;
  }
  return Number(`${unscaled}e${-scale}`);
}

/**
 * A double as a decimal at `scale`, HALF_UP (Spark's Decimal(double): the double's shortest decimal text, then
 * rounded); undefined for NaN and infinities.
 */
export function doubleToDecimal(d: number, scale: number): bigint | undefined {
  if (!Number.isFinite(d)) return undefined;
  if (Number.isInteger(d) && Math.abs(d) < 2 ** 53 && scale <= 22) return BigInt(d) * pow10(scale);
  return parseDecimal(String(d), scale);
}
