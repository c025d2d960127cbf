// What min/max/null-count statistics prove about filter conjuncts: every comparison both ways, IN, IS NULL, AND/OR/NOT,
// NULL literals, decimals held as doubles, NaN, code point order of strings, and the casts seen through.
import { describe, expect, it } from 'vitest';
import type { ComparisonOp, Expr, LiteralValue } from '../../../../src/logical/expr.js';
import { and, binary, call, cast, columnRef, isNull, literal, not, or } from '../../../../src/logical/expr-builders.js';
import { T, decimal } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { mayMatch } from '../../../../src/exec/pruning/may-match.js';
import type { ColumnStats } from '../../../../src/exec/pruning/may-match.js';

const col = (type: DataType, name = 'c') => columnRef({ id: 1, name, type, nullable: true });
const lit = (value: LiteralValue, type: DataType) => literal(value, type);
const cmp = (op: ComparisonOp, left: Expr, right: Expr) => binary(op, left, right, T.boolean);
const inList = (operand: Expr, list: readonly Expr[]): Expr => ({ kind: 'inList', operand, list, type: T.boolean, nullable: true });

/** mayMatch over one column with these statistics (10 rows). */
function may(e: Expr, stats: Partial<ColumnStats> & { type: DataType }): boolean {
  return mayMatch(e, () => ({ rowCount: 10, nullCount: 0, ...stats }));
}

describe('mayMatch: comparisons with a literal', () => {
  const stats = { type: T.int, min: 10, max: 20 };
  const c = col(T.int);
  it.each([
    ['=', 5, false],
    ['=', 10, true],
    ['=', 15, true],
    ['=', 21, false],
    ['<>', 15, true],
    ['<', 10, false],
    ['<', 11, true],
    ['<=', 9, false],
    ['<=', 10, true],
    ['>', 20, false],
    ['>', 19, true],
    ['>=', 21, false],
    ['>=', 20, true],
    ['<=>', 25, false],
    ['<=>', 12, true],
  ] as const)('c %s %d over [10, 20] → %s, and the same written literal-first', (op, value, expected) => {
    expect(may(cmp(op, c, lit(value, T.int)), stats)).toBe(expected);
    const flipped = { '=': '=', '<>': '<>', '<': '>', '<=': '>=', '>': '<', '>=': '<=', '<=>': '<=>' } as const;
    expect(may(cmp(flipped[op], lit(value, T.int), c), stats)).toBe(expected);
  });

  it('<> prunes only a group whose every value is the literal', () => {
    expect(may(cmp('<>', c, lit(15, T.int)), { type: T.int, min: 15, max: 15 })).toBe(false);
    expect(may(cmp('<>', c, lit(15, T.int)), { type: T.int, min: 15, max: 16 })).toBe(true);
  });

  it('proves nothing from missing bounds or missing statistics', () => {
    expect(may(cmp('<', c, lit(0, T.int)), { type: T.int, max: 20 })).toBe(true);
    expect(may(cmp('>', c, lit(30, T.int)), { type: T.int, min: 10 })).toBe(true);
    expect(mayMatch(cmp('=', c, lit(0, T.int)), () => undefined)).toBe(true);
  });

  it('knows a group of NULLs fails every comparison but IS NULL and <=> NULL', () => {
    const allNull = { type: T.int, nullCount: 10 };
    expect(may(cmp('=', c, lit(1, T.int)), allNull)).toBe(false);
    expect(may(cmp('<>', c, lit(1, T.int)), allNull)).toBe(false);
    expect(may(not(cmp('=', c, lit(1, T.int))), allNull)).toBe(false);
    expect(may(isNull(c), allNull)).toBe(true);
    expect(may(isNull(c, true), allNull)).toBe(false);
    expect(may(cmp('<=>', c, lit(null, T.int)), allNull)).toBe(true);
    expect(may(not(cmp('<=>', c, lit(1, T.int))), allNull)).toBe(true);
  });

  it('knows a comparison with NULL is never true (nor false)', () => {
    expect(may(cmp('=', c, lit(null, T.int)), stats)).toBe(false);
    expect(may(not(cmp('<', c, lit(null, T.int))), stats)).toBe(false);
    expect(may(cmp('<=>', c, lit(null, T.int)), stats)).toBe(false);
    expect(may(cmp('<=>', c, lit(null, T.int)), { ...stats, nullCount: 1 })).toBe(true);
    expect(may(cmp('<=>', c, lit(null, T.int)), { ...stats, nullCount: undefined })).toBe(true);
  });
});

