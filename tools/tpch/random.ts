// Counter-based random streams: a value is a pure function of (stream, counter), so output never depends on batching.
//
// Each column (or each purpose within a column) has its own named stream, and a row's draws use the row's
// index as the counter. Any chunk of any table can therefore be generated on its own, in any order, and
// adding a stream never shifts the values of another. (dbgen gets the same property by giving each column
// a seed and a fixed number of draws per row; hashing the counter makes skipping ahead free.)

/** A stream's key, derived from its name (FNV-1a, then mixed). */
export function stream(name: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < name.length; i++) h = Math.imul(h ^ name.charCodeAt(i), 0x01000193);
  return fmix32(h >>> 0);
}

/**
 * A uniformly distributed unsigned 32-bit value for `counter` (an integer in [0, 2^53)) of stream `key`.
 *
 * Two rounds of the MurmurHash3 finalizer: one round keyed by xor alone would make every stream a
 * re-ordering of every other (stream a at counter c equals stream b at c ^ a ^ b), so the second round
 * mixes the key in again, together with the counter's high word.
 */
export function rand32(key: number, counter: number): number {
  const lo = counter >>> 0;
  const hi = (counter - lo) / 4294967296;
  const h = fmix32((lo ^ key) >>> 0);
  return fmix32((h ^ Math.imul(hi + 1, 0x9e3779b1) ^ Math.imul(key, 0x7feb352d)) >>> 0);
}

/** A uniform integer in [low, high] (inclusive), for ranges of up to 2^32 values. */
export function uniformInt(key: number, counter: number, low: number, high: number): number {
  return low + Math.floor((rand32(key, counter) * (high - low + 1)) / 4294967296);
}

/** A uniform integer in [low, high] for ranges beyond 2^32 values (up to 2^53), from two draws. */
export function uniformIntWide(key: number, counter: number, low: number, high: number): number {
  const range = high - low + 1;
  if (range <= 4294967296) return uniformInt(key, counter, low, high);
  // 53 random bits: 32 from one draw, 21 from a second drawn with a derived key.
  const bits = rand32(key, counter) * 2097152 + (rand32(key ^ 0x5bd1e995, counter) >>> 11);
  return low + Math.floor((bits / 9007199254740992) * range);
}

/** A uniform double in [0, 1). */
export function uniform01(key: number, counter: number): number {
  return rand32(key, counter) / 4294967296;
}

function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
