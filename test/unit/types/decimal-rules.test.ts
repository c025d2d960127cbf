// Spark's decimal precision rules against the examples Spark documents (DecimalPrecision, DecimalType, TPC-H).
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  adjustPrecisionScale,
  avgDecimalType,
  ceilFloorDecimalType,
  decimalArithmeticType,
  decimalForIntegralLiteral,
  decimalForType,
  roundDecimalType,
  sumDecimalType,
  widerDecimalType,
} from '../../../src/types/decimal-rules.js';
import type { DecimalArithmeticOperator, DecimalDataType } from '../../../src/types/decimal-rules.js';
import { show, ty } from './type-text.js';

const d = (text: string): DecimalDataType => ty(text) as DecimalDataType;

describe('decimalArithmeticType', () => {
  it.each<[string, DecimalArithmeticOperator, string, string]>([
    ['decimal(15,2)', '+', 'decimal(15,2)', 'decimal(16,2)'],
    ['decimal(10,2)', '-', 'decimal(5,4)', 'decimal(13,4)'],
    ['decimal(15,2)', '*', 'decimal(15,2)', 'decimal(31,4)'],
    ['decimal(10,2)', '/', 'decimal(5,3)', 'decimal(19,8)'],
    ['decimal(10,2)', '%', 'decimal(5,3)', 'decimal(5,3)'],
    // Over 38 digits the integer digits are kept and the scale shrinks, but not below min(scale, 6).
    ['decimal(38,10)', '/', 'decimal(38,10)', 'decimal(38,6)'],
    ['decimal(38,18)', '*', 'decimal(10,0)', 'decimal(38,7)'],
    ['decimal(38,18)', '*', 'decimal(1,0)', 'decimal(38,16)'],
    ['decimal(38,7)', '+', 'decimal(10,0)', 'decimal(38,6)'],
    ['decimal(38,2)', '+', 'decimal(38,2)', 'decimal(38,2)'],
  ])('%s %s %s is %s', (a, op, b, expected) => {
    expect(show(decimalArithmeticType(op, d(a), d(b)))).toBe(expected);
  });

  it('types TPC-H Q1 as Spark does', () => {
    const price = d('decimal(15,2)');
    const one = decimalForIntegralLiteral(ty('int'), 1)!;
    const discounted = decimalArithmeticType('*', price, decimalArithmeticType('-', one, price));
    const charge = decimalArithmeticType('*', discounted, decimalArithmeticType('+', one, price));
    expect([discounted, charge, sumDecimalType(discounted), sumDecimalType(charge), avgDecimalType(price)].map(show)).toEqual([
      'decimal(32,4)',
      'decimal(38,6)',
      'decimal(38,4)',
      'decimal(38,6)',
      'decimal(19,6)',
    ]);
  });
});

describe('adjustPrecisionScale', () => {
  it.each([
    [38, 10, 'decimal(38,10)'],
    [40, 2, 'decimal(38,2)'],
    [87, 49, 'decimal(38,6)'],
    [50, 20, 'decimal(38,8)'],
  ])('(%i, %i) is %s', (p, s, expected) => {
    expect(show(adjustPrecisionScale(p, s))).toBe(expected);
  });
});

describe('decimal types of other types', () => {
  it.each([
    ['tinyint', 'decimal(3,0)'],
    ['smallint', 'decimal(5,0)'],
    ['int', 'decimal(10,0)'],
    ['bigint', 'decimal(20,0)'],
    ['float', 'decimal(14,7)'],
    ['double', 'decimal(30,15)'],
    ['decimal(7,3)', 'decimal(7,3)'],
    ['string', 'undefined'],
  ])('%s becomes %s', (t, expected) => {
    expect(show(decimalForType(ty(t)))).toBe(expected);
  });

  it.each<[string, number | string, string]>([
    ['int', 2, 'decimal(1,0)'],
    ['int', 0, 'decimal(1,0)'],
    ['int', -123, 'decimal(3,0)'],
    ['smallint', 100, 'decimal(3,0)'],
    ['bigint', '12345678901', 'decimal(11,0)'],
    // Spark's fromLiteral matches Short, Int and Long values only.
    ['tinyint', 5, 'decimal(3,0)'],
  ])('a %s literal %s becomes %s', (t, v, expected) => {
    expect(show(decimalForIntegralLiteral(ty(t), v))).toBe(expected);
  });
});

