// Field formats shared by SUPPLIER and CUSTOMER: V-string addresses and nation-coded phone numbers.
import { asciiBytes, type Utf8Builder } from './columns.js';
import { rand32, uniformInt } from './random.js';

// The 64 characters of dbgen's V-strings: digits, letters, space and comma.
const ALPHABET = asciiBytes('0123456789abcdefghijklmnopqrstuvwxyz ABCDEFGHIJKLMNOPQRSTUVWXYZ,');
const DASH = 45;

/** Draws per row an address can use: one for the length, one per 5 characters (6 bits each) of at most 40. */
export const ADDRESS_DRAWS = 9;

/** A V-string of random length in [min, max] (max ≤ 40): counters `row × ADDRESS_DRAWS + k` of `key`. */
export function appendAddress(out: Utf8Builder, key: number, row: number, min: number, max: number): void {
  const base = row * ADDRESS_DRAWS;
  const length = uniformInt(key, base, min, max);
  let bits = 0;
  for (let i = 0; i < length; i++) {
    if (i % 5 === 0) bits = rand32(key, base + 1 + i / 5);
    out.writeByte(ALPHABET[bits & 63]!);
    bits >>>= 6;
  }
}

/**
 * A phone number (clause 4.2.2.9): country code = nation key + 10, then three random groups,
 * "CC-AAA-EEE-NNNN" with AAA and EEE in [100, 999] and NNNN in [1000, 9999].
 */
export function appendPhone(out: Utf8Builder, nationKey: number, key: number, row: number): void {
  out.writeNumber(nationKey + 10, 2);
  out.writeByte(DASH);
  out.writeNumber(uniformInt(key, row * 3, 100, 999), 3);
  out.writeByte(DASH);
  out.writeNumber(uniformInt(key, row * 3 + 1, 100, 999), 3);
  out.writeByte(DASH);
  out.writeNumber(uniformInt(key, row * 3 + 2, 1000, 9999), 4);
}
