// MurmurHash3 x86_32 in the two variants Spark relies on: Spark's own Murmur3_x86_32 (hash(), which mixes a byte
// tail one byte at a time) and Scala's MurmurHash3.bytesHash (the seed scrambling of rand()).

const C1 = 0xcc9e2d51;
const C2 = 0x1b873593;

function mixK1(k: number): number {
  return Math.imul(rotl(Math.imul(k, C1), 15), C2);
}

function mixH1(h: number, k1: number): number {
  return (Math.imul(rotl(h ^ k1, 13), 5) + 0xe6546b64) | 0;
}

function rotl(x: number, r: number): number {
  return (x << r) | (x >>> (32 - r));
}

function fmix(h: number, length: number): number {
  let x = h ^ length;
  x = Math.imul(x ^ (x >>> 16), 0x85ebca6b);
  x = Math.imul(x ^ (x >>> 13), 0xc2b2ae35);
  return x ^ (x >>> 16);
}

/** Spark's Murmur3_x86_32.hashInt. */
export function hashInt(value: number, seed: number): number {
  return fmix(mixH1(seed, mixK1(value | 0)), 4);
}

/** Spark's Murmur3_x86_32.hashLong: the low word, then the high word. */
export function hashLong(value: bigint, seed: number): number {
  const low = Number(BigInt.asIntN(32, value));
  const high = Number(BigInt.asIntN(32, value >> 32n));
  return fmix(mixH1(mixH1(seed, mixK1(low)), mixK1(high)), 8);
}

/**
 * Spark's Murmur3_x86_32.hashUnsafeBytes: whole little-endian words, then each remaining byte (sign-extended) mixed
 * as a word of its own — not standard MurmurHash3, but what Spark's hash() computes.
 */
export function hashBytes(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    h = mixH1(h, mixK1(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)));
  }
  for (let i = aligned; i < bytes.length; i++) h = mixH1(h, mixK1((bytes[i]! << 24) >> 24));
  return fmix(h, bytes.length);
}

/** Scala's MurmurHash3.bytesHash: standard MurmurHash3 x86_32 of a byte array. */
export function scalaBytesHash(bytes: Uint8Array, seed: number): number {
  const aligned = bytes.length - (bytes.length % 4);
  let h = seed;
  for (let i = 0; i < aligned; i += 4) {
    h = mixH1(h, mixK1(bytes[i]! | (bytes[i + 1]! << 8) | (bytes[i + 2]! << 16) | (bytes[i + 3]! << 24)));
  }
  const tail = bytes.length - aligned;
  if (tail > 0) {
    let k = 0;
    if (tail === 3) k ^= bytes[aligned + 2]! << 16;
    if (tail >= 2) k ^= bytes[aligned + 1]! << 8;
    k ^= bytes[aligned]!;
    h ^= mixK1(k);
  }
  return fmix(h, bytes.length);
}
