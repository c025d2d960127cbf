// String functions with Spark's semantics: positions and lengths count code points (as UTF8String does), trim
// removes spaces only, patterns are Java regular expressions. Each is written per row (row-function.ts), so a
// dictionary column is computed once per entry and stays a dictionary when the result is a string.
import { fail } from '../../common/errors.js';
import type { FunctionCompiler } from '../expr/evaluator.js';
import type { JsValue } from '../vector.js';
import { javaRegex } from './java-regex.js';
import { rowFunction } from './row-function.js';
import type { RowFn } from './row-function.js';
import { formatString } from './format-string.js';

const INT_MAX = 2147483647;
const utf8 = new TextEncoder();

// ───────────────────────────── code points ─────────────────────────────

const SURROGATE = /[\uD800-\uDFFF]/;

/** The number of code points (Spark's numChars). */
function codePointLength(s: string): number {
  return SURROGATE.test(s) ? [...s].length : s.length;
}

/** Code points [start, end) of `s` (clamped). */
function codePointSlice(s: string, start: number, end: number): string {
  if (!SURROGATE.test(s)) return s.slice(start, end);
  return [...s].slice(start, end).join('');
}

/** The code point index of `search` in `s` at or after code point `from`, or -1. */
function codePointIndexOf(s: string, search: string, from: number): number {
  if (!SURROGATE.test(s)) return s.indexOf(search, from);
  const units = [...s];
  const unitFrom = units.slice(0, from).join('').length;
  const at = s.indexOf(search, unitFrom);
  return at < 0 ? -1 : [...s.slice(0, at)].length;
}

/**
 * Spark's UTF8String.substringSQL: 1-based `pos` (0 is 1, negative counts from the end), `len` code points.
 *
 * @example substringSql('Spark SQL', 5, 1) // 'k'; substringSql('Spark SQL', -3, 2) // 'SQ'
 */
export function substringSql(s: string, pos: number, len: number): string {
  const points = SURROGATE.test(s) ? [...s] : undefined;
  const n = points ? points.length : s.length;
  let start = pos > 0 ? pos - 1 : pos < 0 ? n + pos : 0;
  const end = Math.min(start + len, INT_MAX);
  start = Math.max(start, 0);
  if (start >= end) return '';
  return points ? points.slice(start, end).join('') : s.slice(start, end);
}

function substringBytes(b: Uint8Array, pos: number, len: number): Uint8Array {
  let start = pos > 0 ? pos - 1 : pos < 0 ? b.length + pos : 0;
  const end = Math.min(start + len, INT_MAX);
  start = Math.max(start, 0);
  return start >= end ? new Uint8Array(0) : b.slice(start, end);
}

// ───────────────────────────── padding, trimming, case ─────────────────────────────

/** Spark's lpad / rpad: cut to `len` when longer; an empty pad leaves a shorter string as it is. */
function pad(s: string, len: number, padding: string, left: boolean): string {
  const chars = [...s];
  if (len <= chars.length || padding === '') return chars.slice(0, Math.max(len, 0)).join('');
  const padChars = [...padding];
  const fill: string[] = [];
  for (let i = 0; fill.length < len - chars.length; i++) fill.push(padChars[i % padChars.length]!);
  return left ? fill.join('') + s : s + fill.join('');
}

function padBytes(b: Uint8Array, len: number, padding: Uint8Array, left: boolean): Uint8Array {
  if (len <= b.length || padding.length === 0) return b.slice(0, Math.max(len, 0));
  const out = new Uint8Array(len);
  const fill = len - b.length;
  for (let i = 0; i < fill; i++) out[left ? i : b.length + i] = padding[i % padding.length]!;
  out.set(b, left ? fill : 0);
  return out;
}

function padFunction(left: boolean): RowFn {
  return ([s, len, padding]) => {
    if (s instanceof Uint8Array) return padBytes(s, len as number, (padding as Uint8Array | undefined) ?? utf8.encode(' '), left);
    return pad(s as string, len as number, (padding as string | undefined) ?? ' ', left);
  };
}

// Spark's trim without characters removes spaces (U+0020) only; with characters, any of them.
function trimFunction(start: boolean, end: boolean): RowFn {
  return (values) => {
    // trim(str) or trim(trimChars, str).
    const [s, chars] = values.length === 1 ? [values[0] as string, ' '] : [values[1] as string, values[0] as string];
    const set = new Set(chars);
    const points = [...s];
    let from = 0;
    let to = points.length;
    if (start) while (from < to && set.has(points[from]!)) from++;
    if (end) while (to > from && set.has(points[to - 1]!)) to--;
    return from === 0 && to === points.length ? s : points.slice(from, to).join('');
  };
}

