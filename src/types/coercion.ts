// Spark's type coercion with ANSI mode off (TypeCoercion, DecimalPrecision, BinaryArithmeticWithDatetimeResolver):
// common types for UNION / CASE / COALESCE / IN, the operand type of a comparison, the types of arithmetic.
import { T, arrayOf, isDatetime, isIntegral, isNumeric, isOrderable, sameType } from './data-type.js';
import type { DataType, DataTypeKind, StructField } from './data-type.js';
import { forceNullable, implicitCast, isAtomic } from './cast-rules.js';
import {
  decimalArithmeticType,
  decimalForIntegralLiteral,
  decimalForType,
  isWiderDecimal,
  widerDecimalType,
} from './decimal-rules.js';

// ───────────────────────────── common types ─────────────────────────────

// Spark's numericPrecedence: the linear widening of the non-decimal numeric types.
const NUMERIC_PRECEDENCE: readonly DataTypeKind[] = ['tinyint', 'smallint', 'int', 'bigint', 'float', 'double'];

/**
 * The common type two types widen to without losing anything, or undefined (Spark's findTightestCommonType):
 * equal types; NULL with anything; an integral with a decimal that holds it; non-decimal numerics up the
 * precedence tinyint < smallint < int < bigint < float < double; date < timestamp_ntz < timestamp; arrays,
 * maps and structs element-wise.
 *
 * @example tightestCommonType(T.int, T.bigint) // bigint; tightestCommonType(T.int, decimal(5,2)) // undefined
 */
export function tightestCommonType(a: DataType, b: DataType): DataType | undefined {
  if (sameType(a, b)) return a;
  if (a.kind === 'null') return b;
  if (b.kind === 'null') return a;
  if (isIntegral(a) && b.kind === 'decimal') return integralFitsDecimal(a, b) ? b : undefined;
  if (a.kind === 'decimal' && isIntegral(b)) return integralFitsDecimal(b, a) ? a : undefined;
  if (isNumeric(a) && isNumeric(b) && a.kind !== 'decimal' && b.kind !== 'decimal') {
    return NUMERIC_PRECEDENCE.indexOf(a.kind) > NUMERIC_PRECEDENCE.indexOf(b.kind) ? a : b;
  }
  if (isDatetime(a) && isDatetime(b)) return widerDatetime(a, b);
  return complexCommonType(a, b, tightestCommonType);
}

function integralFitsDecimal(integral: DataType, d: Extract<DataType, { kind: 'decimal' }>): boolean {
  const exact = decimalForType(integral);
  return exact !== undefined && isWiderDecimal(d, exact);
}

// Spark's findWiderDateTimeType: a timestamp with a time zone wins, then one without, then date.
const DATETIME_RANK: Partial<Record<DataTypeKind, number>> = { date: 0, timestamp_ntz: 1, timestamp: 2 };

function widerDatetime(a: DataType, b: DataType): DataType {
  return (DATETIME_RANK[a.kind] ?? 0) >= (DATETIME_RANK[b.kind] ?? 0) ? a : b;
}

/**
 * The common type of two types, accepting some loss, or undefined (Spark's findWiderTypeForTwo): the tightest
 * common type, else two decimals (or an integral and a decimal) widen to a decimal with the integer digits and
 * the scale of both (capped at 38), float or double with a decimal is double, a string with any other scalar
 * except binary and boolean is string; arrays, maps and structs element-wise (struct fields by position, names
 * equal ignoring case; the left name is kept).
 *
 * @example widerType(T.int, decimal(5,2)) // decimal(12,2); widerType(T.date, T.string) // string
 */
export function widerType(a: DataType, b: DataType): DataType | undefined {
  return tightestCommonType(a, b) ?? widerDecimal(a, b) ?? stringPromotion(a, b) ?? complexCommonType(a, b, widerType);
}

/**
 * widerType without promotion to string (Spark's findWiderTypeWithoutStringPromotionForTwo): greatest, least
 * and array_contains use it, so `greatest(1, '2')` is an error rather than a string comparison.
 */
