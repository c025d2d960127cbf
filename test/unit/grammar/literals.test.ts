// Parser tests for literals (numbers, strings and their escapes, typed literals, intervals) and SQL type names.
import { describe, expect, it } from 'vitest';
import type { Expr, Literal } from '../../../src/ast/ast.js';
import { parseExpression } from '../../../src/ast/parse.js';
import { stripSpans } from '../../../src/ast/strip-spans.js';
import { SqlError } from '../../../src/common/errors.js';
import { arrayOf, decimal, mapOf, structOf, T, type DataType } from '../../../src/types/data-type.js';

const parse = (sql: string): Expr => stripSpans(parseExpression(sql));
const literal = (sql: string): Literal => {
  const e = parse(sql);
  if (e.kind !== 'literal') throw new Error(`not a literal: ${sql}`);
  return e.literal;
};
const typeOf = (sql: string): DataType => {
  const e = parse(`CAST(x AS ${sql})`);
  if (e.kind !== 'cast') throw new Error(`not a cast: ${sql}`);
  return e.type;
};
const codesOf = (sql: string): string[] => {
  try {
    parseExpression(sql);
  } catch (e) {
    if (e instanceof SqlError) return e.diagnostics.map((d) => d.code);
    throw e;
  }
  throw new Error(`parsed: ${sql}`);
};

describe('numbers', () => {
  it('keep their text and an upper-cased suffix', () => {
    expect(literal('1')).toEqual({ type: 'number', text: '1' });
    expect(literal('1l')).toEqual({ type: 'number', text: '1', suffix: 'L' });
    expect(literal('1S')).toEqual({ type: 'number', text: '1', suffix: 'S' });
    expect(literal('1Y')).toEqual({ type: 'number', text: '1', suffix: 'Y' });
    expect(literal('1.5')).toEqual({ type: 'number', text: '1.5' });
    expect(literal('.5')).toEqual({ type: 'number', text: '.5' });
    expect(literal('1.5D')).toEqual({ type: 'number', text: '1.5', suffix: 'D' });
    expect(literal('1.5F')).toEqual({ type: 'number', text: '1.5', suffix: 'F' });
    expect(literal('1.5bd')).toEqual({ type: 'number', text: '1.5', suffix: 'BD' });
    expect(literal('1e10')).toEqual({ type: 'number', text: '1e10' });
    expect(literal('1E-3')).toEqual({ type: 'number', text: '1E-3' });
    expect(literal('2e+3D')).toEqual({ type: 'number', text: '2e+3', suffix: 'D' });
  });

  it('a negative number is a minus on a literal', () => {
    expect(parse('-1')).toEqual({ kind: 'unary', op: '-', operand: { kind: 'literal', literal: { type: 'number', text: '1' } } });
  });

  it('integer suffixes need an integer', () => {
    expect(codesOf('1.5L')).toEqual(['SYNTAX_INVALID_LITERAL']);
    expect(codesOf('1e3S')).toEqual(['SYNTAX_INVALID_LITERAL']);
  });
});

describe('strings', () => {
  it('take both quote kinds; adjacent strings concatenate', () => {
    expect(literal(`'a'`)).toEqual({ type: 'string', value: 'a' });
    expect(literal(`"a"`)).toEqual({ type: 'string', value: 'a' });
    expect(literal(`'a' "b" 'c'`)).toEqual({ type: 'string', value: 'abc' });
  });

  it("decode Spark's escapes and doubled quotes", () => {
    expect(literal(String.raw`'it\'s'`)).toEqual({ type: 'string', value: "it's" });
    expect(literal(`'it''s'`)).toEqual({ type: 'string', value: "it's" });
    expect(literal(`"say ""hi"""`)).toEqual({ type: 'string', value: 'say "hi"' });
    expect(literal(String.raw`'\"'`)).toEqual({ type: 'string', value: '"' });
    expect(literal(String.raw`'a\nb\tc\rd\\e\bf\0g\Zh'`)).toEqual({ type: 'string', value: 'a\nb\tc\rd\\e\bf\0g\x1ah' });
    expect(literal(String.raw`'\u00e9\101'`)).toEqual({ type: 'string', value: 'éA' });
    // LIKE escapes keep their backslash; other escaped characters stand for themselves.
    expect(literal(String.raw`'\%\_\q'`)).toEqual({ type: 'string', value: '\\%\\_q' });
  });

  it('may span lines', () => {
    expect(literal(`'a\nb'`)).toEqual({ type: 'string', value: 'a\nb' });
  });

  it('reject a bad \\u escape', () => {
    expect(codesOf(String.raw`'\u12'`)).toEqual(['SYNTAX_INVALID_LITERAL']);
  });
});

describe('other literals', () => {
  it('NULL, TRUE, FALSE in any case', () => {
    expect(literal('null')).toEqual({ type: 'null' });
    expect(literal('True')).toEqual({ type: 'boolean', value: true });
    expect(literal('FALSE')).toEqual({ type: 'boolean', value: false });
  });

  it('typed literals', () => {
    expect(literal(`DATE '2024-01-31'`)).toEqual({ type: 'typed', typeName: 'date', value: '2024-01-31' });
    expect(literal(`timestamp '2024-01-31 10:00:00'`)).toEqual({ type: 'typed', typeName: 'timestamp', value: '2024-01-31 10:00:00' });
    expect(literal(`TIMESTAMP_NTZ '2024-01-31'`)).toEqual({ type: 'typed', typeName: 'timestamp_ntz', value: '2024-01-31' });
    expect(literal(`TIMESTAMP_LTZ '2024-01-31'`)).toEqual({ type: 'typed', typeName: 'timestamp_ltz', value: '2024-01-31' });
  });

  it('binary literals keep their hex digits', () => {
    expect(literal(`X'0aFF'`)).toEqual({ type: 'binary', hex: '0aFF' });
    expect(literal(`x''`)).toEqual({ type: 'binary', hex: '' });
    expect(codesOf(`X'0g'`)).toEqual(['SYNTAX_INVALID_LITERAL']);
  });
});

