// Orders the values pruning compares — statistics bounds, partition values, literals — in the domain of one SQL type,
// and maps bounds through the widening casts the analyzer puts around columns, where those keep the order exactly.
import type { StatValue } from '../../catalog/statistics.js';
import { decimalToNumber } from '../../catalog/statistics.js';
import type { DataType } from '../../types/data-type.js';
import { typeToString } from '../../types/data-type.js';
import { compareBytes, compareUtf8 } from '../kernels/compare.js';
import type { JsValue } from '../vector.js';

/**
 * A value in its type's order, in the catalog's StatValue forms: numbers for tinyint..int, date (days), float and
 * double; bigints for bigint and timestamps (µs); for decimals the nearest double to the value; strings; booleans;
 * Uint8Arrays for binary.
 */
export type Bound = StatValue;

/** Decimals of at most this many digits are told apart by their nearest doubles (a double holds 15 decimal digits). */
const FAITHFUL_DECIMAL_DIGITS = 15;

/**
 * The bound of a non-NULL JsValue of `type` (a literal's, a partition value's); undefined for unordered types.
 *
 * @example
 * boundOf(5n, decimal(15, 2)); // 0.05
 */
export function boundOf(value: JsValue, type: DataType): Bound | undefined {
  switch (type.kind) {
    case 'decimal':
      return decimalToNumber(value as bigint, type.scale);
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
    case 'float':
    case 'double':
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
    case 'string':
    case 'binary':
      return value as Bound;
    default:
      return undefined;
  }
}

/**
 * The order of two bounds of `type` (negative, zero, positive), or undefined when the bounds cannot tell: equal doubles
 * standing for decimals of more than 15 digits, and NaN. Numbers and bigints may be mixed (JS compares them exactly).
 *
 * @example
 * compareBounds(0.05, 0.05, decimal(15, 2)); // 0
 * compareBounds(0.1, 0.1, decimal(38, 20)); // undefined: 0.1 and 0.10000000000000000001 share a double
 */
export function compareBounds(a: Bound, b: Bound, type: DataType): number | undefined {
  switch (type.kind) {
    case 'string':
      return compareUtf8(a as string, b as string);
    case 'binary':
      return compareBytes(a as Uint8Array, b as Uint8Array);
    case 'boolean':
      return Number(a) - Number(b);
    default: {
      if (a !== a || b !== b) return undefined;
      if (a < b) return -1;
      if (a > b) return 1;
      // Rounding to nearest keeps order, so unequal doubles order their decimals; equal ones prove equality only
      // when no two values of the type share a double.
      return type.kind === 'decimal' && type.precision > FAITHFUL_DECIMAL_DIGITS ? undefined : 0;
    }
  }
}

/**
 * How bounds of a column of type `from` become bounds of `CAST(column AS to)`, for casts that never give NULL and keep
 * the order (integral widening, integral or decimal to a wider decimal, to double); undefined for any other cast,
 * whose column then tells nothing.
 *
 * @example
 * boundCast(T.int, T.bigint)?.(7); // 7 (numbers and bigints compare exactly)
 * boundCast(T.bigint, T.double)?.(2n ** 53n + 1n); // 9007199254740992, what the cast gives
 */
export function boundCast(from: DataType, to: DataType): ((b: Bound) => Bound) | undefined {
  if (typeToString(from) === typeToString(to)) return identity;
  const digits = integralDigits(from);
  if (digits !== undefined) {
    const toDigits = integralDigits(to);
    if (toDigits !== undefined) return toDigits >= digits ? identity : undefined;
    if (to.kind === 'double') return toNumber;
    if (to.kind === 'decimal' && to.precision - to.scale >= digits) return toNumber;
    return undefined;
  }
  if (from.kind === 'float' && to.kind === 'double') return identity;
  if (from.kind === 'decimal' && to.kind === 'decimal') {
    return to.scale >= from.scale && to.precision - to.scale >= from.precision - from.scale ? identity : undefined;
  }
  // A decimal bound is its nearest double, which is what the cast gives while the decimal is exact in a double.
  if (from.kind === 'decimal' && to.kind === 'double' && from.precision <= FAITHFUL_DECIMAL_DIGITS) return identity;
  return undefined;
}

const identity = (b: Bound): Bound => b;
const toNumber = (b: Bound): Bound => Number(b);

/** Decimal digits of an integral type's largest magnitude. */
function integralDigits(t: DataType): number | undefined {
  switch (t.kind) {
    case 'tinyint':
      return 3;
    case 'smallint':
      return 5;
    case 'int':
      return 10;
    case 'bigint':
      return 19;
    default:
      return undefined;
  }
}
