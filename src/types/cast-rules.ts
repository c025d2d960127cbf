// Which casts non-ANSI Spark allows: explicit CAST (Cast.canCast), and the implicit casts the analyzer may insert
// to fit an argument to what an operator or function expects (TypeCoercion.implicitCast).
import { assertNever } from '../common/assert-never.js';
import { T, arrayOf, isDatetime, isIntegral, isNumeric, typeToString } from './data-type.js';
import type { DataType, DataTypeKind, StructField } from './data-type.js';
import { SYSTEM_DEFAULT_DECIMAL, decimalForType, isWiderDecimal } from './decimal-rules.js';
import type { DecimalDataType } from './decimal-rules.js';

/**
 * What a function parameter accepts when that is more than one concrete type (Spark's AbstractDataType).
 * Each has a default concrete type, which a NULL argument is cast to.
 */
export type AbstractType =
  /** Any numeric type; a string argument becomes double. Default double. */
  | { readonly abstract: 'numeric' }
  /** Any integral type. Default int. */
  | { readonly abstract: 'integral' }
  /** Any decimal; other numerics become the decimal that holds them. Default decimal(38,18). */
  | { readonly abstract: 'decimal' }
  /** timestamp or timestamp_ntz. Default timestamp. */
  | { readonly abstract: 'anyTimestamp' }
  /** An array whose element fits `element`. */
  | { readonly abstract: 'arrayOf'; readonly element: ExpectedType }
  /** Anything, as is. */
  | { readonly abstract: 'any' }
  /** The first alternative the argument fits, tried in order (Spark's TypeCollection). */
  | { readonly abstract: 'oneOf'; readonly types: readonly ExpectedType[] };

/** A parameter's type: a concrete type (which an argument is cast to) or an abstract one. */
export type ExpectedType = DataType | AbstractType;

/** Constructors for the abstract types, so signatures read `A.numeric`, `A.oneOf(T.string, T.binary)`. */
export const A = {
  numeric: { abstract: 'numeric' },
  integral: { abstract: 'integral' },
  decimal: { abstract: 'decimal' },
  anyTimestamp: { abstract: 'anyTimestamp' },
  any: { abstract: 'any' },
  arrayOf: (element: ExpectedType): AbstractType => ({ abstract: 'arrayOf', element }),
  oneOf: (...types: ExpectedType[]): AbstractType => ({ abstract: 'oneOf', types }),
} as const satisfies Record<string, AbstractType | ((...args: never[]) => AbstractType)>;

function isAbstract(t: ExpectedType): t is AbstractType {
  return 'abstract' in t;
}

/** Spark's AtomicType: the scalar types that cast to and from strings freely. */
export function isAtomic(t: DataType): boolean {
  return t.kind === 'boolean' || t.kind === 'string' || t.kind === 'binary' || isNumeric(t) || isDatetime(t);
}

/**
 * Equal types, ignoring nullability inside arrays, maps and structs and the case of field names (Spark's
 * DataType.sameType under the default case-insensitive analysis).
 */
export function sameTypeIgnoringNullability(a: DataType, b: DataType): boolean {
  return typeToString(a).toLowerCase() === typeToString(b).toLowerCase();
}

/** Human-readable form of an expected type, for error messages: "a numeric type", "string or binary". */
export function describeExpected(t: ExpectedType): string {
  if (!isAbstract(t)) return typeToString(t);
  switch (t.abstract) {
    case 'numeric':
      return 'a numeric type';
    case 'integral':
      return 'an integral type';
    case 'decimal':
      return 'a decimal type';
    case 'anyTimestamp':
      return 'a timestamp';
    case 'any':
      return 'any type';
    case 'arrayOf':
      return `an array of ${describeExpected(t.element)}`;
    case 'oneOf':
      return t.types.map(describeExpected).join(' or ');
    default:
      return assertNever(t, 'abstract type');
  }
}

function accepts(expected: ExpectedType, t: DataType): boolean {
  if (!isAbstract(expected)) return sameTypeIgnoringNullability(expected, t);
  switch (expected.abstract) {
    case 'numeric':
      return isNumeric(t);
    case 'integral':
      return isIntegral(t);
    case 'decimal':
      return t.kind === 'decimal';
    case 'anyTimestamp':
      return t.kind === 'timestamp' || t.kind === 'timestamp_ntz';
    case 'any':
      return true;
    case 'arrayOf':
      return t.kind === 'array' && accepts(expected.element, t.element);
    case 'oneOf':
      return expected.types.some((e) => accepts(e, t));
    default:
      return assertNever(expected, 'abstract type');
  }
}