export function widerTypeWithoutStringPromotion(a: DataType, b: DataType): DataType | undefined {
  return tightestCommonType(a, b) ?? widerDecimal(a, b) ?? complexCommonType(a, b, widerTypeWithoutStringPromotion);
}

/**
 * The common type of many types, or undefined (Spark's findWiderCommonType): what UNION / INTERSECT / EXCEPT
 * columns, CASE and IF branches, COALESCE / NVL arguments, IN-list items (with the operand), IN-subquery
 * columns and array(...) elements are cast to. Types containing strings are folded first so that the result
 * does not depend on argument order (timestamp, int, string → string). An empty list gives NULL's type.
 *
 * @example widerTypeOf([T.int, T.null, T.bigint]) // bigint
 */
export function widerTypeOf(types: readonly DataType[]): DataType | undefined {
  const withStrings = distinct(types.filter(hasStringType));
  const others = types.filter((t) => !hasStringType(t));
  return foldTypes([...withStrings, ...others], widerType);
}

/** widerTypeWithoutStringPromotion over many types (greatest, least). */
export function widerTypeWithoutStringPromotionOf(types: readonly DataType[]): DataType | undefined {
  return foldTypes(types, widerTypeWithoutStringPromotion);
}

function foldTypes(
  types: readonly DataType[],
  combine: (a: DataType, b: DataType) => DataType | undefined,
): DataType | undefined {
  let result: DataType | undefined = T.null;
  for (const t of types) {
    if (!result) return undefined;
    result = combine(result, t);
  }
  return result;
}

function hasStringType(t: DataType): boolean {
  return t.kind === 'string' || (t.kind === 'array' && hasStringType(t.element));
}

function distinct(types: readonly DataType[]): DataType[] {
  return types.filter((t, i) => types.findIndex((u) => sameType(t, u)) === i);
}

// Spark's findWiderTypeForDecimal.
function widerDecimal(a: DataType, b: DataType): DataType | undefined {
  if (a.kind !== 'decimal' && b.kind !== 'decimal') return undefined;
  if (a.kind === 'float' || a.kind === 'double' || b.kind === 'float' || b.kind === 'double') return T.double;
  // Left with decimals and integrals, which all have an exact decimal form.
  const da = decimalForType(a);
  const db = decimalForType(b);
  return da && db ? widerDecimalType(da, db) : undefined;
}

// Spark's stringPromotion: everything scalar but binary and boolean reads as a string next to one.
function stringPromotion(a: DataType, b: DataType): DataType | undefined {
  const promotable = (t: DataType): boolean => isAtomic(t) && t.kind !== 'binary' && t.kind !== 'boolean';
  if (a.kind === 'string' && promotable(b)) return T.string;
  if (b.kind === 'string' && promotable(a)) return T.string;
  return undefined;
}

// Spark's findTypeForComplex: element-wise, and an element that may become NULL in the cast makes its container
// nullable (a map key never may).
function complexCommonType(
  a: DataType,
  b: DataType,
  combine: (a: DataType, b: DataType) => DataType | undefined,
): DataType | undefined {
  if (a.kind === 'array' && b.kind === 'array') {
    const element = combine(a.element, b.element);
    if (!element) return undefined;
    const containsNull = a.containsNull || b.containsNull || forceNullable(a.element, element) || forceNullable(b.element, element);
    return arrayOf(element, containsNull);
  }
  if (a.kind === 'map' && b.kind === 'map') {
    const key = combine(a.key, b.key);
    if (!key || forceNullable(a.key, key) || forceNullable(b.key, key)) return undefined;
    const value = combine(a.value, b.value);
    if (!value) return undefined;
    const valueContainsNull =
      a.valueContainsNull || b.valueContainsNull || forceNullable(a.value, value) || forceNullable(b.value, value);
    return { kind: 'map', key, value, valueContainsNull };
  }
  if (a.kind === 'struct' && b.kind === 'struct' && a.fields.length === b.fields.length) {
    const fields: StructField[] = [];
    for (const [i, fa] of a.fields.entries()) {
      const fb = b.fields[i]!;
      if (fa.name.toLowerCase() !== fb.name.toLowerCase()) return undefined;
      const type = combine(fa.type, fb.type);
      if (!type) return undefined;
      const nullable = fa.nullable || fb.nullable || forceNullable(fa.type, type) || forceNullable(fb.type, type);
      fields.push({ name: fa.name, type, nullable });
    }
    return { kind: 'struct', fields };
  }
  return undefined;
}

