// Arrow columns as the text Spark gives their values (cast to string): for show()-style tables, CSV and partition paths.
import { DataType, Precision, Type } from 'apache-arrow';
import type { Data, Decimal, Float, Int, Map_, Struct, Timestamp } from 'apache-arrow';
import {
  binaryReader,
  boolReader,
  dateDaysReader,
  decimalReader,
  genericReader,
  listRangeReader,
  nullTest,
  timestampMicrosReader,
  utf8Reader,
} from './arrow-access.js';
import { formatBinaryHex, formatDate, formatDecimal, formatDouble, formatFloat, formatTimestamp } from './spark-format.js';
import type { TimestampLayout } from './spark-format.js';

export interface TextOptions {
  /** spark.sql.session.timeZone: the zone timestamps (instants) are shown in. */
  readonly timeZone: string;
  /** `show` for tables and paths (`2024-01-01 10:00:00`), `iso` for CSV (`2024-01-01T10:00:00.000Z`). */
  readonly timestamps: TimestampLayout;
}

/**
 * A reader of row `i` of `data` as text, or null for NULL. Built once per batch column; each call then reads the
 * buffers directly. Nested values print as Spark prints them: `[1, 2]`, `{1, a}`, `{k -> v}`, inner NULLs as `null`.
 *
 * @example
 * const text = columnText(batch.getChildAt(0)!.data[0]!, { timeZone: 'UTC', timestamps: 'show' });
 * text(0); // '1995-03-15'
 */
export function columnText(data: Data, options: TextOptions): (row: number) => string | null {
  const isNull = nullTest(data);
  const text = valueText(data, options);
  return isNull ? (i) => (isNull(i) ? null : text(i)) : text;
}

/** Like {@link columnText}, with NULL as `null`: the form values take inside arrays, structs and maps. */
function nestedText(data: Data, options: TextOptions): (row: number) => string {
  const text = columnText(data, options);
  return (i) => text(i) ?? 'null';
}

function valueText(data: Data, options: TextOptions): (row: number) => string {
  const type = data.type as DataType;
  switch (type.typeId) {
    case Type.Null:
      return () => 'null';
    case Type.Bool: {
      const read = boolReader(data);
      return (i) => (read(i) ? 'true' : 'false');
    }
    case Type.Int: {
      const values = data.values as ArrayLike<number | bigint>;
      return (i) => String(values[i]!);
    }
    case Type.Float: {
      const values = data.values as Float32Array | Float64Array;
      const precision = (type as Float).precision;
      if (precision === Precision.DOUBLE) return (i) => formatDouble(values[i]!);
      if (precision === Precision.SINGLE) return (i) => formatFloat(values[i]!);
      break;
    }
    case Type.Decimal: {
      const read = decimalReader(data as Data<Decimal>);
      const scale = (type as Decimal).scale;
      return (i) => formatDecimal(read(i), scale);
    }
    case Type.Date: {
      const read = dateDaysReader(data);
      return (i) => formatDate(read(i));
    }
    case Type.Timestamp: {
      const read = timestampMicrosReader(data as Data<Timestamp>);
      // A zone on the Arrow type marks an instant (Spark's TIMESTAMP), shown in the session zone; without one the
      // value is a wall-clock time (TIMESTAMP_NTZ), shown as it is.
      const zone = (type as Timestamp).timezone ? options.timeZone : undefined;
      return (i) => formatTimestamp(read(i), zone, options.timestamps);
    }
    case Type.Utf8:
    case Type.LargeUtf8:
      return utf8Reader(data);
    case Type.Binary:
    case Type.LargeBinary: {
      const read = binaryReader(data);
      return (i) => formatBinaryHex(read(i));
    }
    case Type.Dictionary:
      return dictionaryText(data, options);
    case Type.List: {
      const range = listRangeReader(data);
      const element = nestedText(data.children[0]!, options);
      return (i) => {
        const [start, end] = range(i);
        const parts: string[] = [];
        for (let j = start; j < end; j++) parts.push(element(j));
        return `[${parts.join(', ')}]`;
      };
    }
    case Type.Struct: {
      const fields = (data as Data<Struct>).children.map((child) => nestedText(child, options));
      return (i) => `{${fields.map((field) => field(i)).join(', ')}}`;
    }
    case Type.Map: {
      const range = listRangeReader(data);
      const entries = (data as Data<Map_>).children[0]!;
      const key = nestedText(entries.children[0]!, options);
      const value = nestedText(entries.children[1]!, options);
      return (i) => {
        const [start, end] = range(i);
        const parts: string[] = [];
        for (let j = start; j < end; j++) parts.push(`${key(j)} -> ${value(j)}`);
        return `{${parts.join(', ')}}`;
      };
    }
  }
  // Types Spark SQL does not produce (half floats, unions, durations, …): Arrow JS's own rendering.
  const read = genericReader(data);
  return (i) => String(read(i));
}

/** Decodes the dictionary once, then each row is a lookup by its index. */
function dictionaryText(data: Data, options: TextOptions): (row: number) => string {
  const words: string[] = [];
  for (const chunk of data.dictionary?.data ?? []) {
    const text = nestedText(chunk, options);
    for (let i = 0; i < chunk.length; i++) words.push(text(i));
  }
  const indices = data.values as ArrayLike<number | bigint>;
  if ((data.type as DataType & { indices: Int }).indices.bitWidth === 64) return (i) => words[Number(indices[i]!)]!;
  return (i) => words[indices[i] as number]!;
}
