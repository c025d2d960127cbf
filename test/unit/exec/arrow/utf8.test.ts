// Whole-column UTF-8 decoding and encoding: ASCII and multi-byte columns, NULL rows, slices of a buffer, bad bytes.
import { describe, expect, it } from 'vitest';
import { decodeUtf8Column, encodeUtf8Column } from '../../../../src/exec/arrow/utf8.js';

const encoder = new TextEncoder();

describe('UTF-8 columns', () => {
  it.each([
    ['ASCII', ['abc', '', 'x y', 'z']],
    ['multi-byte', ['é', '', 'ß-ü', '日本']],
    ['astral and mixed', ['𝄞', 'a𝄞b', '', '\u{10ffff}\u0000']],
  ])('round-trips %s strings', (_, strings) => {
    const { bytes, offsets } = encodeUtf8Column(strings, strings.length);
    expect(bytes).toEqual(encoder.encode(strings.join('')));
    expect(offsets[strings.length]).toBe(bytes.length);
    expect(decodeUtf8Column(bytes, offsets, strings.length)).toEqual(strings);
  });

  it('encodes NULL rows as empty and only the first `length` strings', () => {
    const { bytes, offsets } = encodeUtf8Column(['a', 'ignored', 'é', 'beyond'], 3, Uint8Array.of(0, 1, 0));
    expect([...offsets]).toEqual([0, 1, 1, 3]);
    expect(decodeUtf8Column(bytes, offsets, 3)).toEqual(['a', '', 'é']);
  });

  it('decodes offsets that do not start at zero', () => {
    const bytes = encoder.encode('xxhello wörld');
    expect(decodeUtf8Column(bytes, Int32Array.of(2, 7, 8, 14), 3)).toEqual(['hello', ' ', 'wörld']);
    expect(decodeUtf8Column(bytes, Int32Array.of(2, 7), 1)).toEqual(['hello']);
    expect(decodeUtf8Column(bytes, Int32Array.of(0), 0)).toEqual([]);
  });

  it('replaces invalid bytes with U+FFFD, value by value', () => {
    const bytes = Uint8Array.of(0x61, 0xc3, 0x62, 0xe2, 0x82, 0xac);
    expect(decodeUtf8Column(bytes, Int32Array.of(0, 2, 3, 6), 3)).toEqual(['a\ufffd', 'b', '€']);
  });
});
