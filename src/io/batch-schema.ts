// Gives the batches of one column selection a single, correct schema when they hold dictionary-encoded columns.
//
// arrow-js-ffi 0.4.3 gets dictionary types wrong twice: it makes a new Dictionary type, with a new id, for every
// batch (Arrow JS compares dictionary types by id, so batches of one column would not form a table), and it stores a
// Field where the Dictionary's value type belongs (`type.dictionary` is a Field, not Utf8).
import { DataType, RecordBatch, Struct } from 'apache-arrow';
import type { Data, Schema } from 'apache-arrow';

/**
 * Whether any column of `schema`, at any depth, is dictionary-encoded.
 *
 * @example
 * hasDictionary(batch.schema); // true for a Dictionary<Int32, Utf8> column written by an Arrow writer
 */
export function hasDictionary(schema: Schema): boolean {
  const visit = (type: DataType): boolean => DataType.isDictionary(type) || (type.children ?? []).some((child) => visit(child.type));
  return schema.fields.some((field) => visit(field.type));
}

/**
 * `batch` with `schema` (the same columns, with correct dictionary types) and its data retyped to match.
 * Buffers and dictionaries are shared, not copied.
 *
 * @example
 * const batches = decoded.map((b) => withSchema(b, reader.schema(columns)));
 * new Table(batches); // no "schemas must be equivalent" error
 */
export function withSchema(batch: RecordBatch, schema: Schema): RecordBatch {
  return new RecordBatch(schema, retype(batch.data, new Struct(schema.fields)));
}

function retype<T extends DataType>(data: Data, type: T): Data<T> {
  const children = data.children.map((child, i) => retype(child, type.children[i]!.type));
  return data.clone(type, data.offset, data.length, data.nullCount, data.buffers as never, children);
}