/** Spark's initcap: lower case, then upper case the first letter of each space-separated word. */
function initcap(s: string): string {
  return s.toLowerCase().replace(/(^|[ ])(\S)/gu, (_, space: string, c: string) => space + c.toUpperCase());
}

// ───────────────────────────── searching and replacing ─────────────────────────────

function regexpExtract([s, pattern, index]: JsValue[]): JsValue {
  const re = javaRegex(pattern as string);
  const group = (index as number | undefined) ?? 1;
  const groups = new RegExp(`${re.source}|`, re.flags).exec('')!.length - 1;
  if (group < 0 || group > groups)
    fail('EXEC_INVALID_REGEX_GROUP', `regexp_extract: the regex has ${groups} group(s), the index ${group} is out of range`);
  const m = re.exec(s as string);
  return m ? (m[group] ?? '') : '';
}

// Java's replacement syntax: `$n` and `${name}` are groups, `\x` is a literal x.
function jsReplacement(replacement: string): string {
  let out = '';
  for (let i = 0; i < replacement.length; i++) {
    const c = replacement[i]!;
    if (c === '\\' && i + 1 < replacement.length) out += replacement[++i] === '$' ? '$$' : replacement[i];
    else if (c === '$' && replacement[i + 1] === '{') {
      const close = replacement.indexOf('}', i);
      out += `$<${replacement.slice(i + 2, close)}>`;
      i = close;
    } else out += c;
  }
  return out;
}

function regexpReplace([s, pattern, replacement, position]: JsValue[]): JsValue {
  const text = s as string;
  const pos = (position as number | undefined) ?? 1;
  if (pos < 1) fail('EXEC_INVALID_ARGUMENT', `regexp_replace: the position must be at least 1, got ${pos}`);
  const re = javaRegex(pattern as string, 'g');
  const head = codePointSlice(text, 0, pos - 1);
  return head + text.slice(head.length).replace(re, jsReplacement(replacement as string));
}

/** Java's String.split with a limit (Spark passes -1 for none): no leading empty piece from a zero-width match. */
function split([s, pattern, limitValue]: JsValue[]): JsValue {
  const text = s as string;
  const limit = (limitValue as number | undefined) ?? -1;
  if (text === '') return [''];
  const re = javaRegex(pattern as string, 'g');
  const pieces: string[] = [];
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (limit > 0 && pieces.length === limit - 1) break;
    if (m[0] === '') {
      if (m.index >= text.length) break;
      re.lastIndex = m.index + (text.codePointAt(m.index)! > 0xffff ? 2 : 1);
      if (m.index === 0) continue;
    }
    pieces.push(text.slice(last, m.index));
    last = m.index + m[0].length;
  }
  pieces.push(text.slice(last));
  return pieces;
}

// Spark's UTF8String.subStringIndex: the k-th search starts one character after the previous match (so matches
// may overlap); a negative count searches backwards from the end.
function substringIndex([s, delimiter, countValue]: JsValue[]): JsValue {
  const text = s as string;
  const delim = delimiter as string;
  const count = countValue as number;
  if (delim === '' || count === 0) return '';
  if (count > 0) {
    let at = -1;
    for (let k = 0; k < count; k++) {
      at = text.indexOf(delim, at + 1);
      if (at < 0) return text;
    }
    return text.slice(0, at);
  }
  let at = text.length - delim.length + 1;
  for (let k = 0; k < -count; k++) {
    at = at < 1 ? -1 : text.lastIndexOf(delim, at - 1);
    if (at < 0) return text;
  }
  return text.slice(at + delim.length);
}

function translate([s, from, to]: JsValue[]): JsValue {
  const source = [...(from as string)];
  const target = [...(to as string)];
  const map = new Map<string, string>();
  // The first mapping of a character wins; characters beyond `to` are deleted.
  source.forEach((c, i) => {
    if (!map.has(c)) map.set(c, target[i] ?? '');
  });
  return [...(s as string)].map((c) => map.get(c) ?? c).join('');
}

