// Spark's non-ANSI coercion rules, table by table: common types, comparisons, arithmetic, other operators.
import { describe, expect, it } from 'vitest';
import {
  arithmeticType,
  bitwiseNotType,
  bitwiseType,
  booleanOperandType,
  comparisonType,
  concatType,
  tightestCommonType,
  unaryMinusType,
  widerType,
  widerTypeOf,
  widerTypeWithoutStringPromotion,
} from '../../../src/types/coercion.js';
import type { ArithmeticCoercion, ArithmeticOperator, ComparisonOperator } from '../../../src/types/coercion.js';
import { show, ty } from './type-text.js';

describe('tightestCommonType', () => {
  it.each([
    ['int', 'bigint', 'bigint'],
    ['tinyint', 'smallint', 'smallint'],
    ['bigint', 'float', 'float'],
    ['int', 'double', 'double'],
    ['void', 'string', 'string'],
    ['int', 'decimal(12,2)', 'decimal(12,2)'],
    ['bigint', 'decimal(20,0)', 'decimal(20,0)'],
    ['int', 'decimal(5,2)', 'undefined'],
    ['date', 'timestamp', 'timestamp'],
    ['date', 'timestamp_ntz', 'timestamp_ntz'],
    ['timestamp_ntz', 'timestamp', 'timestamp'],
    ['string', 'int', 'undefined'],
    ['array<int>', 'array<bigint>', 'array<bigint>'],
    ['interval', 'interval', 'interval'],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(show(tightestCommonType(ty(a), ty(b)))).toBe(expected);
  });
});

describe('widerType', () => {
  it.each([
    ['int', 'decimal(5,2)', 'decimal(12,2)'],
    ['decimal(10,2)', 'decimal(5,4)', 'decimal(12,4)'],
    ['double', 'decimal(10,2)', 'double'],
    ['float', 'decimal(10,2)', 'double'],
    ['string', 'int', 'string'],
    ['date', 'string', 'string'],
    ['timestamp', 'string', 'string'],
    ['string', 'boolean', 'undefined'],
    ['string', 'binary', 'undefined'],
    ['boolean', 'int', 'undefined'],
    ['array<int>', 'array<string>', 'array<string>'],
    ['map<string,int>', 'map<string,double>', 'map<string,double>'],
    ['struct<a:int,b:string>', 'struct<A:bigint,b:string>', 'struct<a:bigint,b:string>'],
    ['struct<a:int>', 'struct<b:int>', 'undefined'],
    ['struct<a:int>', 'struct<a:int,b:int>', 'undefined'],
    ['array<int>', 'int', 'undefined'],
  ])('%s and %s: %s', (a, b, expected) => {
    expect(show(widerType(ty(a), ty(b)))).toBe(expected);
  });

  it('makes a container nullable when widening an element may give NULL', () => {
    const wide = widerType(ty('array<decimal(38,0)!>'), ty('array<decimal(38,10)!>'));
    expect(wide).toEqual(ty('array<decimal(38,10)>'));
    expect(widerType(ty('array<int!>'), ty('array<bigint!>'))).toEqual(ty('array<bigint!>'));
  });

  it('does not promote to string without string promotion', () => {
    expect(show(widerTypeWithoutStringPromotion(ty('int'), ty('string')))).toBe('undefined');
    expect(show(widerTypeWithoutStringPromotion(ty('int'), ty('decimal(5,2)')))).toBe('decimal(12,2)');
  });
});

describe('widerTypeOf', () => {
  it.each([
    [['int', 'void', 'bigint'], 'bigint'],
    [['timestamp', 'int', 'string'], 'string'],
    [['int', 'string', 'timestamp'], 'string'],
    [['decimal(10,2)', 'int', 'double'], 'double'],
    [['int', 'boolean'], 'undefined'],
    [[], 'void'],
  ])('%o: %s', (types, expected) => {
    expect(show(widerTypeOf(types.map(ty)))).toBe(expected);
  });
});

