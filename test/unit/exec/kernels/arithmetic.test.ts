// Arithmetic kernels: Java wraparound, NULL for division by zero and decimal overflow, exact decimals on both layouts.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { T, decimal } from '../../../../src/types/data-type.js';
import type { DataType } from '../../../../src/types/data-type.js';
import { abs, arithmetic, negate } from '../../../../src/exec/kernels/arithmetic.js';
import type { ArithmeticOp } from '../../../../src/exec/kernels/arithmetic.js';
import { decimalArithmeticType } from '../../../../src/types/decimal-rules.js';
import type { DecimalDataType } from '../../../../src/types/decimal-rules.js';
import type { JsValue } from '../../../../src/exec/vector.js';
import { vectorValues } from '../../../../src/exec/vector.js';
import { columns2, double, int32, int64, unscaled, vec } from './vectors.js';
import type { LayoutChoice } from './vectors.js';

const dec = (precision: number, scale: number): DecimalDataType => ({ kind: 'decimal', precision, scale });

const run = (op: ArithmeticOp, type: DataType, a: JsValue[], b: JsValue[], result = type, layout: LayoutChoice = 'default') =>
  vectorValues(arithmetic(op, vec(type, a, layout), vec(type, b, layout), result));

describe('integer arithmetic', () => {
  it.each<[ArithmeticOp, DataType, JsValue[], JsValue[], JsValue[]]>([
    ['+', T.int, [1, 2147483647, null], [2, 1, 5], [3, -2147483648, null]],
    ['-', T.int, [-2147483648, 5], [1, null], [2147483647, null]],
    ['*', T.int, [65536, -3], [65536, 7], [0, -21]],
    ['%', T.int, [7, -7, 7, 1], [3, 3, 0, null], [1, -1, null, null]],
    ['pmod', T.int, [-7, 7, -7], [3, -3, 0], [2, 1, null]],
    ['+', T.tinyint, [127, -128], [1, -1], [-128, 127]],
    ['*', T.smallint, [300, -2], [300, 3], [24464, -6]],
    ['+', T.bigint, [9223372036854775807n, 1n], [1n, 2n], [-9223372036854775808n, 3n]],
    ['*', T.bigint, [3037000500n, 2n ** 40n], [3037000500n, 2n ** 40n], [-9223372036709301616n, 0n]],
    ['div', T.bigint, [7n, -7n, 7n, -9223372036854775808n], [2n, 2n, 0n, -1n], [3n, -3n, null, -9223372036854775808n]],
    ['%', T.bigint, [-7n, 2n ** 60n + 1n], [2n, 2n], [-1n, 1n]],
  ])('%s on %o', (op, type, a, b, expected) => {
    expect(run(op, type, a, b)).toEqual(expected);
  });

  it('gives empty vectors for empty batches', () => {
    for (const type of [T.int, T.bigint, T.double, decimal(15, 2)]) expect(run('+', type, [], [])).toEqual([]);
  });

  it('negates and takes abs with Java overflow', () => {
    expect(vectorValues(negate(vec(T.int, [-2147483648, 5, null])))).toEqual([-2147483648, -5, null]);
    expect(vectorValues(abs(vec(T.bigint, [-9223372036854775808n, -3n])))).toEqual([-9223372036854775808n, 3n]);
    expect(vectorValues(negate(vec(decimal(5, 2), [0n, 150n])))).toEqual([0n, -150n]);
  });
});

describe('floating-point arithmetic', () => {
  it('gives NULL for a zero divisor, even for doubles', () => {
    expect(run('/', T.double, [1, 0, NaN], [0, 0, 2])).toEqual([null, null, NaN]);
    expect(run('%', T.double, [5.5, 1], [2, 0])).toEqual([1.5, null]);
  });

  it('rounds float results to float', () => {
    expect(run('+', T.float, [Math.fround(0.1)], [Math.fround(0.2)])).toEqual([Math.fround(Math.fround(0.1) + Math.fround(0.2))]);
  });
});