function defaultConcreteType(expected: ExpectedType): DataType {
  if (!isAbstract(expected)) return expected;
  switch (expected.abstract) {
    case 'numeric':
      return T.double;
    case 'integral':
      return T.int;
    case 'decimal':
      return SYSTEM_DEFAULT_DECIMAL;
    case 'anyTimestamp':
      return T.timestamp;
    case 'any':
      return T.null;
    case 'arrayOf':
      return arrayOf(defaultConcreteType(expected.element));
    case 'oneOf':
      return expected.types[0] ? defaultConcreteType(expected.types[0]) : T.null;
    default:
      return assertNever(expected, 'abstract type');
  }
}

/**
 * The type an argument of type `from` is implicitly cast to where `expected` is wanted, or undefined when Spark
 * would not cast it (TypeCoercion.implicitCast, non-ANSI). An argument the expected type already accepts is
 * left as it is.
 *
 * Beyond Spark's implicitCast, structs cast field by field (by position, taking the target's names): Spark
 * never needs that from implicitCast, but inserts such casts when it widens structs for UNION, CASE and
 * COALESCE, which is what the analyzer uses this for.
 *
 * @example
 * implicitCast(T.string, A.numeric) // double
 * implicitCast(T.int, A.oneOf(T.string, T.binary)) // string
 * implicitCast(T.boolean, T.int) // undefined
 */
export function implicitCast(from: DataType, expected: ExpectedType): DataType | undefined {
  if (accepts(expected, from)) return from;
  if (from.kind === 'null') return defaultConcreteType(expected);
  if (isAbstract(expected)) return implicitCastToAbstract(from, expected);
  return implicitCastToConcrete(from, expected);
}

function implicitCastToAbstract(from: DataType, expected: AbstractType): DataType | undefined {
  switch (expected.abstract) {
    case 'numeric':
      // Hive's convention, kept by Spark: a string where any number will do is read as a double.
      return from.kind === 'string' ? T.double : undefined;
    case 'integral':
      return undefined;
    case 'decimal':
      if (from.kind === 'string') return SYSTEM_DEFAULT_DECIMAL;
      return isNumeric(from) ? decimalForType(from) : undefined;
    case 'anyTimestamp':
      return from.kind === 'string' || isDatetime(from) ? T.timestamp : undefined;
    case 'any':
      return from;
    case 'arrayOf': {
      if (from.kind !== 'array') return undefined;
      const element = implicitCast(from.element, expected.element);
      return element && arrayOf(element, true);
    }
    case 'oneOf':
      for (const alternative of expected.types) {
        const cast = implicitCast(from, alternative);
        if (cast) return cast;
      }
      return undefined;
    default:
      return assertNever(expected, 'abstract type');
  }
}

// Implicit casts between concrete scalar types, by target kind.
function implicitScalarCast(from: DataType, to: DataType): boolean {
  if (isNumeric(to)) return isNumeric(from) || from.kind === 'string';
  if (isDatetime(to)) return isDatetime(from) || from.kind === 'string';
  if (to.kind === 'binary') return from.kind === 'string';
  if (to.kind === 'string') return isAtomic(from);
  return false;
}

function implicitCastToConcrete(from: DataType, to: DataType): DataType | undefined {
  if (from.kind === 'array' && to.kind === 'array') {
    // An array may gain nulls but not lose them: to a non-null-element array only from one, and only if
    // the element cast cannot produce nulls.
    if (!to.containsNull && (from.containsNull || forceNullable(from.element, to.element))) return undefined;
    const element = implicitCast(from.element, to.element);
    return element && arrayOf(element, to.containsNull);
  }
  if (from.kind === 'map' && to.kind === 'map') {
    if (forceNullable(from.key, to.key) || (from.valueContainsNull && !to.valueContainsNull)) return undefined;
    if (forceNullable(from.value, to.value) && !to.valueContainsNull) return undefined;
    const key = implicitCast(from.key, to.key);
    const value = implicitCast(from.value, to.value);
    return key && value && { kind: 'map', key, value, valueContainsNull: to.valueContainsNull };
  }
  if (from.kind === 'struct' && to.kind === 'struct') return implicitStructCast(from.fields, to.fields);
  return implicitScalarCast(from, to) ? to : undefined;
}

function implicitStructCast(from: readonly StructField[], to: readonly StructField[]): DataType | undefined {
  if (from.length !== to.length) return undefined;
  const fields: StructField[] = [];
  for (const [i, target] of to.entries()) {
    const source = from[i]!;
    if (!target.nullable && (source.nullable || forceNullable(source.type, target.type))) return undefined;
    const type = implicitCast(source.type, target.type);
    if (!type) return undefined;
    fields.push({ name: target.name, type, nullable: target.nullable });
  }
  return { kind: 'struct', fields };
}

/**
 * Whether the analyzer may insert a cast from `from` to `to` without the user asking (non-ANSI Spark: any
 * numeric to any numeric, strings to numbers, datetimes and binary, any scalar to string, datetimes among
 * themselves, NULL to anything; element-wise for arrays, maps and structs).
 *
 * @example canImplicitCast(T.bigint, T.int) // true (non-ANSI Spark narrows implicitly)
 */