// ───────────────────────────── binary operators ─────────────────────────────

/**
 * The values of operands that are literals, as the analyzer stores them (a number, or a digits string for
 * bigint). Only an integral literal next to a decimal changes typing: Spark gives it a decimal of exactly its
 * digits (`price * 2` multiplies by decimal(1,0), not decimal(10,0)).
 */
export interface OperandLiterals {
  readonly left?: unknown;
  readonly right?: unknown;
}

// DecimalPrecision's nondecimalAndDecimal: next to a decimal, an integral becomes a decimal (a literal one of
// exactly its digits) and a decimal next to float or double becomes double.
function promoteAroundDecimal(left: DataType, right: DataType, literals: OperandLiterals): readonly [DataType, DataType] {
  const asDecimal = (t: DataType, literal: unknown): DataType =>
    (typeof literal === 'number' || typeof literal === 'string' ? decimalForIntegralLiteral(t, literal) : decimalForType(t)) ?? t;
  const isFloatOrDouble = (t: DataType): boolean => t.kind === 'float' || t.kind === 'double';
  if (right.kind === 'decimal' && isIntegral(left)) return [asDecimal(left, literals.left), right];
  if (left.kind === 'decimal' && isIntegral(right)) return [left, asDecimal(right, literals.right)];
  if (right.kind === 'decimal' && isFloatOrDouble(left)) return [left, T.double];
  if (left.kind === 'decimal' && isFloatOrDouble(right)) return [T.double, right];
  return [left, right];
}

export type ComparisonOperator = '=' | '<>' | '<' | '<=' | '>' | '>=' | '<=>';

/**
 * The type both sides of a comparison are cast to before comparing, or undefined when they cannot be compared
 * (ANSI off). In order:
 * - a decimal with an integral or another decimal: the wider decimal (an integral literal counts with its own
 *   digits); with float or double: double;
 * - a string with a date, timestamp or any other scalar: that type (the string is parsed: `'2024-01-01' = d`
 *   compares dates, `'1' = 1` compares ints), except a decimal with a fraction, for which both become double
 *   (Spark's SPARK-22469 choice); with NULL or a string: string;
 * - for `=`, `<>` and `<=>`, a boolean with a number: that number type (true = 1);
 * - otherwise the tightest common type (numeric widening, date vs timestamp → timestamp).
 * The result must be orderable (not a map), as Spark requires of every comparison.
 *
 * @example comparisonType('<', decimal(15,2), T.int, { right: 24 }) // decimal(15,2)
 */
export function comparisonType(
  op: ComparisonOperator,
  left: DataType,
  right: DataType,
  literals: OperandLiterals = {},
): DataType | undefined {
  const [l, r] = promoteAroundDecimal(left, right, literals);
  const common =
    l.kind === 'decimal' && r.kind === 'decimal'
      ? widerDecimalType(l, r)
      : (stringComparisonType(l, r) ?? booleanEqualityType(op, l, r) ?? tightestCommonType(l, r));
  return common && isOrderable(common) ? common : undefined;
}

// Spark's findCommonTypeForBinaryComparison, with spark.sql.legacy.typeCoercion.datetimeToString.enabled=false.
function stringComparisonType(a: DataType, b: DataType): DataType | undefined {
  if (a.kind === 'string') return stringComparedWith(b);
  if (b.kind === 'string') return stringComparedWith(a);
  return undefined;
}

function stringComparedWith(other: DataType): DataType | undefined {
  if (other.kind === 'null' || other.kind === 'string') return T.string;
  if (other.kind === 'decimal') return other.scale > 0 ? T.double : other;
  return isAtomic(other) ? other : undefined;
}

