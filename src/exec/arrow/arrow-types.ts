// The Arrow type each SQL type is exchanged as: what results, writers and round trips through Arrow use.
import {
  Binary,
  Bool,
  DateDay,
  Decimal,
  Field,
  Float32,
  Float64,
  Int16,
  Int32,
  Int64,
  Int8,
  IntervalMonthDayNano,
  List,
  Map_,
  Null,
  Schema,
  Struct,
  TimestampMicrosecond,
  Utf8,
} from 'apache-arrow';
import type { DataType as ArrowType } from 'apache-arrow';
import { assertNever } from '../../common/assert-never.js';
import type { DataType } from '../../types/data-type.js';

/** A named output column, as the plan's Column and the catalog's StructField both are. */
export interface NamedType {
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

/**
 * The Arrow type of a SQL type: decimal(p,s) → Decimal128(p,s); date → Date32; timestamp → Timestamp(µs, "UTC");
 * timestamp_ntz → Timestamp(µs) without a zone; interval → Interval(MonthDayNano); string → Utf8; arrays, maps and
 * structs → List, Map and Struct of their parts; the type of NULL → Null.
 *
 * @example
 * String(arrowTypeOf(decimal(15, 2))); // 'Decimal[15e+2]'
 */
export function arrowTypeOf(type: DataType): ArrowType {
  switch (type.kind) {
    case 'null':
      return new Null();
    case 'boolean':
      return new Bool();
    case 'tinyint':
      return new Int8();
    case 'smallint':
      return new Int16();
    case 'int':
      return new Int32();
    case 'bigint':
      return new Int64();
    case 'float':
      return new Float32();
    case 'double':
      return new Float64();
    case 'decimal':
      return new Decimal(type.scale, type.precision, 128);
    case 'string':
      return new Utf8();
    case 'binary':
      return new Binary();
    case 'date':
      return new DateDay();
    case 'timestamp':
      return new TimestampMicrosecond('UTC');
    case 'timestamp_ntz':
      return new TimestampMicrosecond();
    case 'interval':
      return new IntervalMonthDayNano();
    case 'array':
      return new List(new Field('element', arrowTypeOf(type.element), type.containsNull));
    case 'map': {
      const entries = new Struct([new Field('key', arrowTypeOf(type.key), false), new Field('value', arrowTypeOf(type.value), type.valueContainsNull)]);
      return new Map_(new Field('entries', entries, false), false);
    }
    case 'struct':
      return new Struct(type.fields.map((f) => new Field(f.name, arrowTypeOf(f.type), f.nullable)));
    default:
      return assertNever(type, 'data type');
  }
}

/**
 * The Arrow schema of columns, in order (duplicate names are kept, as SQL results may have them).
 *
 * @example
 * arrowSchemaOf(plan.output).fields.map(String); // ['l_returnflag: Utf8', 'sum_qty: Decimal[25e+2]']
 */
export function arrowSchemaOf(columns: readonly NamedType[]): Schema {
  return new Schema(columns.map((c) => new Field(c.name, arrowTypeOf(c.type), c.nullable)));
}