describe('intervals', () => {
  it("one unit, quoted or not, singular or plural, with a sign", () => {
    expect(parse(`INTERVAL '3' DAY`)).toEqual({ kind: 'interval', parts: [{ value: '3', unit: 'day' }] });
    expect(parse('INTERVAL 3 DAYS')).toEqual({ kind: 'interval', parts: [{ value: '3', unit: 'day' }] });
    expect(parse('INTERVAL -3 hours')).toEqual({ kind: 'interval', parts: [{ value: '-3', unit: 'hour' }] });
    expect(parse(`INTERVAL -'-3' minute`)).toEqual({ kind: 'interval', parts: [{ value: '3', unit: 'minute' }] });
  });

  it('several units', () => {
    expect(parse('INTERVAL 1 YEAR 2 MONTHS 3 WEEKS 4 SECONDS 5 MILLISECONDS 6 MICROSECONDS')).toEqual({
      kind: 'interval',
      parts: [
        { value: '1', unit: 'year' },
        { value: '2', unit: 'month' },
        { value: '3', unit: 'week' },
        { value: '4', unit: 'second' },
        { value: '5', unit: 'millisecond' },
        { value: '6', unit: 'microsecond' },
      ],
    });
  });

  it('X TO Y, and a bare string', () => {
    expect(parse(`INTERVAL '1-2' YEAR TO MONTH`)).toEqual({ kind: 'interval', parts: [{ value: '1-2', unit: 'year' }], to: 'month' });
    expect(parse(`INTERVAL '1 10:30' DAY TO MINUTE`)).toEqual({
      kind: 'interval',
      parts: [{ value: '1 10:30', unit: 'day' }],
      to: 'minute',
    });
    expect(parse(`INTERVAL '1 day'`)).toEqual({ kind: 'interval', parts: [{ value: '1 day' }] });
    expect(codesOf(`INTERVAL '1' YEAR TO DAY`)).toEqual(['SYNTAX_INVALID_LITERAL']);
  });

  it('end where the next operand starts', () => {
    expect(parse(`d + INTERVAL 1 DAY - INTERVAL 2 HOURS`)).toMatchObject({
      op: '-',
      left: { op: '+', right: { kind: 'interval', parts: [{ value: '1', unit: 'day' }] } },
      right: { kind: 'interval', parts: [{ value: '2', unit: 'hour' }] },
    });
  });
});

describe('types', () => {
  it('simple types and their synonyms', () => {
    const cases: [string, DataType][] = [
      ['boolean', T.boolean],
      ['tinyint', T.tinyint],
      ['byte', T.tinyint],
      ['smallint', T.smallint],
      ['short', T.smallint],
      ['int', T.int],
      ['INTEGER', T.int],
      ['bigint', T.bigint],
      ['long', T.bigint],
      ['float', T.float],
      ['real', T.float],
      ['double', T.double],
      ['string', T.string],
      ['varchar(10)', T.string],
      ['char(1)', T.string],
      ['binary', T.binary],
      ['date', T.date],
      ['timestamp', T.timestamp],
      ['timestamp_ltz', T.timestamp],
      ['timestamp_ntz', T.timestamp_ntz],
      ['interval', T.interval],
    ];
    for (const [sql, type] of cases) expect(typeOf(sql)).toEqual(type);
  });

  it('decimals, with the default precision and scale', () => {
    expect(typeOf('decimal')).toEqual(decimal(10, 0));
    expect(typeOf('decimal(15)')).toEqual(decimal(15, 0));
    expect(typeOf('DEC(15, 2)')).toEqual(decimal(15, 2));
    expect(typeOf('numeric(38,38)')).toEqual(decimal(38, 38));
    expect(codesOf('CAST(x AS decimal(39, 2))')).toEqual(['SYNTAX_INVALID_TYPE']);
    expect(codesOf('CAST(x AS decimal(5, 6))')).toEqual(['SYNTAX_INVALID_TYPE']);
  });

  it('arrays, maps and structs, nested', () => {
    expect(typeOf('array<map<string, array<int>>>')).toEqual(arrayOf(mapOf(T.string, arrayOf(T.int))));
    expect(typeOf('struct<a: int, `b c` string NOT NULL>')).toEqual(
      structOf([
        { name: 'a', type: T.int, nullable: true },
        { name: 'b c', type: T.string, nullable: false },
      ]),
    );
    expect(typeOf('struct<>')).toEqual(structOf([]));
  });

  it('reject unknown names and misplaced parameters', () => {
    expect(codesOf('CAST(x AS text)')).toEqual(['SYNTAX_UNKNOWN_TYPE']);
    expect(codesOf('CAST(x AS int(3))')).toEqual(['SYNTAX_INVALID_TYPE']);
    expect(codesOf('CAST(x AS varchar)')).toEqual(['SYNTAX_INVALID_TYPE']);
  });
});
