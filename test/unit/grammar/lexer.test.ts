// Lexer tests: case-insensitive keywords, comments, hints, quoting, and which words stay names.
import { describe, expect, it } from 'vitest';
import { sqlLexer } from '../../../grammar/tokens.js';
import { parseExpression, parseQuery } from '../../../src/ast/parse.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';

const tokensOf = (sql: string) => sqlLexer().tokenize(sql).tokens.map((t) => `${t.tokenType.name}:${t.image}`);

describe('lexer', () => {
  it('keywords are case-insensitive and give way to longer names', () => {
    expect(tokensOf('select Select SELECTED describe desc intervals')).toEqual([
      'Select:select',
      'Select:Select',
      'UnquotedIdentifier:SELECTED',
      'Describe:describe',
      'Desc:desc',
      'UnquotedIdentifier:intervals',
    ]);
    expect(tokensOf('timestamp_ntz timestamp years')).toEqual(['TimestampNtz:timestamp_ntz', 'Timestamp:timestamp', 'Year:years']);
  });

  it('operators take their longest spelling', () => {
    expect(tokensOf('<=> <= <> != < >= > == = || | && & :: :')).toEqual([
      'NullSafeEquals:<=>',
      'LessOrEqual:<=',
      'NotEquals:<>',
      'NotEquals:!=',
      'LessThan:<',
      'GreaterOrEqual:>=',
      'GreaterThan:>',
      'Equals:==',
      'Equals:=',
      'Concat:||',
      'Pipe:|',
      'DoubleAmpersand:&&',
      'Ampersand:&',
      'DoubleColon:::',
      'Colon::',
    ]);
  });

  it('skips line comments and nested block comments', () => {
    expect(tokensOf('a -- comment\n/* x /* nested */ still comment */ b')).toEqual(['UnquotedIdentifier:a', 'UnquotedIdentifier:b']);
    expect(stripSpans(parseExpression('1 /* c */ + -- c\n 2'))).toMatchObject({ kind: 'binary', op: '+' });
  });

  it('reads `/*+` as a hint only right after SELECT', () => {
    expect(tokensOf('SELECT /*+ B(t) */ a /*+ not a hint */')).toEqual([
      'Select:SELECT',
      'HintStart:/*+',
      'UnquotedIdentifier:B',
      'LParen:(',
      'UnquotedIdentifier:t',
      'RParen:)',
      'HintEnd:*/',
      'UnquotedIdentifier:a',
    ]);
  });

  it('a minus sign is not a comment unless doubled', () => {
    expect(stripSpans(parseExpression('1 - -1'))).toMatchObject({ op: '-', right: { kind: 'unary', op: '-' } });
  });
});

describe('names', () => {
  it('Spark non-reserved keywords name tables, columns and aliases', () => {
    const q = stripSpans(parseQuery('SELECT date, year AS month, value key FROM range r, table t, view WHERE type = comment'));
    expect(q.body).toMatchObject({
      items: [{ expr: { parts: ['date'] } }, { expr: { parts: ['year'] }, alias: 'month' }, { expr: { parts: ['value'] }, alias: 'key' }],
      from: [{ name: ['range'], alias: { name: 'r' } }, { name: ['table'], alias: { name: 't' } }, { name: ['view'] }],
    });
  });

  it('reserved words need backquotes', () => {
    expect(stripSpans(parseExpression('`select` + `from`'))).toMatchObject({ left: { parts: ['select'] }, right: { parts: ['from'] } });
    expect(() => parseExpression('select + 1')).toThrow();
  });
});
