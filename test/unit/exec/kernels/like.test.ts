// LIKE / ILIKE / RLIKE: wildcards, escapes, regex metacharacters taken literally, and the fast paths.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T } from '../../../../src/types/data-type.js';
import { SqlError } from '../../../../src/common/errors.js';
import { likeMatcher, matchRows, matchVector, regexMatcher } from '../../../../src/exec/kernels/like.js';
import type { Matcher } from '../../../../src/exec/kernels/like.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { column, vec } from './vectors.js';

const like = (s: string, pattern: string, escape = '\\') => likeMatcher(pattern, escape, false)(s);

describe('LIKE', () => {
  it.each<[string, string, boolean]>([
    ['MEDIUM POLISHED TIN', 'MEDIUM POLISHED%', true],
    ['special Customer requests Complaints', '%Customer%Complaints%', true],
    ['Customer', '%Customer%Complaints%', false],
    ['abc', 'abc', true],
    ['abc', 'ab', false],
    ['abc', '_b_', true],
    ['ab', '_b_', false],
    ['😀x', '_x', true],
    ['a\nb', 'a_b', true],
    ['a\nb', 'a%', true],
    ['', '%', true],
    ['', '', true],
    ['x', '', false],
    ['abc', '%c', true],
    ['abc', 'a%c', true],
    ['ac', 'a%%c', true],
    ['a', 'a%a', false],
    ['a.c', 'a.c', true],
    ['abc', 'a.c', false],
    ['a+b(c)[d]{2}$^|/\\', 'a+b(c)[d]{2}$^|/\\\\', true],
    ['100%', '100\\%', true],
    ['1000', '100\\%', false],
    ['a_b', 'a\\_b', true],
    ['axb', 'a\\_b', false],
    ['a\\b', 'a\\\\b', true],
  ])('%j LIKE %j is %s', (s, pattern, expected) => {
    expect(like(s, pattern)).toBe(expected);
  });

  it('takes another escape character', () => {
    expect(like('10%', '10#%', '#')).toBe(true);
    expect(like('a\\b', 'a\\b', '#')).toBe(true);
  });

  it('rejects an escape before an ordinary character or at the end', () => {
    expect(() => like('a', 'a\\')).toThrow(SqlError);
    expect(() => like('ab', 'a\\b')).toThrow(/may only precede/);
  });

  it('ILIKE lowercases both sides', () => {
    expect(likeMatcher('%CUSTOMER%', '\\', true)('my Customer')).toBe(true);
  });

  it('RLIKE finds a Java regex anywhere, with inline flags', () => {
    expect(regexMatcher('^\\d+$')('123')).toBe(true);
    expect(regexMatcher('b+')('abbc')).toBe(true);
    expect(regexMatcher('(?i)ABC')('xabcx')).toBe(true);
    expect(() => regexMatcher('a++b(')).toThrow(SqlError);
  });

  it('matches vectors, dictionaries and pattern columns with NULLs', () => {
    const m = likeMatcher('a%', '\\', false);
    expect(vectorValues(matchVector(vec(T.string, ['ab', null, 'b', 'ab'], 'dict'), m))).toEqual([true, null, false, true]);
    expect(vectorValues(matchVector(vec(T.string, []), m))).toEqual([]);
    const rows = matchRows(vec(T.string, ['ab', 'ab', null]), vec(T.string, ['a%', null, '%']), (p) => likeMatcher(p, '\\', false), new Map<string, Matcher>());
    expect(vectorValues(rows)).toEqual([true, null, null]);
  });
});

// A reference LIKE by dynamic programming over code points, independent of RegExp.
function referenceLike(s: string, pattern: string): boolean {
  const text = [...s];
  const tokens: ({ any: true } | { one: true } | { char: string })[] = [];
  const p = [...pattern];
  for (let i = 0; i < p.length; i++) {
    if (p[i] === '\\') tokens.push({ char: p[++i]! });
    else if (p[i] === '%') tokens.push({ any: true });
    else if (p[i] === '_') tokens.push({ one: true });
    else tokens.push({ char: p[i]! });
  }
  let states = new Set([0]);
  const close = (set: Set<number>) => {
    for (const k of [...set]) for (let j = k; j < tokens.length && 'any' in tokens[j]!; j++) set.add(j + 1);
    return set;
  };
  states = close(states);
  for (const c of text) {
    const next = new Set<number>();
    for (const k of states) {
      const t = tokens[k];
      if (!t) continue;
      if ('any' in t) next.add(k);
      else if ('one' in t || t.char === c) next.add(k + 1);
    }
    states = close(next);
  }
  return states.has(tokens.length);
}

describe('LIKE agrees with a reference matcher', () => {
  const alphabet = fc.constantFrom('a', 'b', '.', '*', '(', '😀', '\n');
  const patternChar = fc.oneof(alphabet, fc.constantFrom('%', '_', '\\%', '\\_', '\\\\'));
  it('on random strings and patterns', () => {
    fc.assert(
      fc.property(
        fc.array(patternChar, { maxLength: 6 }).map((cs) => cs.join('')),
        fc.integer({ min: 0, max: 20 }).chain((n) => column(fc.array(alphabet, { maxLength: 6 }).map((cs) => cs.join('')), n)),
        fc.constantFrom<'default' | 'dict'>('default', 'dict'),
        (pattern, values, layout) => {
          const expected = values.map((s) => (s === null ? null : referenceLike(s as string, pattern)));
          expect(vectorValues(matchVector(vec(T.string, values, layout), likeMatcher(pattern, '\\', false)))).toEqual(expected);
        },
      ),
    );
  });
});
