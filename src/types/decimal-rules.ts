// Spark's decimal precision rules (DecimalPrecision, DecimalType, the arithmetic expressions' resultDecimalType)
// with spark.sql.decimalOperations.allowPrecisionLoss=true, Spark's default.
import { MAX_DECIMAL_PRECISION } from './data-type.js';
import type { DataType, DataTypeKind } from './data-type.js';

export type DecimalDataType = Extract<DataType, { readonly kind: 'decimal' }>;

/** When a result needs more than 38 digits, Spark gives up fraction digits but keeps at least this many. */
export const MINIMUM_ADJUSTED_SCALE = 6;

/** Spark's DecimalType.SYSTEM_DEFAULT, what a string becomes where "some decimal" is expected. */
export const SYSTEM_DEFAULT_DECIMAL: DecimalDataType = dec(MAX_DECIMAL_PRECISION, 18);

function dec(precision: number, scale: number): DecimalDataType {
  return { kind: 'decimal', precision, scale };
}

/**
 * Spark's DecimalType.bounded: caps precision and scale at 38 each, without trading scale for integer digits.
 *
 * @example boundedDecimal(48, 6) // decimal(38,6)
 */
export function boundedDecimal(precision: number, scale: number): DecimalDataType {
  return dec(Math.min(precision, MAX_DECIMAL_PRECISION), Math.min(scale, MAX_DECIMAL_PRECISION));
}

/**
 * Spark's DecimalType.adjustPrecisionScale: a result wider than 38 digits keeps all its integer digits and
 * as many fraction digits as fit, but never fewer than min(scale, 6).
 *
 * @example adjustPrecisionScale(87, 49) // decimal(38,6)
 */
export function adjustPrecisionScale(precision: number, scale: number): DecimalDataType {
  if (precision <= MAX_DECIMAL_PRECISION) return dec(precision, scale);
  const intDigits = precision - scale;
  const minScale = Math.min(scale, MINIMUM_ADJUSTED_SCALE);
  return dec(MAX_DECIMAL_PRECISION, Math.max(MAX_DECIMAL_PRECISION - intDigits, minScale));
}

// DecimalType.forType: the smallest decimal holding every value of a non-decimal numeric type.
const DECIMAL_FOR_TYPE: Readonly<Partial<Record<DataTypeKind, DecimalDataType>>> = {
  tinyint: dec(3, 0),
  smallint: dec(5, 0),
  int: dec(10, 0),
  bigint: dec(20, 0),
  float: dec(14, 7),
  double: dec(30, 15),
};

/**
 * The decimal a numeric type becomes next to a decimal (Spark's DecimalType.forType); decimals map to
 * themselves; undefined for non-numeric types.
 *
 * @example decimalForType(T.int) // decimal(10,0)
 */
export function decimalForType(t: DataType): DecimalDataType | undefined {
  return t.kind === 'decimal' ? t : DECIMAL_FOR_TYPE[t.kind];
}

/**
 * The decimal an integral literal becomes next to a decimal operand (Spark's DecimalType.fromLiteral, under
 * spark.sql.legacy.literal.pickMinimumPrecision=true, the default): smallint, int and bigint literals get exactly
 * their digit count, so `price * 2` is decimal(p+2,s) and not decimal(p+11,s). Tinyint literals keep
 * decimal(3,0), as in Spark, whose rule matches only Short, Int and Long values. `value` is the literal as the
 * analyzer stores it: a number, or a digits string for bigint.
 *
 * @example decimalForIntegralLiteral(T.int, 2) // decimal(1,0)
 */
export function decimalForIntegralLiteral(type: DataType, value: number | string): DecimalDataType | undefined {
  if (type.kind !== 'smallint' && type.kind !== 'int' && type.kind !== 'bigint') return decimalForType(type);
  const digits = String(value).replace(/^-/, '');
  if (!/^\d+$/.test(digits)) return decimalForType(type);
  return dec(digits.replace(/^0+(?=\d)/, '').length, 0);
}

/** Spark's DecimalType.isWiderThan: `wide` holds every value of `narrow` (integer digits and scale both fit). */
export function isWiderDecimal(wide: DecimalDataType, narrow: DecimalDataType): boolean {
  return wide.precision - wide.scale >= narrow.precision - narrow.scale && wide.scale >= narrow.scale;
}