describe('comparisonType', () => {
  it.each<[string, ComparisonOperator, string, string]>([
    ['string', '=', 'int', 'int'],
    ['string', '<', 'date', 'date'],
    ['timestamp', '>=', 'string', 'timestamp'],
    ['string', '=', 'decimal(10,2)', 'double'],
    ['string', '=', 'decimal(10,0)', 'decimal(10,0)'],
    ['string', '=', 'boolean', 'boolean'],
    ['string', '=', 'binary', 'binary'],
    ['string', '=', 'string', 'string'],
    ['void', '=', 'string', 'string'],
    ['date', '<', 'timestamp', 'timestamp'],
    ['boolean', '=', 'int', 'int'],
    ['boolean', '<=>', 'decimal(5,2)', 'decimal(5,2)'],
    ['boolean', '<', 'int', 'undefined'],
    ['int', '=', 'bigint', 'bigint'],
    ['int', '=', 'decimal(5,2)', 'decimal(12,2)'],
    ['decimal(15,2)', '=', 'double', 'double'],
    ['array<int>', '=', 'array<bigint>', 'array<bigint>'],
    ['map<int,int>', '=', 'map<int,int>', 'undefined'],
    ['string', '=', 'interval', 'undefined'],
    ['int', '=', 'date', 'undefined'],
  ])('%s %s %s compares as %s', (a, op, b, expected) => {
    expect(show(comparisonType(op, ty(a), ty(b)))).toBe(expected);
  });

  it('gives an integer literal next to a decimal only its own digits', () => {
    expect(show(comparisonType('<', ty('decimal(3,2)'), ty('int'), { right: 24 }))).toBe('decimal(4,2)');
    expect(show(comparisonType('<', ty('decimal(3,2)'), ty('int')))).toBe('decimal(12,2)');
    expect(show(comparisonType('<', ty('bigint'), ty('decimal(3,2)'), { left: '123456' }))).toBe('decimal(8,2)');
  });
});

function text(c: ArithmeticCoercion | undefined): string {
  if (!c) return 'undefined';
  if (c.kind === 'function') return `${c.name}${c.swapped ? ' swapped' : ''}`;
  return `${show(c.leftType)}, ${show(c.rightType)} -> ${show(c.resultType)}${c.nullable === 'always' ? ' (nullable)' : ''}`;
}

describe('arithmeticType', () => {
  it.each<[string, ArithmeticOperator, string, string]>([
    ['int', '+', 'int', 'int, int -> int'],
    ['tinyint', '*', 'tinyint', 'tinyint, tinyint -> tinyint'],
    ['int', '+', 'bigint', 'bigint, bigint -> bigint'],
    ['bigint', '-', 'double', 'double, double -> double'],
    ['int', '%', 'bigint', 'bigint, bigint -> bigint (nullable)'],
    ['string', '+', 'int', 'double, double -> double'],
    ['void', '+', 'void', 'double, double -> double'],
    ['boolean', '+', 'int', 'undefined'],
    // Division is fractional: doubles unless both are decimals.
    ['int', '/', 'int', 'double, double -> double (nullable)'],
    ['float', '/', 'float', 'double, double -> double (nullable)'],
    ['decimal(10,2)', '/', 'int', 'decimal(10,2), decimal(10,0) -> decimal(21,13) (nullable)'],
    ['decimal(5,2)', '/', 'void', 'decimal(5,2), decimal(5,2) -> decimal(13,8) (nullable)'],
    ['void', '/', 'decimal(5,2)', 'double, double -> double (nullable)'],
    // div is integral division on bigint or decimals.
    ['int', 'div', 'int', 'bigint, bigint -> bigint (nullable)'],
    ['decimal(10,2)', 'div', 'int', 'decimal(10,2), decimal(10,0) -> bigint (nullable)'],
    ['double', 'div', 'int', 'undefined'],
    ['void', 'div', 'decimal(5,2)', 'decimal(5,2), decimal(5,2) -> bigint (nullable)'],
    // Decimals: operands keep their own precision; decimal arithmetic may overflow to NULL.
    ['decimal(15,2)', '*', 'decimal(15,2)', 'decimal(15,2), decimal(15,2) -> decimal(31,4) (nullable)'],
    ['int', '+', 'decimal(5,2)', 'decimal(10,0), decimal(5,2) -> decimal(13,2) (nullable)'],
    ['decimal(15,2)', '*', 'double', 'double, double -> double'],
    ['void', '+', 'decimal(5,2)', 'decimal(5,2), decimal(5,2) -> decimal(6,2) (nullable)'],
    // Datetimes.
    ['date', '+', 'int', 'date_add'],
    ['int', '+', 'date', 'date_add swapped'],
    ['date', '-', 'int', 'date_sub'],
    ['date', '-', 'date', 'date, date -> interval'],
    ['string', '-', 'date', 'date, date -> interval'],
    ['timestamp', '-', 'date', 'timestamp, timestamp -> interval'],
    ['timestamp', '-', 'timestamp_ntz', 'timestamp_ntz, timestamp_ntz -> interval'],
    ['date', '+', 'interval', 'date, interval -> date'],
    ['interval', '+', 'timestamp', 'interval, timestamp -> timestamp'],
    ['timestamp_ntz', '-', 'interval', 'timestamp_ntz, interval -> timestamp_ntz'],
    ['interval', '-', 'interval', 'interval, interval -> interval'],
    ['interval', '*', 'int', 'interval, double -> interval'],
    ['interval', '/', 'int', 'interval, double -> interval (nullable)'],
    ['string', '*', 'interval', 'double, interval -> interval'],
    ['timestamp', '+', 'int', 'undefined'],
    ['date', '+', 'string', 'undefined'],
    ['int', '-', 'interval', 'undefined'],
  ])('%s %s %s: %s', (a, op, b, expected) => {
    expect(text(arithmeticType(op, ty(a), ty(b)))).toBe(expected);
  });

  it('types integer literals next to decimals by their digits', () => {
    expect(text(arithmeticType('*', ty('decimal(15,2)'), ty('int'), { right: 2 }))).toBe(
      'decimal(15,2), decimal(1,0) -> decimal(17,2) (nullable)',
    );
    expect(text(arithmeticType('-', ty('int'), ty('decimal(15,2)'), { left: 1 }))).toBe(
      'decimal(1,0), decimal(15,2) -> decimal(16,2) (nullable)',
    );
    // Only next to a decimal: an integer literal with an int stays an int.
    expect(text(arithmeticType('+', ty('int'), ty('int'), { right: 2 }))).toBe('int, int -> int');
  });
});

