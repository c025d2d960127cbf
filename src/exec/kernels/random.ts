// Spark's XORShiftRandom (what rand(seed) and randn(seed) draw from): a 64-bit xorshift generator whose seed is
// scrambled with MurmurHash3, read through java.util.Random's nextDouble and nextGaussian.
import { scalaBytesHash } from './murmur3.js';

const MASK64 = (1n << 64n) - 1n;

// XORShiftRandom.hashSeed: two MurmurHash3 passes over the seed's big-endian bytes.
function hashSeed(seed: bigint): bigint {
  const bytes = new Uint8Array(8);
  new DataView(bytes.buffer).setBigInt64(0, BigInt.asIntN(64, seed));
  const low = scalaBytesHash(bytes, 0x3c074a61);
  const high = scalaBytesHash(bytes, low);
  return ((BigInt(high >>> 0) << 32n) | BigInt(low >>> 0)) & MASK64;
}

export class XorShiftRandom {
  private state: bigint;
  private nextGaussianValue: number | undefined;

  /** The generator of one partition: Spark seeds partition i with `seed + i`; this executor's rows are partition 0's. */
  constructor(seed: bigint) {
    this.state = hashSeed(seed);
  }

  private next(bits: number): number {
    let s = this.state;
    s ^= (s << 21n) & MASK64;
    s ^= s >> 35n;
    s ^= (s << 4n) & MASK64;
    this.state = s;
    return Number(s & ((1n << BigInt(bits)) - 1n));
  }

  /** java.util.Random.nextDouble: 53 random bits. */
  nextDouble(): number {
    return (this.next(26) * 2 ** 27 + this.next(27)) * 2 ** -53;
  }

  /** java.util.Random.nextGaussian: the polar method, which yields values in pairs. */
  nextGaussian(): number {
    if (this.nextGaussianValue !== undefined) {
      const v = this.nextGaussianValue;
      this.nextGaussianValue = undefined;
      return v;
    }
    let v1: number;
    let v2: number;
    let s: number;
    do {
      v1 = 2 * this.nextDouble() - 1;
      v2 = 2 * this.nextDouble() - 1;
      s = v1 * v1 + v2 * v2;
    } while (s >= 1 || s === 0);
    const multiplier = Math.sqrt((-2 * Math.log(s)) / s);
    this.nextGaussianValue = v2 * multiplier;
    return v1 * multiplier;
  }
}