describe('mayMatch: IS NULL, IN, boolean logic', () => {
  const c = col(T.int);
  const stats = { type: T.int, min: 10, max: 20 };

  it('reads IS [NOT] NULL from the null count', () => {
    expect(may(isNull(c), stats)).toBe(false);
    expect(may(isNull(c), { ...stats, nullCount: 3 })).toBe(true);
    expect(may(isNull(c), { ...stats, nullCount: undefined })).toBe(true);
    expect(may(isNull(c, true), stats)).toBe(true);
    expect(may(not(isNull(c)), { type: T.int, nullCount: 10 })).toBe(false);
  });

  it('matches IN lists against the bounds; NOT IN only fails when every value is listed or the list has a NULL', () => {
    const ints = (...xs: (number | null)[]) => xs.map((x) => lit(x, T.int));
    expect(may(inList(c, ints(1, 2, 30)), stats)).toBe(false);
    expect(may(inList(c, ints(1, 15)), stats)).toBe(true);
    expect(may(inList(c, ints(null)), stats)).toBe(false);
    expect(may(not(inList(c, ints(15))), { type: T.int, min: 15, max: 15 })).toBe(false);
    expect(may(not(inList(c, ints(15))), stats)).toBe(true);
    expect(may(not(inList(c, ints(1, null))), stats)).toBe(false);
    expect(may(inList(c, [c]), stats)).toBe(true);
  });

  it('combines with AND, OR and NOT', () => {
    const low = cmp('<', c, lit(5, T.int));
    const mid = cmp('=', c, lit(15, T.int));
    expect(may(and(low, mid), stats)).toBe(false);
    expect(may(or(low, mid), stats)).toBe(true);
    expect(may(or(low, cmp('>', c, lit(25, T.int))), stats)).toBe(false);
    expect(may(not(low), stats)).toBe(true);
    expect(may(not(cmp('>=', c, lit(10, T.int))), stats)).toBe(false);
    expect(may(not(or(low, cmp('>=', c, lit(10, T.int)))), stats)).toBe(false);
    expect(may(not(and(cmp('>=', c, lit(10, T.int)), cmp('<=', c, lit(20, T.int)))), stats)).toBe(false);
  });

  it('reads boolean columns and literals', () => {
    const flag = col(T.boolean);
    expect(may(flag, { type: T.boolean, min: false, max: false })).toBe(false);
    expect(may(not(flag), { type: T.boolean, min: false, max: false })).toBe(true);
    expect(may(not(flag), { type: T.boolean, min: true, max: true })).toBe(false);
    expect(may(lit(false, T.boolean), stats)).toBe(false);
    expect(may(lit(null, T.boolean), stats)).toBe(false);
    expect(may(not(lit(false, T.boolean)), stats)).toBe(true);
  });

  it('keeps groups for expressions it does not understand', () => {
    expect(may(call('abs', [c], T.int, true), stats)).toBe(true);
    expect(may(cmp('=', call('abs', [c], T.int, true), lit(0, T.int)), stats)).toBe(true);
    expect(may(cmp('=', c, c), stats)).toBe(true);
  });
});

