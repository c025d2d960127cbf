// Query results as JSON lines in Spark's JSON style (one object per row, NULL fields left out), to a stream or a file.
import { DataType, Precision, Type } from 'apache-arrow';
import type { Data, Decimal, Float, Int, Map_, RecordBatch, Schema, Struct, Timestamp } from 'apache-arrow';
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
import { writeFileAtomic } from './atomic-write.js';
import { batchesOf } from './batch-source.js';
import type { TextFileResult } from './csv-writer.js';
import type { BatchSource } from './parquet-writer.js';
import { formatDate, formatDecimal, formatDouble, formatFloat, formatTimestamp } from './spark-format.js';
import { columnText } from './value-text.js';

export interface JsonOptions {
  /** spark.sql.session.timeZone: timestamps are written as ISO text with this zone's offset. */
  readonly timeZone: string;
}

/** Row `i` as JSON text, or undefined for NULL. */
type JsonReader = (row: number) => string | undefined;

/**
 * The rows of `batch` as JSON lines, as Spark's `to_json` and JSON writer write them: decimals and numbers as JSON
 * numbers (`12.50`, `1.0E10`), NaN and infinities as strings, dates `"yyyy-MM-dd"`, timestamps
 * `"yyyy-MM-dd'T'HH:mm:ss.SSSXXX"`, binary as base64, arrays, structs and maps as JSON arrays and objects;
 * a NULL field is left out of its object (Spark's `ignoreNullFields`), a NULL inside an array is `null`.
 *
 * @example jsonLines(batch, { timeZone: 'UTC' }) // '{"n_name":"ALGERIA","n_nationkey":0}\n…'
 */
export function jsonLines(batch: RecordBatch, options: JsonOptions): string {
  const names = batch.schema.fields.map((f) => JSON.stringify(f.name) + ':');
  const columns = batch.schema.fields.map((_, c) => jsonReader(batch.getChildAt(c)!.data[0]!, options));
  const lines: string[] = new Array(batch.numRows);
  for (let row = 0; row < batch.numRows; row++) lines[row] = objectText(names, columns, row);
  return batch.numRows ? lines.join('\n') + '\n' : '';
}

/**
 * Writes `source` to the JSON-lines file `path`. The file appears only when complete: if the source fails (a query
 * error), an existing file at `path` is left as it was and no partial file remains. An empty result is an empty file.
 */
export async function writeJsonFile(path: string, source: BatchSource, options: JsonOptions & { readonly schema?: Schema }): Promise<TextFileResult> {
  return writeFileAtomic(path, async (file) => {
    let rows = 0;
    let bytes = 0;
    for await (const batch of batchesOf(source)) {
      const chunk = Buffer.from(jsonLines(batch, options), 'utf8');
      await file.write(chunk);
      rows += batch.numRows;
      bytes += chunk.byteLength;
    }
    return { path, rows, bytes };
  });
}

function objectText(names: readonly string[], fields: readonly JsonReader[], row: number): string {
  let text = '';
  for (let c = 0; c < fields.length; c++) {
    const value = fields[c]!(row);
    if (value !== undefined) text += (text ? ',' : '') + names[c] + value;
  }
  return `{${text}}`;
}

function jsonReader(data: Data, options: JsonOptions): JsonReader {
  const isNull = nullTest(data);
  const json = valueJson(data, options);
  return isNull ? (i) => (isNull(i) ? undefined : json(i)) : json;
}

function nestedJson(data: Data, options: JsonOptions): (row: number) => string {
  const json = jsonReader(data, options);
  return (i) => json(i) ?? 'null';
}

function valueJson(data: Data, options: JsonOptions): (row: number) => string {
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
      const format = precision === Precision.SINGLE ? formatFloat : formatDouble;
      // JSON has no NaN or infinities: Jackson, which Spark uses, quotes them.
      return (i) => {
        const x = values[i]!;
        return Number.isFinite(x) ? format(x) : `"${format(x)}"`;
      };
    }
    case Type.Decimal: {
      const read = decimalReader(data as Data<Decimal>);
      const scale = (type as Decimal).scale;
      return (i) => formatDecimal(read(i), scale);
    }
    case Type.Date: {
      const read = dateDaysReader(data);
      return (i) => `"${formatDate(read(i))}"`;
    }
    case Type.Timestamp: {
      const read = timestampMicrosReader(data as Data<Timestamp>);
      const zone = (type as Timestamp).timezone ? options.timeZone : undefined;
      return (i) => `"${formatTimestamp(read(i), zone, 'iso')}"`;
    }
    case Type.Utf8:
    case Type.LargeUtf8: {
      const read = utf8Reader(data);
      return (i) => JSON.stringify(read(i));
    }
    case Type.Binary:
    case Type.LargeBinary: {
      const read = binaryReader(data);
      return (i) => `"${Buffer.from(read(i)).toString('base64')}"`;
    }
    case Type.Dictionary: {
      const words: string[] = [];
      for (const chunk of data.dictionary?.data ?? []) {
        const json = nestedJson(chunk, options);
        for (let i = 0; i < chunk.length; i++) words.push(json(i));
      }
      const indices = data.values as ArrayLike<number | bigint>;
      if ((type as DataType & { indices: Int }).indices.bitWidth === 64) return (i) => words[Number(indices[i]!)]!;
      return (i) => words[indices[i] as number]!;
    }
    case Type.List: {
      const range = listRangeReader(data);
      const element = nestedJson(data.children[0]!, options);
      return (i) => {
        const [start, end] = range(i);
        const parts: string[] = [];
        for (let j = start; j < end; j++) parts.push(element(j));
        return `[${parts.join(',')}]`;
      };
    }
    case Type.Struct: {
      const struct = data as Data<Struct>;
      const names = struct.type.children.map((f) => JSON.stringify(f.name) + ':');
      const fields = struct.children.map((child) => jsonReader(child, options));
      return (i) => objectText(names, fields, i);
    }
    case Type.Map: {
      // JSON object keys are strings: a map's keys are written as their text, as Spark does.
      const range = listRangeReader(data);
      const entries = (data as Data<Map_>).children[0]!;
      const key = columnText(entries.children[0]!, { timeZone: options.timeZone, timestamps: 'iso' });
      const value = nestedJson(entries.children[1]!, options);
      return (i) => {
        const [start, end] = range(i);
        const parts: string[] = [];
        for (let j = start; j < end; j++) parts.push(`${JSON.stringify(key(j) ?? 'null')}:${value(j)}`);
        return `{${parts.join(',')}}`;
      };
    }
  }
  const read = genericReader(data);
  return (i) => JSON.stringify(read(i), (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)) ?? 'null';
}
