// Prunes the Arrow schema that Arrow writers embed in a Parquet footer (`ARROW:schema`) to the columns a slice keeps.
//
// The decoder matches the embedded schema's fields to the Parquet columns one to one, so a slice holding fewer
// columns needs a pruned copy; without one, types only the Arrow schema records are lost (dictionary-encoded
// strings, time zones, large and view types).
import { Binary, Field, List, Map_, Schema, Struct, Table, Type, Utf8, tableFromIPC, tableToIPC } from 'apache-arrow';
import type { DataType } from 'apache-arrow';

/** The key-value metadata key under which Arrow writers store the schema. */
export const ARROW_SCHEMA_KEY = 'ARROW:schema';

// An IPC stream's end-of-stream marker: continuation then a zero length.
const END_OF_STREAM = Uint8Array.of(0xff, 0xff, 0xff, 0xff, 0, 0, 0, 0);

/**
 * The base64 `ARROW:schema` value holding only the top-level fields at `keep` (indices, in the order given), or
 * undefined when the value cannot be read by Arrow JS (the decoder then derives types from the Parquet schema alone).
 * View types become their plain forms (Utf8View → Utf8, BinaryView → Binary), which is what arrow-js-ffi reads.
 *
 * @example
 * pruneArrowSchemaHint(footerMetadataValue(layout, ARROW_SCHEMA_KEY)!, [0, 3]); // '/////7gAAAAQAAAA…'
 */
export function pruneArrowSchemaHint(encoded: string, keep: readonly number[]): string | undefined {
  const schema = decodeSchema(encoded);
  if (!schema || keep.some((i) => i >= schema.fields.length)) return undefined;
  const fields = keep.map((i) => plainField(schema.fields[i]!));
  const stream = tableToIPC(new Table(new Schema(fields, schema.metadata)), 'stream');
  // The stream is the schema message followed by the end-of-stream marker; the hint is the message alone.
  return Buffer.from(stream.subarray(0, stream.length - END_OF_STREAM.length)).toString('base64');
}

function decodeSchema(encoded: string): Schema | undefined {
  const message = Buffer.from(encoded, 'base64');
  // Writers before the IPC continuation marker wrote a bare length prefix; tableFromIPC reads both forms.
  try {
    return tableFromIPC(concat(message, END_OF_STREAM)).schema;
  } catch {
    return undefined;
  }
}

function plainField(field: Field): Field {
  const type = plainType(field.type);
  return type === field.type ? field : new Field(field.name, type, field.nullable, field.metadata);
}

function plainType(type: DataType): DataType {
  if (type.typeId === Type.Utf8View) return new Utf8();
  if (type.typeId === Type.BinaryView) return new Binary();
  if (type instanceof List) {
    const child = plainField(type.children[0]!);
    return child === type.children[0] ? type : new List(child);
  }
  if (type instanceof Struct) {
    const children = type.children.map(plainField);
    return children.every((c, i) => c === type.children[i]) ? type : new Struct(children);
  }
  if (type instanceof Map_) {
    const entries = plainField(type.children[0]!);
    return entries === type.children[0] ? type : new Map_(entries as Field<Struct>, type.keysSorted);
  }
  return type;
}

function concat(a: Uint8Array, b: Uint8Array): Uint8Array {
  const out = new Uint8Array(a.length + b.length);
  out.set(a, 0);
  out.set(b, a.length);
  return out;
}