describe('decimal arithmetic', () => {
  const d152 = decimal(15, 2);
  const d10 = decimal(1, 0);

  it('computes TPC-H Q1 charges exactly: price * (1 - discount) * (1 + tax)', () => {
    // 1 - discount: decimal(1,0) - decimal(15,2) → decimal(16,2); price * that → decimal(32,4); × (1 + tax) → decimal(38,6).
    const prices = [9061966n, 4521100n, 104899500n, null];
    const discounts = [4n, 10n, 0n, 5n];
    const taxes = [2n, 6n, 8n, 1n];
    const one = vec(d10, [1n, 1n, 1n, 1n]);
    const sub = decimalArithmeticType('-', dec(1, 0), dec(15, 2));
    const disc = arithmetic('-', one, vec(d152, discounts), sub);
    const charge1Type = decimalArithmeticType('*', dec(15, 2), dec(16, 2));
    const discounted = arithmetic('*', vec(d152, prices), disc, charge1Type);
    const plusTax = arithmetic('+', one, vec(d152, taxes), sub);
    const chargeType = decimalArithmeticType('*', dec(32, 4), dec(16, 2));
    expect(chargeType).toEqual(decimal(38, 6));
    const charge = arithmetic('*', discounted, plusTax, chargeType);
    // 90619.66 × 0.96 × 1.02 = 88734.7710720 exactly; 45211.00 × 0.90 × 1.06 = 43131.294; 1048995 × 1 × 1.08.
    expect(vectorValues(charge)).toEqual([88734771072n, 43131294000n, 1132914600000n, null]);
    expect(charge.data.layout).toBe('f64');
  });

  it('rounds HALF_UP to the result scale and gives NULL on precision overflow', () => {
    // decimal(38,10) * decimal(38,10) → decimal(38,6): 0.0000005 × 1 = 0.000001 (HALF_UP), -0.0000005 → -0.000001.
    const big = decimal(38, 10);
    expect(run('*', big, [5000n, -5000n, 4999n], [10000000000n, 10000000000n, 10000000000n], decimal(38, 6))).toEqual([1n, -1n, 0n]);
    // decimal(2,0) + decimal(2,0) is decimal(3,0): 99 + 99 fits; the declared precision bounds results.
    expect(run('+', decimal(2, 0), [99n], [99n], decimal(3, 0))).toEqual([198n]);
    expect(run('+', decimal(2, 0), [99n], [99n], decimal(2, 0))).toEqual([null]);
  });

  it('divides with HALF_UP at the result scale and NULL for a zero divisor', () => {
    const t = decimalArithmeticType('/', dec(15, 2), dec(15, 2));
    expect(t).toEqual(decimal(33, 18));
    // 2.00 / 3.00 = 0.666666666666666667 (HALF_UP at 18 digits).
    expect(run('/', d152, [200n, -200n, 1n], [300n, 300n, 0n], t)).toEqual([666666666666666667n, -666666666666666667n, null]);
  });

  it('falls back to bigints for a batch whose results pass 2^53, and keeps the big layout when needed', () => {
    const t = decimal(38, 4);
    const a = [2n ** 52n, 3n];
    const v = arithmetic('*', vec(decimal(20, 2), a), vec(decimal(17, 2), [100n, 100n]), t);
    expect(vectorValues(v)).toEqual([2n ** 52n * 100n, 300n]);
    expect(v.data.layout).toBe('big');
  });

  it('takes div and % of decimals with different scales', () => {
    expect(run('div', decimal(5, 2), [750n], [200n], T.bigint)).toEqual([3n]);
    expect(
      vectorValues(arithmetic('%', vec(decimal(5, 2), [750n, -750n]), vec(decimal(3, 1), [20n, 20n]), decimalArithmeticType('%', dec(5, 2), dec(3, 1)))),
    ).toEqual([150n, -150n]);
  });
});

// ───────────────────────────── properties ─────────────────────────────

const OPS: ArithmeticOp[] = ['+', '-', '*', '%', 'pmod'];

function referenceInt(op: ArithmeticOp, x: bigint, y: bigint, bits: number): bigint | null {
  switch (op) {
    case '+':
      return BigInt.asIntN(bits, x + y);
    case '-':
      return BigInt.asIntN(bits, x - y);
    case '*':
      return BigInt.asIntN(bits, x * y);
    case 'div':
      return y === 0n ? null : BigInt.asIntN(bits, x / y);
    default: {
      if (y === 0n) return null;
      const r = x % y;
      return op === 'pmod' && r < 0n ? BigInt.asIntN(bits, ((r + y) % y)) : r;
    }
  }
}

