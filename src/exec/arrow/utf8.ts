// UTF-8 string columns (Arrow's offsets + bytes) to and from JS strings, decoding and encoding a whole column at once:
// one native call per column instead of one per value, which dominates for the short strings tables mostly hold.

const strictUtf8 = new TextDecoder('utf-8', { fatal: true });

/**
 * The `length` strings whose bytes are `bytes[offsets[i] .. offsets[i+1])`. The column's bytes are decoded in one
 * call and each value is a substring of the result; invalid UTF-8 falls back to decoding value by value, with U+FFFD
 * for bad bytes (what Spark shows for them).
 *
 * @example
 * decodeUtf8Column(new TextEncoder().encode('abcé'), Int32Array.of(0, 1, 5), 2); // ['a', 'bcé']
 */
export function decodeUtf8Column(bytes: Uint8Array, offsets: Int32Array, length: number): string[] {
  const out = new Array<string>(length);
  if (length === 0) return out;
  const start = offsets[0]!;
  const end = offsets[length]!;
  const column = bytes.subarray(start, end);
  let ascii = true;
  for (let i = 0; i < column.length; i++) {
    if (column[i]! >= 0x80) {
      ascii = false;
      break;
    }
  }
  if (ascii) {
    // Byte offsets are character offsets, and latin1 is the cheapest decoding Node has.
    const text = Buffer.from(column.buffer, column.byteOffset, column.length).toString('latin1');
    for (let i = 0; i < length; i++) out[i] = text.substring(offsets[i]! - start, offsets[i + 1]! - start);
    return out;
  }
  let text: string;
  try {
    text = strictUtf8.decode(column);
  } catch {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
    for (let i = 0; i < length; i++) out[i] = buffer.toString('utf8', offsets[i]!, offsets[i + 1]!);
    return out;
  }
  // Valid UTF-8: every byte that is not a continuation byte starts one UTF-16 unit, and 4-byte sequences take two.
  let unit = 0;
  for (let i = 0; i < length; i++) {
    const from = unit;
    for (let b = offsets[i]!, to = offsets[i + 1]!; b < to; b++) {
      const byte = bytes[b]!;
      if ((byte & 0xc0) !== 0x80) unit += byte >= 0xf0 ? 2 : 1;
    }
    out[i] = text.substring(from, unit);
  }
  return out;
}

/**
 * Arrow Utf8 buffers for the first `length` of `strings` (NULL rows, flagged in `nulls`, get no bytes).
 *
 * @example
 * encodeUtf8Column(['a', 'bcé'], 2); // { bytes: [97, 98, 99, 195, 169], offsets: [0, 1, 5] }
 */
export function encodeUtf8Column(strings: readonly string[], length: number, nulls?: Uint8Array): { bytes: Uint8Array; offsets: Int32Array } {
  const values = nulls ? Array.from({ length }, (_, i) => (nulls[i] === 1 ? '' : strings[i]!)) : strings.slice(0, length);
  const joined = values.join('');
  const offsets = new Int32Array(length + 1);
  if (!NON_ASCII.test(joined)) {
    // One UTF-8 byte per UTF-16 unit: the offsets are the lengths, and the bytes are one latin1 write.
    for (let i = 0; i < length; i++) offsets[i + 1] = offsets[i]! + values[i]!.length;
    const bytes = new Uint8Array(joined.length);
    Buffer.from(bytes.buffer).write(joined, 0, 'latin1');
    return { bytes, offsets };
  }
  // At most 3 bytes per UTF-16 unit (a surrogate pair is 2 units and 4 bytes).
  const scratch = Buffer.allocUnsafe(joined.length * 3);
  let at = 0;
  for (let i = 0; i < length; i++) {
    at += scratch.write(values[i]!, at, 'utf8');
    offsets[i + 1] = at;
  }
  return { bytes: new Uint8Array(scratch.subarray(0, at)), offsets };
}

const NON_ASCII = /[^\x00-\x7f]/;
