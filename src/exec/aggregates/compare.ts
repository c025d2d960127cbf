// Spark's ordering of non-NULL values of an orderable type, for min/max, min_by/max_by and percentiles: strings by
// code point (UTF-8 byte order), NaN above every other double and equal to itself, -0.0 equal to 0.0, arrays and
// structs element by element with NULL elements first.
import { assertNever } from '../../common/assert-never.js';
import type { DataType } from '../../types/data-type.js';
import type { IntervalValue } from '../../logical/expr.js';
import type { JsValue } from '../vector.js';
import { compareUtf8 } from '../kernels/compare.js';

/** Negative, zero or positive as `a` sorts before, with or after `b`. */
export type Compare = (a: JsValue, b: JsValue) => number;

export function compareNumbers(a: number, b: number): number {
  if (a < b) return -1;
  if (a > b) return 1;
  if (a === b) return 0;
  // At least one is NaN, which sorts last.
  const aNaN = a !== a;
  return aNaN === (b !== b) ? 0 : aNaN ? 1 : -1;
}

/** Code point order (the kernels' comparison of strings). */
export const compareStrings = compareUtf8;

function compareBigints(a: JsValue, b: JsValue): number {
  const x = a as bigint;
  const y = b as bigint;
  return x < y ? -1 : x > y ? 1 : 0;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

// CalendarInterval has no natural order (a month is 28 to 31 days); months, then days, then microseconds.
function compareIntervals(a: IntervalValue, b: IntervalValue): number {
  return a.months - b.months || a.days - b.days || compareBigints(BigInt(a.micros), BigInt(b.micros));
}

// NULL elements and fields sort first.
function withNulls(compare: Compare): Compare {
  return (a, b) => (a === null ? (b === null ? 0 : -1) : b === null ? 1 : compare(a, b));
}

/** The comparator of non-NULL JsValues of `type` (see exec/vector.ts for which JS type each SQL type takes). */
export function comparatorOf(type: DataType): Compare {
  switch (type.kind) {
    case 'null':
      return () => 0;
    case 'boolean':
      return (a, b) => Number(a) - Number(b);
    case 'tinyint':
    case 'smallint':
    case 'int':
    case 'date':
    case 'float':
    case 'double':
      return (a, b) => compareNumbers(a as number, b as number);
    case 'bigint':
    case 'timestamp':
    case 'timestamp_ntz':
    case 'decimal':
      return compareBigints;
    case 'string':
      return (a, b) => compareStrings(a as string, b as string);
    case 'binary':
      return (a, b) => compareBytes(a as Uint8Array, b as Uint8Array);
    case 'interval':
      return (a, b) => compareIntervals(a as IntervalValue, b as IntervalValue);
    case 'array': {
      const element = withNulls(comparatorOf(type.element));
      return (a, b) => {
        const x = a as readonly JsValue[];
        const y = b as readonly JsValue[];
        const n = Math.min(x.length, y.length);
        for (let i = 0; i < n; i++) {
          const c = element(x[i] ?? null, y[i] ?? null);
          if (c !== 0) return c;
        }
        return x.length - y.length;
      };
    }
    case 'struct': {
      const fields = type.fields.map((f) => ({ name: f.name, compare: withNulls(comparatorOf(f.type)) }));
      return (a, b) => {
        const x = a as Readonly<Record<string, JsValue>>;
        const y = b as Readonly<Record<string, JsValue>>;
        for (const f of fields) {
          const c = f.compare(x[f.name] ?? null, y[f.name] ?? null);
          if (c !== 0) return c;
        }
        return 0;
      };
    }
    case 'map':
      throw new TypeError('maps have no order');
    default:
      return assertNever(type, 'data type');
  }
}