describe('other operators', () => {
  it.each([
    ['int', 'int'],
    ['decimal(5,2)', 'decimal(5,2)'],
    ['interval', 'interval'],
    ['string', 'double'],
    ['void', 'double'],
    ['boolean', 'undefined'],
  ])('-(%s) is %s', (t, expected) => {
    expect(show(unaryMinusType(ty(t)))).toBe(expected);
  });

  it.each([
    ['int', 'bigint', 'bigint'],
    ['tinyint', 'void', 'tinyint'],
    ['void', 'void', 'int'],
    ['int', 'double', 'undefined'],
    ['string', 'int', 'undefined'],
  ])('%s & %s is %s', (a, b, expected) => {
    expect(show(bitwiseType(ty(a), ty(b)))).toBe(expected);
  });

  it('~ takes integral types', () => {
    expect([bitwiseNotType(ty('bigint')), bitwiseNotType(ty('void')), bitwiseNotType(ty('double'))].map(show)).toEqual([
      'bigint',
      'int',
      'undefined',
    ]);
  });

  it('takes only booleans (and NULL) as conditions', () => {
    expect(['boolean', 'void', 'string', 'int'].map((t) => show(booleanOperandType(ty(t))))).toEqual([
      'boolean',
      'boolean',
      'undefined',
      'undefined',
    ]);
  });

  it.each([
    [['string', 'int'], 'string, string -> string'],
    [['binary', 'binary'], 'binary, binary -> binary'],
    [['binary', 'string'], 'string, string -> string'],
    [['date', 'decimal(5,2)'], 'string, string -> string'],
    [['array<int>', 'array<bigint>'], 'array<bigint>, array<bigint> -> array<bigint>'],
    [['array<int>', 'string'], 'undefined'],
    [['map<int,int>'], 'undefined'],
    [[], ' -> string'],
  ])('concat of %o: %s', (types, expected) => {
    const c = concatType(types.map(ty));
    expect(c ? `${c.argTypes.map(show).join(', ')} -> ${show(c.resultType)}` : 'undefined').toBe(expected);
  });
});