// Spark's BooleanEquality: for equality only, the boolean is cast to the number's type.
function booleanEqualityType(op: ComparisonOperator, a: DataType, b: DataType): DataType | undefined {
  if (op !== '=' && op !== '<>' && op !== '<=>') return undefined;
  if (a.kind === 'boolean' && isNumeric(b)) return b;
  if (b.kind === 'boolean' && isNumeric(a)) return a;
  return undefined;
}

export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | 'div';

/**
 * How the analyzer builds an arithmetic expression:
 * - `operator`: cast the left operand to `leftType` and the right to `rightType`; the result has `resultType`.
 *   Decimal operands may keep different precisions (the result type is computed from both, as Spark 3.4+ does,
 *   so no operand is squeezed into a narrower common decimal). `nullable: 'always'` when the operator can give
 *   NULL for non-null operands (division by zero, decimal overflow with ANSI off).
 * - `function`: Spark rewrites `date + n`, `n + date` and `date - n` to `date_add` / `date_sub`; resolve that
 *   catalogue function with the operands, swapped when `swapped` (`n + date` is `date_add(date, n)`).
 */
export type ArithmeticCoercion =
  | {
      readonly kind: 'operator';
      readonly leftType: DataType;
      readonly rightType: DataType;
      readonly resultType: DataType;
      readonly nullable: 'any' | 'always';
    }
  | { readonly kind: 'function'; readonly name: 'date_add' | 'date_sub'; readonly swapped: boolean };

/**
 * The types of `left op right`, or undefined when Spark (ANSI off) has no coercion for them:
 * - numbers widen to their tightest common type (int + bigint → bigint); `/` always divides as double unless
 *   both sides are decimals; `div` works on bigint (or decimals) and gives bigint; a string operand is read as
 *   a double;
 * - decimals follow DecimalPrecision (see decimal-rules.ts), integral operands becoming decimals first;
 * - datetimes: date ± number → date_add / date_sub; date, timestamp ± interval → the same datetime type;
 *   timestamp − timestamp (or date) and date − date → interval; interval ± interval, interval × number,
 *   interval ÷ number → interval.
 *
 * @example
 * arithmeticType('/', T.int, T.int) // operator: double / double → double
 * arithmeticType('*', decimal(15,2), T.int, { right: 2 }) // operator: decimal(15,2) * decimal(1,0) → decimal(17,2)
 * arithmeticType('+', T.int, T.date) // function date_add, swapped
 */
export function arithmeticType(
  op: ArithmeticOperator,
  left: DataType,
  right: DataType,
  literals: OperandLiterals = {},
): ArithmeticCoercion | undefined {
  if (isDatetime(left) || isDatetime(right) || left.kind === 'interval' || right.kind === 'interval') {
    return datetimeArithmetic(op, left, right);
  }
  // PromoteStrings: a string in arithmetic is a double.
  const stringAsDouble = (t: DataType): DataType => (t.kind === 'string' ? T.double : t);
  const [sl, sr] = [stringAsDouble(left), stringAsDouble(right)];
  if (!isNumericOrNull(sl) || !isNumericOrNull(sr)) return undefined;
  const [l, r] = promoteAroundDecimal(sl, sr, literals);
  return NUMERIC_ARITHMETIC[op](l, r);
}

function isNumericOrNull(t: DataType): boolean {
  return isNumeric(t) || t.kind === 'null';
}

function operator(leftType: DataType, rightType: DataType, resultType: DataType, nullable: 'any' | 'always'): ArithmeticCoercion {
  return { kind: 'operator', leftType, rightType, resultType, nullable };
}

