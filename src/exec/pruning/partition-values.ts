// Hive partition values: from the catalog's JSON-safe form (hive-partitions.ts) to JsValues, and to the constant
// vectors a scan adds to every batch of a file.
import { parseTimestamp } from '../../analyzer/literals.js';
import { fail } from '../../common/errors.js';
import type { PartitionValue } from '../../catalog/hive-partitions.js';
import type { DataType } from '../../types/data-type.js';
import { literalJsValue } from '../expr/literal-value.js';
import type { JsValue, Vector } from '../vector.js';
import { MAX_EXACT, constantVector } from '../vector.js';

/**
 * A partition value as the JsValue of its column's type. Timestamps are wall-clock text read in `timeZone` (as
 * `CAST(text AS TIMESTAMP)` reads it); every other type's form is that of a plan literal of the type.
 *
 * @example
 * partitionJsValue('2024-01-01 10:00:00', T.timestamp, 'UTC'); // 1704103200000000n
 */
export function partitionJsValue(value: PartitionValue, type: DataType, timeZone: string): JsValue {
  if (value === null) return null;
  if (type.kind === 'timestamp' || type.kind === 'timestamp_ntz') {
    const micros = parseTimestamp(String(value), timeZone, type.kind === 'timestamp_ntz');
    if (micros === undefined) fail('EXEC_INVALID_PARTITION', `partition value '${value}' is not a timestamp in the time zone ${timeZone}`);
    return BigInt(micros);
  }
  return literalJsValue(value, type);
}

/**
 * `length` copies of `value`, cheaply for the common partition types: strings as a one-entry dictionary, numbers as a
 * filled typed array.
 *
 * @example
 * partitionVector(T.string, 'EU', 65_536).data; // { layout: 'dict', codes: Int32Array(65536) [0, …], dictionary: ['EU'] }
 */
export function partitionVector(type: DataType, value: JsValue, length: number): Vector {
  switch (typeof value) {
    case 'string':
      return { type, length, data: { layout: 'dict', codes: new Int32Array(length), dictionary: [value] } };
    case 'number':
      return type.kind === 'int' || type.kind === 'date'
        ? { type, length, data: { layout: 'i32', values: new Int32Array(length).fill(value) } }
        : { type, length, data: { layout: 'f64', values: new Float64Array(length).fill(value) } };
    case 'bigint':
      if (value < MAX_EXACT && value > -MAX_EXACT) return { type, length, data: { layout: 'f64', values: new Float64Array(length).fill(Number(value)) } };
      return constantVector(type, value, length);
    default:
      return constantVector(type, value, length);
  }
}
