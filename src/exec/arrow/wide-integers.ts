// Exact conversions between two's-complement integers stored as little-endian 32-bit words (Arrow's Int64, Uint64,
// Timestamp and Decimal buffers) and the executor's numbers and bigints, without a BigInt per value on the fast path.
import { MAX_EXACT } from '../vector.js';

export const TWO_32 = 4294967296;

/**
 * The 64-bit integer (lo, hi) as a double, exact when its magnitude is below 2^53; otherwise a double of magnitude
 * at least 2^53 (so `Math.abs(v) < MAX_EXACT` tells the two apart). `hi` is the signed high word for signed values,
 * the unsigned one for unsigned values.
 */
export function wordsToNumber(lo: number, hi: number): number {
  // hi * 2^32 is exact (32 significant bits); the sum rounds only beyond 2^53, and rounding is monotonic.
  return hi * TWO_32 + lo;
}

/** `words[at .. at+count)` (little-endian) as a signed integer of `count * 32` bits. */
export function wordsToBigInt(words: Uint32Array, at: number, count: number): bigint {
  let v = 0n;
  for (let w = count - 1; w >= 0; w--) v = (v << 32n) | BigInt(words[at + w]!);
  return BigInt.asIntN(count * 32, v);
}

/**
 * The signed integer in `words[at .. at+count)` as a double when its magnitude is below 2^53, else undefined:
 * the words above the second must all repeat the sign of the second.
 */
export function wordsToExactNumber(words: Uint32Array, at: number, count: number): number | undefined {
  const lo = words[at]!;
  if (count === 1) return lo | 0;
  const hi = words[at + 1]! | 0;
  const extension = hi < 0 ? 0xffffffff : 0;
  for (let w = 2; w < count; w++) if (words[at + w] !== extension) return undefined;
  const v = wordsToNumber(lo, hi);
  return v < MAX_EXACT && v > -MAX_EXACT ? v : undefined;
}

/** Writes the bigint `v` into `words[at .. at+count)` as a little-endian two's-complement integer (wrapping). */
export function writeBigIntWords(words: Uint32Array, at: number, count: number, v: bigint): void {
  let u = BigInt.asUintN(count * 32, v);
  for (let w = 0; w < count; w++) {
    words[at + w] = Number(u & 0xffffffffn);
    u >>= 32n;
  }
}