// Operands are numeric or NULL, already promoted around decimals.
const NUMERIC_ARITHMETIC: Record<ArithmeticOperator, (l: DataType, r: DataType) => ArithmeticCoercion | undefined> = {
  '+': (l, r) => sameTypeArithmetic('+', l, r),
  '-': (l, r) => sameTypeArithmetic('-', l, r),
  '*': (l, r) => sameTypeArithmetic('*', l, r),
  '%': (l, r) => sameTypeArithmetic('%', l, r),
  // Spark's Division rule makes `/` fractional: anything but two decimals divides as double. It runs before
  // ImplicitTypeCasts and spares a division already typed decimal, which is the left operand's type until both
  // are decimals: so `decimal / NULL` divides decimals while `NULL / decimal` divides doubles.
  '/': (l, r) => {
    const [dl, dr] = l.kind === 'decimal' ? nullTakesDecimal(l, r) : [l, r];
    if (dl.kind === 'decimal' && dr.kind === 'decimal') return operator(dl, dr, decimalArithmeticType('/', dl, dr), 'always');
    return operator(T.double, T.double, T.double, 'always');
  },
  // IntegralDivide accepts bigint or decimals and returns bigint; IntegralDivision widens smaller integers.
  div: (l, r) => {
    const [dl, dr] = nullTakesDecimal(l, r);
    if (dl.kind === 'decimal' && dr.kind === 'decimal') return operator(dl, dr, T.bigint, 'always');
    const integralOrNull = (t: DataType): boolean => isIntegral(t) || t.kind === 'null';
    return integralOrNull(l) && integralOrNull(r) ? operator(T.bigint, T.bigint, T.bigint, 'always') : undefined;
  },
};

// ImplicitTypeCasts gives a NULL next to a decimal that decimal's type.
function nullTakesDecimal(l: DataType, r: DataType): readonly [DataType, DataType] {
  if (l.kind === 'null' && r.kind === 'decimal') return [r, r];
  if (r.kind === 'null' && l.kind === 'decimal') return [l, l];
  return [l, r];
}

// + - * %: both sides become one type (ImplicitTypeCasts), except that decimals keep theirs and the result
// follows Spark's formulas. NULL with NULL is double, the default numeric type.
function sameTypeArithmetic(op: '+' | '-' | '*' | '%', l: DataType, r: DataType): ArithmeticCoercion | undefined {
  const [dl, dr] = nullTakesDecimal(l, r);
  if (dl.kind === 'decimal' && dr.kind === 'decimal') return operator(dl, dr, decimalArithmeticType(op, dl, dr), 'always');
  const common = l.kind === 'null' && r.kind === 'null' ? T.double : tightestCommonType(l, r);
  if (!common || !isNumeric(common)) return undefined;
  return operator(common, common, common, op === '%' ? 'always' : 'any');
}

function asDouble(t: DataType): boolean {
  return isNumericOrNull(t) || t.kind === 'string';
}

function isTimestamp(t: DataType): boolean {
  return t.kind === 'timestamp' || t.kind === 'timestamp_ntz';
}

// Spark's BinaryArithmeticWithDatetimeResolver and DateTimeOperations, for CalendarInterval-style intervals.
function datetimeArithmetic(op: ArithmeticOperator, l: DataType, r: DataType): ArithmeticCoercion | undefined {
  const interval = T.interval;
  switch (op) {
    case '+':
      if (l.kind === 'interval' || r.kind === 'interval') return intervalShift(l, r) ?? intervalShift(r, l, true);
      if (l.kind === 'date' && r.kind !== 'string') return { kind: 'function', name: 'date_add', swapped: false };
      if (r.kind === 'date' && l.kind !== 'string') return { kind: 'function', name: 'date_add', swapped: true };
      return undefined;
    case '-':
      if (r.kind === 'interval') return intervalShift(l, r);
      if (isTimestamp(l) || isTimestamp(r)) {
        const common = timestampSubtractionType(l, r);
        return common && operator(common, common, interval, 'any');
      }
      if (r.kind === 'date') {
        const leftDate = implicitCast(l, T.date);
        return leftDate && operator(leftDate, T.date, interval, 'any');
      }
      if (l.kind === 'date' && r.kind !== 'string') return { kind: 'function', name: 'date_sub', swapped: false };
      return undefined;
    // MultiplyInterval and DivideInterval take the number as a double (a string too).
    case '*':
      if (l.kind === 'interval' && asDouble(r)) return operator(interval, T.double, interval, 'any');
      if (r.kind === 'interval' && asDouble(l)) return operator(T.double, interval, interval, 'any');
      return undefined;
    case '/':
      return l.kind === 'interval' && asDouble(r) ? operator(interval, T.double, interval, 'always') : undefined;
    default:
      return undefined;
  }
}