export function canImplicitCast(from: DataType, to: DataType): boolean {
  return implicitCast(from, to) !== undefined;
}

/**
 * Whether `CAST(x AS to)` is legal for x of type `from` (Spark's Cast.canCast with ANSI off). Legal casts can
 * still give NULL for a value, e.g. `CAST('x' AS INT)`.
 *
 * @example canCast(T.date, T.int) // true (yields NULL); canCast(T.int, T.date) // false
 */
export function canCast(from: DataType, to: DataType): boolean {
  if (from.kind === 'null' || to.kind === 'string') return true;
  switch (to.kind) {
    case 'array':
      return (
        from.kind === 'array' &&
        canCast(from.element, to.element) &&
        resolvableNullability(from.containsNull || forceNullable(from.element, to.element), to.containsNull)
      );
    case 'map':
      return (
        from.kind === 'map' &&
        canCast(from.key, to.key) &&
        !forceNullable(from.key, to.key) &&
        canCast(from.value, to.value) &&
        resolvableNullability(from.valueContainsNull || forceNullable(from.value, to.value), to.valueContainsNull)
      );
    case 'struct':
      // By position: field names do not matter to CAST.
      return (
        from.kind === 'struct' &&
        from.fields.length === to.fields.length &&
        from.fields.every((f, i) => {
          const target = to.fields[i]!;
          const mayBecomeNull = f.nullable || forceNullable(f.type, target.type);
          return canCast(f.type, target.type) && resolvableNullability(mayBecomeNull, target.nullable);
        })
      );
    default:
      return from.kind === to.kind || (CAST_SOURCES[to.kind]?.(from) ?? false);
  }
}

const toNumber = (from: DataType): boolean =>
  from.kind === 'string' || from.kind === 'boolean' || from.kind === 'date' || from.kind === 'timestamp' || isNumeric(from);

// Cast.canCast's scalar rows, keyed by target: which other types may be cast to it.
const CAST_SOURCES: Partial<Record<DataTypeKind, (from: DataType) => boolean>> = {
  tinyint: toNumber,
  smallint: toNumber,
  int: toNumber,
  bigint: toNumber,
  float: toNumber,
  double: toNumber,
  decimal: toNumber,
  binary: (from) => from.kind === 'string' || isIntegral(from),
  boolean: (from) => from.kind === 'string' || from.kind === 'date' || from.kind === 'timestamp' || isNumeric(from),
  timestamp: (from) =>
    from.kind === 'string' || from.kind === 'boolean' || from.kind === 'date' || from.kind === 'timestamp_ntz' || isNumeric(from),
  timestamp_ntz: (from) => from.kind === 'string' || from.kind === 'date' || from.kind === 'timestamp',
  date: (from) => from.kind === 'string' || from.kind === 'timestamp' || from.kind === 'timestamp_ntz',
  interval: (from) => from.kind === 'string',
};

function resolvableNullability(fromNullable: boolean, toNullable: boolean): boolean {
  return !fromNullable || toNullable;
}

/**
 * Whether casting a non-null value from `from` to `to` can give NULL (Spark's Cast.forceNullable): parsing a
 * string, a date from anything but a timestamp, a decimal too narrow, NaN to an integer, …
 *
 * @example forceNullable(T.string, T.int) // true; forceNullable(T.int, T.bigint) // false
 */
export function forceNullable(from: DataType, to: DataType): boolean {
  if (from.kind === 'null' || sameTypeIgnoringNullability(from, to)) return false;
  if (from.kind === 'string') return to.kind !== 'binary';
  if (to.kind === 'string') return false;
  if ((from.kind === 'float' || from.kind === 'double') && to.kind === 'timestamp') return true;
  if (to.kind === 'date') return from.kind !== 'timestamp';
  if (from.kind === 'date') return to.kind !== 'timestamp';
  if (to.kind === 'interval') return true;
  if (to.kind === 'decimal') return !canNullSafeCastToDecimal(from, to);
  return (from.kind === 'float' || from.kind === 'double' || from.kind === 'decimal') && isIntegral(to);
}

// Cast.canNullSafeCastToDecimal: the target holds every value of the source.
function canNullSafeCastToDecimal(from: DataType, to: DecimalDataType): boolean {
  if (from.kind === 'boolean') return isWiderDecimal(to, { kind: 'decimal', precision: 1, scale: 0 });
  if (from.kind === 'decimal') return isWiderDecimal(to, from) || to.precision - to.scale > from.precision - from.scale;
  if (!isIntegral(from)) return false;
  const exact = decimalForType(from);
  return exact !== undefined && isWiderDecimal(to, exact);
}