/**
 * Spark's DecimalPrecision.widerDecimalType, the common type of two decimals (UNION, CASE, comparison):
 * max(s1,s2) fraction digits and max(p1-s1, p2-s2) integer digits, bounded at 38 (which may drop integer digits).
 *
 * @example widerDecimalType(decimal(15,2), decimal(10,4)) // decimal(17,4)
 */
export function widerDecimalType(a: DecimalDataType, b: DecimalDataType): DecimalDataType {
  const scale = Math.max(a.scale, b.scale);
  const range = Math.max(a.precision - a.scale, b.precision - b.scale);
  return boundedDecimal(range + scale, scale);
}

export type DecimalArithmeticOperator = '+' | '-' | '*' | '/' | '%';

// The Hive / SQL Server formulas Spark cites in each arithmetic expression, before adjustment.
const RESULT_FORMULA: Record<DecimalArithmeticOperator, (a: DecimalDataType, b: DecimalDataType) => readonly [number, number]> = {
  '+': (a, b) => addSubtract(a, b),
  '-': (a, b) => addSubtract(a, b),
  '*': (a, b) => [a.precision + b.precision + 1, a.scale + b.scale],
  '/': (a, b) => {
    const scale = Math.max(MINIMUM_ADJUSTED_SCALE, a.scale + b.precision + 1);
    return [a.precision - a.scale + b.scale + scale, scale];
  },
  // Also pmod's rule.
  '%': (a, b) => {
    const scale = Math.max(a.scale, b.scale);
    return [Math.min(a.precision - a.scale, b.precision - b.scale) + scale, scale];
  },
};

function addSubtract(a: DecimalDataType, b: DecimalDataType): readonly [number, number] {
  const scale = Math.max(a.scale, b.scale);
  return [Math.max(a.precision - a.scale, b.precision - b.scale) + scale + 1, scale];
}

/**
 * The result type of `a op b` on two decimals (Spark's resultDecimalType, then adjustPrecisionScale).
 *
 * @example
 * decimalArithmeticType('*', decimal(15,2), decimal(15,2)) // decimal(31,4)
 * decimalArithmeticType('/', decimal(38,10), decimal(38,10)) // decimal(38,6)
 */
export function decimalArithmeticType(op: DecimalArithmeticOperator, a: DecimalDataType, b: DecimalDataType): DecimalDataType {
  const [precision, scale] = RESULT_FORMULA[op](a, b);
  return adjustPrecisionScale(precision, scale);
}

/**
 * sum(decimal(p,s)) is decimal(p+10, s), bounded at 38 (Spark's Sum).
 *
 * @example sumDecimalType(decimal(15,2)) // decimal(25,2)
 */
export function sumDecimalType(t: DecimalDataType): DecimalDataType {
  return boundedDecimal(t.precision + 10, t.scale);
}

/**
 * avg(decimal(p,s)) is decimal(p+4, s+4), each bounded at 38 (Spark's Average uses DecimalType.bounded here,
 * not adjustPrecisionScale).
 *
 * @example avgDecimalType(decimal(15,2)) // decimal(19,6)
 */
export function avgDecimalType(t: DecimalDataType): DecimalDataType {
  return boundedDecimal(t.precision + 4, t.scale + 4);
}

/**
 * round / bround / ceil / floor of decimal(p,s) to `targetScale` digits (Spark's RoundBase): the fraction keeps
 * min(s, targetScale) digits, and one more integer digit makes room for a carry (9.9 → 10). A negative target
 * rounds left of the point and gives scale 0.
 *
 * @example roundDecimalType(decimal(15,2), 0) // decimal(14,0)
 */
export function roundDecimalType(t: DecimalDataType, targetScale: number): DecimalDataType {
  const integralDigits = t.precision - t.scale + 1;
  if (targetScale < 0) return dec(Math.min(Math.max(integralDigits, -targetScale + 1), MAX_DECIMAL_PRECISION), 0);
  const scale = Math.min(t.scale, targetScale);
  return dec(Math.min(integralDigits + scale, MAX_DECIMAL_PRECISION), scale);
}

/**
 * ceil / floor of a decimal without a scale argument (Spark's Ceil and Floor): decimal(p-s+1, 0), or the type
 * itself when it has no fraction.
 *
 * @example ceilFloorDecimalType(decimal(15,2)) // decimal(14,0)
 */
export function ceilFloorDecimalType(t: DecimalDataType): DecimalDataType {
  return t.scale === 0 ? t : boundedDecimal(t.precision - t.scale + 1, 0);
}
