// String functions, written as SQL so the analyzer's casts apply: Spark's results for each, NULLs and code points.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { JsValue } from '../../../../src/exec/vector.js';
import { substringSql } from '../../../../src/exec/kernels/string-functions.js';
import { SqlError } from '../../../../src/common/errors.js';
import { evalColumns, evalValue } from '../expr/sql-expr.js';

describe('string functions', () => {
  it.each<[string, JsValue]>([
    ["substring('Spark SQL', 5)", 'k SQL'],
    ["substring('Spark SQL', -3)", 'SQL'],
    ["substring('Spark SQL', 5, 1)", 'k'],
    ["substr('Spark SQL', 0, 2)", 'Sp'],
    ["substring('Spark SQL', -20, 22)", 'Spark SQL'],
    ["substring('Spark SQL', -12, 5)", 'Sp'],
    ["substring('Spark SQL', 3, -1)", ''],
    ["substring('a😀bc', 2, 2)", '😀b'],
    ["substring(X'010203', 2)", new Uint8Array([2, 3])],
    ["concat('a', 1, NULL)", null],
    ["concat('a', 1, true)", 'a1true'],
    ["'a' || 'b'", 'ab'],
    ["concat(array(1), array(2, 3))", [1, 2, 3]],
    ["concat_ws(',', 'a', NULL, array('b', NULL, 'c'))", 'a,b,c'],
    ['concat_ws(NULL, \'a\')', null],
    ["upper('abé')", 'ABÉ'],
    ["lower('ABC')", 'abc'],
    ["initcap('hello  wORLD')", 'Hello  World'],
    ["trim('  a b  ')", 'a b'],
    ["trim('\ta ')", '\ta'],
    ["ltrim('  a ')", 'a '],
    ["rtrim('  a ')", '  a'],
    ["trim('xy', 'yxaxy')", 'a'],
    ["length('a😀')", 2],
    ['length(X\'0102\')', 2],
    ["octet_length('é')", 2],
    ["bit_length('a')", 8],
    ["regexp_extract('foo123bar', '[0-9]+', 0)", '123'],
    ["regexp_extract('foo', '(\\\\d+)', 1)", ''],
    ["regexp_replace('a.b.c', '\\\\.', '-')", 'a-b-c'],
    ["regexp_replace('abc abc', '(a)(b)', '$2$1')", 'bac bac'],
    ["regexp_replace('aaa', 'a', 'b', 2)", 'abb'],
    ["split('a,b,,c,,', ',')", ['a', 'b', '', 'c', '', '']],
    ["split('a,b,c', ',', 2)", ['a', 'b,c']],
    ["split('abc', '')", ['a', 'b', 'c']],
    ["replace('ABCabc', 'abc', 'DEF')", 'ABCDEF'],
    ["replace('a$b', '$', '$$')", 'a$$b'],
    ["replace('abc', 'b')", 'ac'],
    ["lpad('hi', 5)", '   hi'],
    ["lpad('hello', 2, 'x')", 'he'],
    ["lpad('hi', 4, '')", 'hi'],
    ["rpad('hi', 5, 'ab')", 'hiaba'],
    ["instr('abc', 'd')", 0],
    ["locate('b', 'abcb')", 2],
    ["locate('b', 'abcb', 0)", 0],
    ["left('abc', 2)", 'ab'],
    ["left('abc', -1)", ''],
    ["right('abc', 2)", 'bc'],
    ["right('abc', 5)", 'abc'],
    ["repeat('ab', 3)", 'ababab'],
    ["repeat('ab', -1)", ''],
    ["reverse('a😀b')", 'b😀a'],
    ['reverse(array(1, 2))', [2, 1]],
    ["ascii('😀')", 128512],
    ["ascii('')", 0],
    ['chr(65)', 'A'],
    ['chr(321)', 'A'],
    ['chr(-1)', ''],
    ["translate('abc', 'ab', 'x')", 'xc'],
    ["substring_index('a.b.c', '.', 0)", ''],
    ["substring_index('aaa', 'aa', 2)", 'a'],
    ["contains('Spark', 'ar')", true],
    ["startswith('Spark', 'Sp')", true],
    ["endswith('Spark', 'k')", true],
    ["format_string('%5.2f|%-4s|%04d|%x|%%', 3.14159, 'ab', 7, 255)", ' 3.14|ab  |0007|ff|%'],
    ["format_string('%s and %s', 1.50, NULL)", '1.50 and null'],
    ["printf('%2$s %1$s', 'a', 'b')", 'b a'],
  ])('%s = %j', async (expr, expected) => {
    expect(await evalValue(expr)).toEqual(expected);
  });

  it('gives NULL for NULL arguments, and keeps dictionaries of columns', async () => {
    expect(await evalValue('upper(NULL)')).toBeNull();
    expect(await evalValue("substring('abc', NULL)")).toBeNull();
    expect(await evalColumns('upper(s), substring(s, 1, 1)', { s: 'string?' }, [['ab'], [null], ['cd']])).toEqual([
      ['AB', null, 'CD'],
      ['a', null, 'c'],
    ]);
  });

  it('fails on invalid regular expressions and group indexes', async () => {
    await expect(evalValue("regexp_extract('a', '(a', 1)")).rejects.toThrow(SqlError);
    await expect(evalValue("regexp_extract('a', '(a)', 2)")).rejects.toThrow(/group/);
  });

  it('substring agrees with a code point reference', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 8 }), fc.integer({ min: -10, max: 10 }), fc.integer({ min: -2, max: 10 }), (s, pos, len) => {
        const points = [...s];
        const start = pos > 0 ? pos - 1 : pos < 0 ? points.length + pos : 0;
        const end = start + len;
        const expected = Math.max(start, 0) >= end ? '' : points.slice(Math.max(start, 0), end).join('');
        expect(substringSql(s, pos, len)).toBe(expected);
      }),
    );
  });
});