describe('aggregate and rounding rules', () => {
  it.each([
    ['decimal(15,2)', 'decimal(25,2)', 'decimal(19,6)'],
    ['decimal(30,5)', 'decimal(38,5)', 'decimal(34,9)'],
    ['decimal(38,10)', 'decimal(38,10)', 'decimal(38,14)'],
    ['decimal(36,36)', 'decimal(38,36)', 'decimal(38,38)'],
  ])('sum(%s) is %s and avg is %s', (t, sum, avg) => {
    expect([show(sumDecimalType(d(t))), show(avgDecimalType(d(t)))]).toEqual([sum, avg]);
  });

  it.each<[string, number, string]>([
    ['decimal(15,2)', 0, 'decimal(14,0)'],
    ['decimal(15,2)', 1, 'decimal(15,1)'],
    ['decimal(15,2)', 5, 'decimal(16,2)'],
    ['decimal(15,2)', -1, 'decimal(14,0)'],
    ['decimal(5,2)', -5, 'decimal(6,0)'],
    ['decimal(38,2)', 1, 'decimal(38,1)'],
  ])('round(%s, %i) is %s', (t, scale, expected) => {
    expect(show(roundDecimalType(d(t), scale))).toBe(expected);
  });

  it.each([
    ['decimal(15,2)', 'decimal(14,0)'],
    ['decimal(10,0)', 'decimal(10,0)'],
    ['decimal(38,1)', 'decimal(38,0)'],
  ])('ceil(%s) is %s', (t, expected) => {
    expect(show(ceilFloorDecimalType(d(t)))).toBe(expected);
  });

  it.each([
    ['decimal(15,2)', 'decimal(10,4)', 'decimal(17,4)'],
    ['decimal(38,0)', 'decimal(38,10)', 'decimal(38,10)'],
  ])('%s and %s widen to %s', (a, b, expected) => {
    expect(show(widerDecimalType(d(a), d(b)))).toBe(expected);
  });
});

describe('properties', () => {
  const decimals = fc
    .integer({ min: 1, max: 38 })
    .chain((p) => fc.integer({ min: 0, max: p }).map((s): DecimalDataType => ({ kind: 'decimal', precision: p, scale: s })));
  const valid = (t: DecimalDataType): boolean => t.precision >= 1 && t.precision <= 38 && t.scale >= 0 && t.scale <= t.precision;

  it('every arithmetic result is a valid decimal', () => {
    fc.assert(
      fc.property(fc.constantFrom<DecimalArithmeticOperator>('+', '-', '*', '/', '%'), decimals, decimals, (op, a, b) =>
        valid(decimalArithmeticType(op, a, b)),
      ),
    );
  });

  it('sum, avg, round, ceil and the wider type are valid decimals', () => {
    fc.assert(
      fc.property(decimals, decimals, fc.integer({ min: -40, max: 40 }), (a, b, scale) =>
        [sumDecimalType(a), avgDecimalType(a), roundDecimalType(a, scale), ceilFloorDecimalType(a), widerDecimalType(a, b)].every(valid),
      ),
    );
  });

  it('+ and * are commutative', () => {
    fc.assert(
      fc.property(fc.constantFrom<DecimalArithmeticOperator>('+', '*'), decimals, decimals, (op, a, b) =>
        show(decimalArithmeticType(op, a, b)) === show(decimalArithmeticType(op, b, a)),
      ),
    );
  });
});
