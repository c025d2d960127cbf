// SQL data types as plain tagged data, named and printed the way Spark prints them (`decimal(15,2)`, `array<int>`).
import { assertNever } from '../common/assert-never.js';

export type NumericKind = 'tinyint' | 'smallint' | 'int' | 'bigint' | 'float' | 'double';

export type DataType =
  | { readonly kind: 'null' }
  | { readonly kind: 'boolean' }
  | { readonly kind: 'tinyint' }
  | { readonly kind: 'smallint' }
  | { readonly kind: 'int' }
  | { readonly kind: 'bigint' }
  | { readonly kind: 'float' }
  | { readonly kind: 'double' }
  | { readonly kind: 'decimal'; readonly precision: number; readonly scale: number }
  | { readonly kind: 'string' }
  | { readonly kind: 'binary' }
  | { readonly kind: 'date' }
  /** Microseconds since the epoch, shown in the session time zone (Spark's TIMESTAMP / TIMESTAMP_LTZ). */
  | { readonly kind: 'timestamp' }
  /** Microseconds, no time zone (Spark's TIMESTAMP_NTZ). */
  | { readonly kind: 'timestamp_ntz' }
  /** Spark's CalendarInterval: months, days and microseconds. */
  | { readonly kind: 'interval' }
  | { readonly kind: 'array'; readonly element: DataType; readonly containsNull: boolean }
  | { readonly kind: 'map'; readonly key: DataType; readonly value: DataType; readonly valueContainsNull: boolean }
  | { readonly kind: 'struct'; readonly fields: readonly StructField[] };

export interface StructField {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

export type DataTypeKind = DataType['kind'];

// Singletons for the parameterless types, so code reads `T.int` rather than `{ kind: 'int' }`.
export const T = {
  null: { kind: 'null' },
  boolean: { kind: 'boolean' },
  tinyint: { kind: 'tinyint' },
  smallint: { kind: 'smallint' },
  int: { kind: 'int' },
  bigint: { kind: 'bigint' },
  float: { kind: 'float' },
  double: { kind: 'double' },
  string: { kind: 'string' },
  binary: { kind: 'binary' },
  date: { kind: 'date' },
  timestamp: { kind: 'timestamp' },
  timestamp_ntz: { kind: 'timestamp_ntz' },
  interval: { kind: 'interval' },
} as const satisfies Record<string, DataType>;

/** Spark's maximum decimal precision. */
export const MAX_DECIMAL_PRECISION = 38;

export function decimal(precision: number, scale: number): DataType {
  return { kind: 'decimal', precision, scale };
}

export function arrayOf(element: DataType, containsNull = true): DataType {
  return { kind: 'array', element, containsNull };
}

export function mapOf(key: DataType, value: DataType, valueContainsNull = true): DataType {
  return { kind: 'map', key, value, valueContainsNull };
}

export function structOf(fields: readonly StructField[]): DataType {
  return { kind: 'struct', fields };
}

export function isIntegral(t: DataType): boolean {
  return t.kind === 'tinyint' || t.kind === 'smallint' || t.kind === 'int' || t.kind === 'bigint';
}

export function isFractional(t: DataType): boolean {
  return t.kind === 'float' || t.kind === 'double' || t.kind === 'decimal';
}

export function isNumeric(t: DataType): boolean {
  return isIntegral(t) || isFractional(t);
}

export function isDatetime(t: DataType): boolean {
  return t.kind === 'date' || t.kind === 'timestamp' || t.kind === 'timestamp_ntz';
}

export function isStringLike(t: DataType): boolean {
  return t.kind === 'string';
}

/** Types whose values can be compared with < and >, and sorted. */
export function isOrderable(t: DataType): boolean {
  switch (t.kind) {
    case 'map':
      return false;
    case 'array':
      return isOrderable(t.element);
    case 'struct':
      return t.fields.every((f) => isOrderable(f.type));
    default:
      return true;
  }
}

/** Structural equality of types (field nullability included). */
export function sameType(a: DataType, b: DataType): boolean {
  return typeToString(a) === typeToString(b) && nullabilityString(a) === nullabilityString(b);
}

function nullabilityString(t: DataType): string {
  switch (t.kind) {
    case 'array':
      return `a(${t.containsNull},${nullabilityString(t.element)})`;
    case 'map':
      return `m(${t.valueContainsNull},${nullabilityString(t.key)},${nullabilityString(t.value)})`;
    case 'struct':
      return `s(${t.fields.map((f) => `${f.nullable},${nullabilityString(f.type)}`).join(';')})`;
    default:
      return '';
  }
}

/** Spark's `simpleString`: `int`, `decimal(15,2)`, `array<string>`, `struct<a:int,b:string>`. */
export function typeToString(t: DataType): string {
  switch (t.kind) {
    case 'null':
    case 'boolean':
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'bigint':
    case 'float':
    case 'double':
    case 'string':
    case 'binary':
    case 'date':
    case 'timestamp':
    case 'timestamp_ntz':
    case 'interval':
      return t.kind === 'null' ? 'void' : t.kind;
    case 'decimal':
      return `decimal(${t.precision},${t.scale})`;
    case 'array':
      return `array<${typeToString(t.element)}>`;
    case 'map':
      return `map<${typeToString(t.key)},${typeToString(t.value)}>`;
    case 'struct':
      return `struct<${t.fields.map((f) => `${f.name}:${typeToString(f.type)}`).join(',')}>`;
    default:
      return assertNever(t, 'data type');
  }
}