function row<T>(a: JsValue, b: JsValue, f: (x: T, y: T) => JsValue): JsValue {
  return a === null || b === null ? null : f(a as T, b as T);
}

describe('arithmetic agrees with a row-at-a-time reference', () => {
  it('on ints', () => {
    fc.assert(
      fc.property(fc.constantFrom(...OPS), columns2(int32, int32), (op, [a, b]) => {
        const expected = a.map((x, i) => row<number>(x, b[i]!, (p, q) => {
          const r = referenceInt(op, BigInt(p), BigInt(q), 32);
          return r === null ? null : Number(r);
        }));
        expect(run(op, T.int, a, b)).toEqual(expected);
      }),
    );
  });

  it('on bigints in both layouts', () => {
    fc.assert(
      fc.property(fc.constantFrom<ArithmeticOp>(...OPS, 'div'), columns2(int64, int64), fc.constantFrom<LayoutChoice>('default', 'big'), (op, [a, b], layout) => {
        const expected = a.map((x, i) => row<bigint>(x, b[i]!, (p, q) => referenceInt(op, p, q, 64)));
        expect(run(op, T.bigint, a, b, T.bigint, layout)).toEqual(expected);
      }),
    );
  });

  it('on doubles', () => {
    fc.assert(
      fc.property(fc.constantFrom<ArithmeticOp>('+', '-', '*', '/', '%'), columns2(double, double), (op, [a, b]) => {
        const expected = a.map((x, i) =>
          row<number>(x, b[i]!, (p, q) => {
            if ((op === '/' || op === '%') && q === 0) return null;
            return op === '+' ? p + q : op === '-' ? p - q : op === '*' ? p * q : op === '/' ? p / q : p % q;
          }),
        );
        expect(run(op, T.double, a, b)).toEqual(expected);
      }),
    );
  });

  it('on decimals of any precision and scale, exactly', () => {
    const decimals = fc.integer({ min: 1, max: 38 }).chain((p) => fc.integer({ min: 0, max: p }).map((s) => dec(p, s)));
    const cases = fc
      .tuple(decimals, decimals)
      .chain(([ta, tb]) => columns2(unscaled(ta.precision), unscaled(tb.precision)).map(([a, b]) => ({ ta, tb, a, b })));
    fc.assert(
      fc.property(fc.constantFrom<'+' | '-' | '*' | '/' | '%'>('+', '-', '*', '/', '%'), cases, fc.constantFrom<LayoutChoice>('default', 'big'), (op, { ta, tb, a, b }, layout) => {
        const result = decimalArithmeticType(op, ta, tb);
        const expected = a.map((x, i) => row<bigint>(x, b[i]!, (p, q) => referenceDecimal(op, p, q, ta.scale, tb.scale, result)));
        expect(vectorValues(arithmetic(op, vec(ta, a, layout), vec(tb, b, layout), result))).toEqual(expected);
      }),
      { numRuns: 300 },
    );
  });
});

// Rational arithmetic: the exact result as a fraction num / den, rounded half away from zero to the result scale.
function referenceDecimal(op: ArithmeticOp, x: bigint, y: bigint, sa: number, sb: number, result: DecimalDataType): bigint | null {
  const pa = 10n ** BigInt(sa);
  const pb = 10n ** BigInt(sb);
  let num: bigint;
  let den = pa * pb;
  switch (op) {
    case '+':
      num = x * pb + y * pa;
      break;
    case '-':
      num = x * pb - y * pa;
      break;
    case '*':
      num = x * y;
      break;
    case '/':
      if (y === 0n) return null;
      [num, den] = y < 0n ? [-x * pb, -y * pa] : [x * pb, y * pa];
      break;
    default:
      if (y === 0n) return null;
      num = (x * pb) % (y * pa);
  }
  const scaled = num * 10n ** BigInt(result.scale);
  const magnitude = scaled < 0n ? -scaled : scaled;
  const q = magnitude / den;
  const rounded = 2n * (magnitude % den) >= den ? q + 1n : q;
  const signed = scaled < 0n ? -rounded : rounded;
  const limit = 10n ** BigInt(result.precision);
  return signed < limit && signed > -limit ? signed : null;
}