function locate(values: JsValue[]): JsValue {
  const [search, s, start] = values;
  // Spark's StringLocate: a NULL start gives 0, a start below 1 gives 0.
  if (values.length > 2 && start === null) return 0;
  if (search === null || s === null) return null;
  const from = values.length > 2 ? (start as number) : 1;
  if (from < 1) return 0;
  return codePointIndexOf(s as string, search as string, from - 1) + 1;
}

/** Spark's chr: the character of n mod 256; negative n gives ''. */
function chr(n: bigint): string {
  if (n < 0n) return '';
  return String.fromCharCode(Number(n & 0xffn));
}

// ───────────────────────────── concatenation ─────────────────────────────

function concat(values: JsValue[]): JsValue {
  if (values.some((v) => v === null)) return null;
  const first = values[0];
  if (first instanceof Uint8Array) {
    const parts = values as Uint8Array[];
    const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  }
  if (Array.isArray(first)) return (values as JsValue[][]).flat(1);
  return (values as string[]).join('');
}

// concat_ws skips NULL arguments and NULL array elements; a NULL separator gives NULL.
function concatWs(values: JsValue[]): JsValue {
  const [separator, ...rest] = values;
  if (separator === null) return null;
  const parts: string[] = [];
  for (const v of rest) {
    if (v === null) continue;
    if (Array.isArray(v)) for (const e of v) if (e !== null && e !== undefined) parts.push(e as string);
    if (typeof v === 'string') parts.push(v);
  }
  return parts.join(separator as string);
}

const str = (f: (s: string) => JsValue): RowFn => ([s]) => f(s as string);

export const STRING_KERNELS: Readonly<Record<string, FunctionCompiler>> = {
  concat: rowFunction(concat, { nullArguments: true }),
  concat_ws: rowFunction(concatWs, { nullArguments: true }),
  lpad: rowFunction(padFunction(true)),
  rpad: rowFunction(padFunction(false)),
  substring: rowFunction(([s, pos, len]) => {
    const length = (len as number | undefined) ?? INT_MAX;
    return s instanceof Uint8Array ? substringBytes(s, pos as number, length) : substringSql(s as string, pos as number, length);
  }),
  left: rowFunction(([s, n]) => ((n as number) <= 0 ? '' : substringSql(s as string, 1, n as number))),
  right: rowFunction(([s, n]) => ((n as number) <= 0 ? '' : substringSql(s as string, -(n as number), n as number))),
  upper: rowFunction(str((s) => s.toUpperCase())),
  lower: rowFunction(str((s) => s.toLowerCase())),
  initcap: rowFunction(str(initcap)),
  trim: rowFunction(trimFunction(true, true)),
  ltrim: rowFunction(trimFunction(true, false)),
  rtrim: rowFunction(trimFunction(false, true)),
  length: rowFunction(([s]) => (s instanceof Uint8Array ? s.length : codePointLength(s as string))),
  octet_length: rowFunction(([s]) => (s instanceof Uint8Array ? s : utf8.encode(s as string)).length),
  bit_length: rowFunction(([s]) => (s instanceof Uint8Array ? s : utf8.encode(s as string)).length * 8),
  regexp_extract: rowFunction(regexpExtract),
  regexp_replace: rowFunction(regexpReplace),
  split: rowFunction(split),
  replace: rowFunction(([s, search, replacement]) =>
    search === '' ? s : (s as string).split(search as string).join((replacement as string | undefined) ?? ''),
  ),
  translate: rowFunction(translate),
  substring_index: rowFunction(substringIndex),
  instr: rowFunction(([s, search]) => codePointIndexOf(s as string, search as string, 0) + 1),
  locate: rowFunction(locate, { nullArguments: true }),
  repeat: rowFunction(([s, n]) => ((n as number) <= 0 ? '' : (s as string).repeat(n as number))),
  reverse: rowFunction(([s]) => (Array.isArray(s) ? [...(s as JsValue[])].reverse() : [...(s as string)].reverse().join(''))),
  ascii: rowFunction(str((s) => (s === '' ? 0 : s.codePointAt(0)!))),
  chr: rowFunction(([n]) => chr(n as bigint)),
  contains: rowFunction(([s, search]) => (s as string).includes(search as string)),
  startswith: rowFunction(([s, search]) => (s as string).startsWith(search as string)),
  endswith: rowFunction(([s, search]) => (s as string).endsWith(search as string)),
  format_string: formatString,
};
