// A hash map from numbers to row indices over typed arrays: the join's build index when keys are numbers. A JS Map
// boxes every double key and hashes it slowly: at 1.5M bigint keys, building took ~1.2 s and 6M lookups ~3.4 s with
// a Map, ~0.25 s and ~1.1 s with open addressing over a Float64Array (lookups are then bound by cache misses).

const EMPTY = -1;

// A double's two 32-bit halves, for hashing it.
const scratch = new Float64Array(1);
const halves = new Int32Array(scratch.buffer);

/**
 * Keys compare as SQL compares join keys: NaN equals NaN (and callers pass 0 for -0). A slot's key and value sit
 * side by side, so a probe of a map larger than the cache costs one miss, not one per array.
 */
export class NumberMap {
  /** Slot s: key at 2s, value at 2s + 1 (EMPTY when the slot is free). */
  private readonly slots: Float64Array;
  private readonly mask: number;
  private readonly room: number;
  private count = 0;

  /** A map for at most `maxSize` distinct keys; its table is kept at most half full, so probes stay short. */
  constructor(maxSize: number) {
    let capacity = 16;
    while (capacity < maxSize * 2) capacity *= 2;
    this.slots = new Float64Array(2 * capacity).fill(EMPTY);
    this.mask = capacity - 1;
    this.room = maxSize;
  }

  /** The value stored for `key`, or -1. */
  get(key: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = hash(key, mask); ; slot = (slot + 1) & mask) {
      const value = slots[2 * slot + 1]!;
      if (value === EMPTY) return EMPTY;
      const k = slots[2 * slot]!;
      if (k === key || (k !== k && key !== key)) return value;
    }
  }

  /** Stores `value` (≥ 0) for `key`, replacing any value stored before. */
  set(key: number, value: number): void {
    this.swap(key, value);
  }

  /** Stores `value` (≥ 0) for `key` and returns the value it replaces, or -1: one probe where get then set take two. */
  swap(key: number, value: number): number {
    const slots = this.slots;
    const mask = this.mask;
    for (let slot = hash(key, mask); ; slot = (slot + 1) & mask) {
      const old = slots[2 * slot + 1]!;
      if (old === EMPTY) {
        if (++this.count > this.room) throw new RangeError(`NumberMap: more than ${this.room} keys`);
        slots[2 * slot] = key;
        slots[2 * slot + 1] = value;
        return EMPTY;
      }
      const k = slots[2 * slot]!;
      if (k === key || (k !== k && key !== key)) {
        slots[2 * slot + 1] = value;
        return old;
      }
    }
  }
}

function hash(key: number, mask: number): number {
  let h: number;
  // Most keys are small integers: mix them without the round trip through memory that reading a double's bits takes.
  if ((key | 0) === key) h = Math.imul(key, 0x9e3779b1);
  else {
    // Every NaN hashes alike, whatever its bits.
    scratch[0] = key === key ? key : NaN;
    // Multiply-xorshift mixing of both halves: integral doubles differ mostly in their high bits.
    h = Math.imul(halves[0]! ^ Math.imul(halves[1]!, 0x9e3779b1), 0x85ebca6b);
  }
  h ^= h >>> 15;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 13;
  return h & mask;
}
