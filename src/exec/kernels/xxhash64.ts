// XXH64 as Spark's XXH64 class computes it (xxhash64()): hashInt and hashLong shortcuts, and the standard
// algorithm over little-endian bytes; 64-bit arithmetic in bigints wrapped to 64 bits.

const P1 = 0x9e3779b185ebca87n;
const P2 = 0xc2b2ae3d27d4eb4fn;
const P3 = 0x165667b19e3779f9n;
const P4 = 0x85ebca77c2b2ae63n;
const P5 = 0x27d4eb2f165667c5n;

const u64 = (x: bigint): bigint => BigInt.asUintN(64, x);

function rotl(x: bigint, r: bigint): bigint {
  return u64((x << r) | (x >> (64n - r)));
}

function fmix(h: bigint): bigint {
  let x = u64(h);
  x = u64((x ^ (x >> 33n)) * P2);
  x = u64((x ^ (x >> 29n)) * P3);
  return BigInt.asIntN(64, x ^ (x >> 32n));
}

export function xxhashInt(value: number, seed: bigint): bigint {
  let h = u64(seed + P5 + 4n);
  h ^= u64(BigInt(value >>> 0) * P1);
  return fmix(rotl(h, 23n) * P2 + P3);
}

export function xxhashLong(value: bigint, seed: bigint): bigint {
  let h = u64(seed + P5 + 8n);
  h ^= u64(rotl(u64(value * P2), 31n) * P1);
  return fmix(rotl(h, 27n) * P1 + P4);
}

function round(acc: bigint, lane: bigint): bigint {
  return u64(rotl(u64(acc + lane * P2), 31n) * P1);
}

export function xxhashBytes(bytes: Uint8Array, seed: bigint): bigint {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const length = bytes.length;
  let offset = 0;
  let h: bigint;
  if (length >= 32) {
    let v1 = u64(seed + P1 + P2);
    let v2 = u64(seed + P2);
    let v3 = u64(seed);
    let v4 = u64(seed - P1);
    for (; offset <= length - 32; offset += 32) {
      v1 = round(v1, view.getBigUint64(offset, true));
      v2 = round(v2, view.getBigUint64(offset + 8, true));
      v3 = round(v3, view.getBigUint64(offset + 16, true));
      v4 = round(v4, view.getBigUint64(offset + 24, true));
    }
    h = u64(rotl(v1, 1n) + rotl(v2, 7n) + rotl(v3, 12n) + rotl(v4, 18n));
    for (const v of [v1, v2, v3, v4]) h = u64((h ^ round(0n, v)) * P1 + P4);
  } else h = u64(seed + P5);
  h = u64(h + BigInt(length));
  for (; offset + 8 <= length; offset += 8) {
    h ^= round(0n, view.getBigUint64(offset, true));
    h = u64(rotl(h, 27n) * P1 + P4);
  }
  if (offset + 4 <= length) {
    h ^= u64(BigInt(view.getUint32(offset, true)) * P1);
    h = u64(rotl(h, 23n) * P2 + P3);
    offset += 4;
  }
  for (; offset < length; offset++) {
    h ^= u64(BigInt(bytes[offset]!) * P5);
    h = u64(rotl(h, 11n) * P1);
  }
  return fmix(h);
}