// `base ± interval`: intervals add; a date stays a date (DateAddInterval); timestamps keep their type.
function intervalShift(base: DataType, shift: DataType, swapped = false): ArithmeticCoercion | undefined {
  if (shift.kind !== 'interval') return undefined;
  const shiftable = base.kind === 'interval' || base.kind === 'date' || isTimestamp(base);
  const resultType = base.kind === 'null' ? T.interval : shiftable ? base : undefined;
  if (!resultType) return undefined;
  return swapped ? operator(shift, resultType, resultType, 'any') : operator(resultType, shift, resultType, 'any');
}

// SubtractTimestamps: a date, string or NULL joins the timestamp side's type; two different timestamp types
// are both compared without time zone.
function timestampSubtractionType(l: DataType, r: DataType): DataType | undefined {
  if (isTimestamp(l) && isTimestamp(r)) return l.kind === r.kind ? l : T.timestamp_ntz;
  const [ts, other] = isTimestamp(l) ? [l, r] : [r, l];
  return other.kind === 'date' || other.kind === 'string' || other.kind === 'null' ? ts : undefined;
}

// ───────────────────────────── other operators ─────────────────────────────

/**
 * The type of `-x` and `+x`: numbers and intervals keep their type, a string or NULL is a double.
 *
 * @example unaryMinusType(T.string) // double
 */
export function unaryMinusType(t: DataType): DataType | undefined {
  if (t.kind === 'string' || t.kind === 'null') return T.double;
  return isNumeric(t) || t.kind === 'interval' ? t : undefined;
}

/**
 * The common type of `a & b`, `a | b`, `a ^ b`: integral types only, widened (int & bigint → bigint).
 *
 * @example bitwiseType(T.int, T.bigint) // bigint; bitwiseType(T.int, T.double) // undefined
 */
export function bitwiseType(a: DataType, b: DataType): DataType | undefined {
  const common = a.kind === 'null' && b.kind === 'null' ? T.int : tightestCommonType(a, b);
  return common && isIntegral(common) ? common : undefined;
}

/** The type of `~x`: an integral type, or int for NULL. */
export function bitwiseNotType(t: DataType): DataType | undefined {
  if (t.kind === 'null') return T.int;
  return isIntegral(t) ? t : undefined;
}

/**
 * The type an operand of AND, OR, NOT, WHERE, HAVING or a CASE condition must have: boolean (a NULL literal
 * is cast to boolean). Spark casts nothing else to boolean implicitly, not even strings.
 */
export function booleanOperandType(t: DataType): DataType | undefined {
  return t.kind === 'boolean' || t.kind === 'null' ? T.boolean : undefined;
}

/**
 * The argument types and the result of `concat(...)` and `a || b` (Spark's ConcatCoercion): all binary stays
 * binary, all arrays concatenate as arrays of their wider element type, anything else is cast to string
 * (arrays, maps and structs cannot be); no arguments give a string.
 *
 * @example concatType([T.string, T.int]) // { argTypes: [string, string], resultType: string }
 */
export function concatType(
  types: readonly DataType[],
): { readonly argTypes: readonly DataType[]; readonly resultType: DataType } | undefined {
  if (types.length > 0 && types.every((t) => t.kind === 'binary')) return { argTypes: types, resultType: T.binary };
  if (types.length > 0 && types.every((t) => t.kind === 'array')) {
    const common = widerTypeOf(types);
    return common && { argTypes: types.map(() => common), resultType: common };
  }
  const argTypes: DataType[] = [];
  for (const t of types) {
    const cast = implicitCast(t, T.string);
    if (!cast) return undefined;
    argTypes.push(cast);
  }
  return { argTypes, resultType: T.string };
}