describe('mayMatch: types', () => {
  it('compares decimals of up to 15 digits exactly through their doubles', () => {
    const d = col(decimal(15, 2));
    const stats = { type: decimal(15, 2), min: 0.05, max: 0.05 };
    expect(may(cmp('<', d, lit('0.05', decimal(15, 2))), stats)).toBe(false);
    expect(may(cmp('=', d, lit('0.05', decimal(15, 2))), stats)).toBe(true);
    expect(may(cmp('>', d, lit('0.04', decimal(15, 2))), stats)).toBe(true);
    // A narrower literal is widened to the column's type.
    expect(may(cmp('<', d, lit('0.05', decimal(3, 2))), stats)).toBe(false);
  });

  it('does not trust equal doubles for wider decimals, but still unequal ones', () => {
    const type = decimal(38, 20);
    const d = col(type);
    const stats = { type, min: 0.1, max: 0.1 };
    // 0.1 and 0.10000000000000000001 share a double.
    expect(may(cmp('<', d, lit('0.10000000000000000001', type)), stats)).toBe(true);
    expect(may(cmp('<>', d, lit('0.10000000000000000001', type)), stats)).toBe(true);
    expect(may(cmp('=', d, lit('0.2', type)), stats)).toBe(false);
  });

  it('lets NaN, which statistics leave out, satisfy >, >= and <> on doubles', () => {
    const d = col(T.double);
    const stats = { type: T.double, min: 1, max: 50 };
    expect(may(cmp('>', d, lit(100, T.double)), stats)).toBe(true);
    expect(may(cmp('>=', d, lit(100, T.double)), stats)).toBe(true);
    expect(may(cmp('<>', d, lit(5, T.double)), { type: T.double, min: 5, max: 5 })).toBe(true);
    expect(may(not(cmp('<', d, lit(100, T.double))), stats)).toBe(true);
    expect(may(cmp('=', d, lit('NaN', T.double)), stats)).toBe(true);
    expect(may(cmp('<', d, lit(0, T.double)), stats)).toBe(false);
    expect(may(cmp('=', d, lit(100, T.double)), stats)).toBe(false);
    expect(may(not(inList(d, [lit(5, T.double)])), { type: T.double, min: 5, max: 5 })).toBe(true);
  });

  it('orders strings by code point, not by UTF-16 unit', () => {
    const s = col(T.string);
    // U+1D11E is above U+FFFF although its first UTF-16 unit (0xD834) is below 0xFFFF.
    const stats = { type: T.string, min: '\u{1d11e}', max: '\u{1d11e}' };
    expect(may(cmp('<=', s, lit('\uffff', T.string)), stats)).toBe(false);
    expect(may(cmp('>', s, lit('\uffff', T.string)), stats)).toBe(true);
    expect(may(cmp('=', s, lit('apple', T.string)), { type: T.string, min: 'banana', max: 'cherry' })).toBe(false);
  });

  it('compares timestamps (bigint µs), dates (days) and binary', () => {
    const ts = col(T.timestamp);
    expect(may(cmp('>', ts, lit('1000', T.timestamp)), { type: T.timestamp, min: 0n, max: 1000n })).toBe(false);
    expect(may(cmp('>', ts, lit('999', T.timestamp)), { type: T.timestamp, min: 0n, max: 1000n })).toBe(true);
    expect(may(cmp('<', col(T.date), lit(8766, T.date)), { type: T.date, min: 8766, max: 9000 })).toBe(false);
    const b = col(T.binary);
    expect(may(cmp('=', b, lit('ff', T.binary)), { type: T.binary, min: Uint8Array.of(0), max: Uint8Array.of(0x80) })).toBe(false);
  });

  it('sees through widening casts, with the values the cast gives', () => {
    const i = col(T.int);
    expect(may(cmp('=', cast(i, T.bigint), lit('25', T.bigint)), { type: T.int, min: 10, max: 20 })).toBe(false);
    expect(may(cmp('>', cast(i, decimal(12, 2)), lit('20.00', decimal(12, 2))), { type: T.int, min: 10, max: 20 })).toBe(false);
    expect(may(cmp('>', cast(i, decimal(12, 2)), lit('19.99', decimal(12, 2))), { type: T.int, min: 10, max: 20 })).toBe(true);
    // 2^53 + 1 becomes 2^53 as a double, so `<= 2^53` holds for it.
    const big = col(T.bigint);
    expect(may(cmp('<=', cast(big, T.double), lit(2 ** 53, T.double)), { type: T.bigint, min: 2n ** 53n + 1n, max: 2n ** 53n + 1n })).toBe(true);
    expect(may(cmp('<', cast(big, T.double), lit(2 ** 53, T.double)), { type: T.bigint, min: 2n ** 53n + 1n, max: 2n ** 53n + 1n })).toBe(false);
  });

  it('does not see through casts that narrow or reorder', () => {
    const stats = { type: T.int, min: 10, max: 20 };
    expect(may(cmp('=', cast(col(T.int), T.tinyint), lit(100, T.tinyint)), stats)).toBe(true);
    expect(may(cmp('=', cast(col(T.int), T.string), lit('5', T.string)), stats)).toBe(true);
    expect(may(cmp('=', cast(col(T.date), T.timestamp), lit('0', T.timestamp)), { type: T.date, min: 10, max: 20 })).toBe(true);
  });
});
