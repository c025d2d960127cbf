// LIKE, ILIKE and RLIKE. A LIKE pattern is compiled once into the cheapest test that decides it (equality, prefix,
// suffix, substring, or an anchored RegExp); a dictionary column is matched once per dictionary entry.
import { fail } from '../../common/errors.js';
import type { Vector } from '../vector.js';
import { javaRegex } from './java-regex.js';
import { boolVector, onDictionary, stringsOf } from './vector-helpers.js';

export type Matcher = (s: string) => boolean;

type Piece = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'one' } | { readonly kind: 'any' };

// `_` is one character, `%` any run; the escape character makes the next `_`, `%` or itself literal, and may
// precede nothing else (Spark's StringUtils.escapeLikeRegex).
function parseLike(pattern: string, escape: string): Piece[] {
  const pieces: Piece[] = [];
  let text = '';
  const flush = (): void => {
    if (text) pieces.push({ kind: 'text', text });
    text = '';
  };
  const chars = [...pattern];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    if (c === escape) {
      const next = chars[i + 1];
      if (next === undefined) fail('EXEC_INVALID_LIKE_PATTERN', `the LIKE pattern '${pattern}' ends with the escape character`);
      if (next !== '_' && next !== '%' && next !== escape)
        fail('EXEC_INVALID_LIKE_PATTERN', `in the LIKE pattern '${pattern}' the escape character may only precede _, % or itself, not '${next}'`);
      text += next;
      i++;
    } else if (c === '_' || c === '%') {
      flush();
      // Adjacent `%` are one.
      if (c === '_' || pieces[pieces.length - 1]?.kind !== 'any') pieces.push({ kind: c === '_' ? 'one' : 'any' });
    } else text += c;
  }
  flush();
  return pieces;
}

/**
 * The test of `s LIKE pattern` (ILIKE with `ignoreCase`).
 *
 * @example likeMatcher('MEDIUM POLISHED%', '\\', false)('MEDIUM POLISHED TIN') // true, by a startsWith
 */
export function likeMatcher(pattern: string, escape: string, ignoreCase: boolean): Matcher {
  // Spark's ILIKE is LIKE on lower(operand) and lower(pattern).
  const pieces = parseLike(ignoreCase ? pattern.toLowerCase() : pattern, ignoreCase ? escape.toLowerCase() : escape);
  const test = matcherFor(pieces);
  return ignoreCase ? (s) => test(s.toLowerCase()) : test;
}

function matcherFor(pieces: readonly Piece[]): Matcher {
  const texts = pieces.map((p) => (p.kind === 'text' ? p.text : ''));
  const shape = pieces.map((p) => (p.kind === 'text' ? 't' : p.kind === 'any' ? '%' : '_')).join('');
  switch (shape) {
    case '':
      return (s) => s === '';
    case 't':
      return (s) => s === texts[0];
    case '%':
      return () => true;
    case 't%':
      return (s) => s.startsWith(texts[0]!);
    case '%t':
      return (s) => s.endsWith(texts[1]!);
    case '%t%':
      return (s) => s.includes(texts[1]!);
  }
  if (!shape.includes('_')) return segmentMatcher(pieces);
  const source = pieces.map((p) => (p.kind === 'text' ? escapeRegExp(p.text) : p.kind === 'any' ? '[^]*' : '.')).join('');
  // 's' lets `_` and `%` match line breaks, 'u' makes `_` one code point, as in Spark.
  const re = new RegExp(`^${source}$`, 'su');
  return (s) => re.test(s);
}

/**
 * A pattern of text and `%` only ('%Customer%Complaints%'): the text pieces in order, each found at its leftmost
 * place after the previous one (which is optimal for such patterns), the first and last anchored when the pattern
 * does not start or end with `%`.
 */
function segmentMatcher(pieces: readonly Piece[]): Matcher {
  const segments = pieces.flatMap((p) => (p.kind === 'text' ? [p.text] : []));
  const anchoredStart = pieces[0]?.kind === 'text';
  const anchoredEnd = pieces[pieces.length - 1]?.kind === 'text';
  const first = anchoredStart ? segments[0]! : undefined;
  const last = anchoredEnd ? segments[segments.length - 1]! : undefined;
  const middle = segments.slice(anchoredStart ? 1 : 0, anchoredEnd ? segments.length - 1 : segments.length);
  return (s) => {
    let at = 0;
    if (first !== undefined) {
      if (!s.startsWith(first)) return false;
      at = first.length;
    }
    for (const m of middle) {
      const found = s.indexOf(m, at);
      if (found < 0) return false;
      at = found + m.length;
    }
    return last === undefined || (s.length - last.length >= at && s.endsWith(last));
  };
}

// Unicode mode allows escaping only syntax characters, which is all a literal outside a class needs.
function escapeRegExp(text: string): string {
  return text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');
}

/** The test of `s RLIKE pattern`: a Java regular expression found anywhere in the string. */
export function regexMatcher(pattern: string): Matcher {
  const re = javaRegex(pattern);
  return (s) => re.test(s);
}

/** Applies a matcher to every row of a string vector. */
export function matchVector(v: Vector, matcher: Matcher): Vector {
  const dict = onDictionary(v, (entries) => matchVector(entries, matcher));
  if (dict) return dict;
  const s = stringsOf(v);
  const out = new Uint8Array(v.length);
  const nulls = v.nulls;
  for (let i = 0; i < out.length; i++) if (nulls?.[i] !== 1) out[i] = matcher(s[i]!) ? 1 : 0;
  return boolVector({ kind: 'boolean' }, out, nulls);
}

/** Matches each row against its own pattern (a pattern column), building each distinct pattern's test once. */
export function matchRows(v: Vector, patterns: Vector, build: (pattern: string) => Matcher, cache: Map<string, Matcher>): Vector {
  const s = stringsOf(v);
  const p = stringsOf(patterns);
  const out = new Uint8Array(v.length);
  let nulls: Uint8Array | undefined;
  for (let i = 0; i < out.length; i++) {
    if (v.nulls?.[i] === 1 || patterns.nulls?.[i] === 1) {
      (nulls ??= new Uint8Array(out.length))[i] = 1;
      continue;
    }
    const pattern = p[i]!;
    let m = cache.get(pattern);
    if (!m) {
      if (cache.size > 10_000) cache.clear();
      m = build(pattern);
      cache.set(pattern, m);
    }
    out[i] = m(s[i]!) ? 1 : 0;
  }
  return boolVector({ kind: 'boolean' }, out, nulls);
}
