// Maps a Parquet schema (physical, logical and legacy converted types, repetition) to SQL columns, as Spark reads it.
import type { SchemaElement, SchemaTree } from 'hyparquet';
import { fail } from '../common/errors.js';
import { MAX_DECIMAL_PRECISION, T, arrayOf, decimal, mapOf, structOf } from '../types/data-type.js';
import type { DataType, StructField } from '../types/data-type.js';

/** A leaf of the Parquet schema: one column chunk per row group, in this order. */
export interface LeafColumn {
  /** Names from the top-level column down, as in the column chunk's `path_in_schema`. */
  readonly path: readonly string[];
  /** The SQL type of the leaf's values (an array element's type for a leaf inside a list). */
  readonly type: DataType;
  readonly element: SchemaElement;
}

export interface ParquetSchemaMapping {
  /** The top-level columns. */
  readonly columns: readonly StructField[];
  readonly leaves: readonly LeafColumn[];
}

/**
 * Maps the schema tree of `file` to SQL columns and leaves. Logical types take precedence over converted types.
 * Throws SqlError `CATALOG_UNSUPPORTED_TYPE` naming the file and the column for types Spark cannot read either
 * (TIME, INTERVAL, UUID, FLOAT16, …).
 *
 * @example
 * mapParquetSchema(readParquetFooter(f).schema, f).columns; // [{ name: 'l_orderkey', type: T.bigint, nullable: true }, …]
 */
export function mapParquetSchema(root: SchemaTree, file: string): ParquetSchemaMapping {
  const columns = root.children.map((child) => fieldOf(child, file));
  const leaves: LeafColumn[] = [];
  const collect = (node: SchemaTree): void => {
    if (node.children.length === 0) leaves.push({ path: node.path, type: primitiveType(node, file), element: node.element });
    else node.children.forEach(collect);
  };
  root.children.forEach(collect);
  return { columns, leaves };
}

function fieldOf(node: SchemaTree, file: string): StructField {
  const { name, repetition_type: repetition } = node.element;
  // A repeated field outside a LIST or MAP is a list of non-null elements that is itself never null.
  if (repetition === 'REPEATED') return { name, type: arrayOf(typeOf(node, file), false), nullable: false };
  return { name, type: typeOf(node, file), nullable: repetition !== 'REQUIRED' };
}

function typeOf(node: SchemaTree, file: string): DataType {
  if (node.element.type !== undefined) return primitiveType(node, file);
  switch (annotation(node.element)) {
    case 'LIST':
      return listType(node, file);
    case 'MAP':
    case 'MAP_KEY_VALUE':
      return mapType(node, file);
    case undefined:
      return structOf(node.children.map((child) => fieldOf(child, file)));
    default:
      return unsupported(node, file);
  }
}

/** The backward-compatibility rules of the Parquet LogicalTypes spec for lists, as Spark applies them. */
function listType(node: SchemaTree, file: string): DataType {
  const repeated = node.children[0];
  if (node.children.length !== 1 || !repeated || repeated.element.repetition_type !== 'REPEATED') {
    return invalid(node, file, 'a LIST group must have exactly one repeated field');
  }
  // Two-level lists: the repeated field is itself the element.
  const isElement =
    repeated.children.length !== 1 || repeated.element.name === 'array' || repeated.element.name === `${node.element.name}_tuple`;
  if (isElement) return arrayOf(typeOf(repeated, file), false);
  const element = fieldOf(repeated.children[0]!, file);
  return arrayOf(element.type, element.nullable);
}

function mapType(node: SchemaTree, file: string): DataType {
  const keyValue = node.children[0];
  if (node.children.length !== 1 || !keyValue || keyValue.element.repetition_type !== 'REPEATED') {
    return invalid(node, file, 'a MAP group must have exactly one repeated key_value group');
  }
  const [key, value] = keyValue.children;
  if (!key || keyValue.children.length > 2) return invalid(node, file, 'a MAP key_value group must have a key and a value');
  if (!value) return invalid(node, file, 'a MAP without values (a set) has no SQL type');
  const valueField = fieldOf(value, file);
  return mapOf(typeOf(key, file), valueField.type, valueField.nullable);
}

function primitiveType(node: SchemaTree, file: string): DataType {
  const e = node.element;
  const kind = annotation(e);
  if (kind === 'DECIMAL') return decimalType(node, file);
  switch (e.type) {
    case 'BOOLEAN':
      if (kind === undefined) return T.boolean;
      break;
    case 'INT32': {
      if (kind === undefined) return T.int;
      if (kind === 'DATE') return T.date;
      const int = integerAnnotation(e);
      if (int?.signed) return int.bits === 8 ? T.tinyint : int.bits === 16 ? T.smallint : int.bits === 32 ? T.int : unsupported(node, file);
      // Unsigned values widen to the next signed type, as in Spark.
      if (int) return int.bits === 8 ? T.smallint : int.bits === 16 ? T.int : int.bits === 32 ? T.bigint : unsupported(node, file);
      break;
    }
    case 'INT64': {
      if (kind === undefined) return T.bigint;
      const logical = e.logical_type;
      if (logical?.type === 'TIMESTAMP') return logical.isAdjustedToUTC ? T.timestamp : T.timestamp_ntz;
      // The legacy converted types predate local timestamps: they always mean UTC-adjusted instants.
      if (kind === 'TIMESTAMP_MILLIS' || kind === 'TIMESTAMP_MICROS') return T.timestamp;
      const int = integerAnnotation(e);
      if (int?.bits === 64) return int.signed ? T.bigint : decimal(20, 0);
      break;
    }
    case 'INT96':
      if (kind === undefined) return T.timestamp;
      break;
    case 'FLOAT':
      if (kind === undefined) return T.float;
      break;
    case 'DOUBLE':
      if (kind === undefined) return T.double;
      break;
    case 'BYTE_ARRAY':
      if (kind === undefined || kind === 'BSON') return T.binary;
      if (kind === 'STRING' || kind === 'UTF8' || kind === 'ENUM' || kind === 'JSON') return T.string;
      break;
    case 'FIXED_LEN_BYTE_ARRAY':
      if (kind === undefined) return T.binary;
      break;
  }
  return unsupported(node, file);
}

function decimalType(node: SchemaTree, file: string): DataType {
  const e = node.element;
  const logical = e.logical_type;
  const [precision, scale] = logical?.type === 'DECIMAL' ? [logical.precision, logical.scale] : [e.precision, e.scale ?? 0];
  const physicalOk = e.type === 'INT32' || e.type === 'INT64' || e.type === 'FIXED_LEN_BYTE_ARRAY' || e.type === 'BYTE_ARRAY';
  if (!physicalOk || precision === undefined || precision < 1 || scale < 0 || scale > precision) {
    return invalid(node, file, `${describe(e)} is not a valid decimal`);
  }
  if (precision > MAX_DECIMAL_PRECISION) return unsupported(node, file, `precision above ${MAX_DECIMAL_PRECISION}`);
  return decimal(precision, scale);
}

/** The element's annotation: the logical type's name if hyparquet knows it, else the converted type. */
function annotation(e: SchemaElement): string | undefined {
  return e.logical_type?.type ?? e.converted_type;
}

function integerAnnotation(e: SchemaElement): { readonly bits: number; readonly signed: boolean } | undefined {
  const logical = e.logical_type;
  if (logical?.type === 'INTEGER') return { bits: logical.bitWidth, signed: logical.isSigned };
  const match = /^(U?)INT_(8|16|32|64)$/.exec(e.converted_type ?? '');
  return match ? { bits: Number(match[2]), signed: match[1] === '' } : undefined;
}

/** `INT64 (TIMESTAMP(MICROS, adjusted to UTC))`, `FIXED_LEN_BYTE_ARRAY (UUID)`, `group (VARIANT)`. */
function describe(e: SchemaElement): string {
  const physical = e.type ?? 'group';
  const logical = e.logical_type;
  let detail: string | undefined;
  switch (logical?.type) {
    case 'DECIMAL':
      detail = `DECIMAL(${logical.precision},${logical.scale})`;
      break;
    case 'TIME':
    case 'TIMESTAMP':
      detail = `${logical.type}(${logical.unit}${logical.isAdjustedToUTC ? ', adjusted to UTC' : ''})`;
      break;
    case 'INTEGER':
      detail = `INTEGER(${logical.bitWidth}, ${logical.isSigned ? 'signed' : 'unsigned'})`;
      break;
    default:
      detail = logical?.type ?? (e.converted_type === 'DECIMAL' ? `DECIMAL(${e.precision},${e.scale ?? 0})` : e.converted_type);
  }
  return detail ? `${physical} (${detail})` : physical;
}

function unsupported(node: SchemaTree, file: string, why?: string): never {
  return fail(
    'CATALOG_UNSUPPORTED_TYPE',
    `'${file}': column \`${node.path.join('.')}\` has Parquet type ${describe(node.element)}${why ? ` (${why})` : ''}, which sqlopt cannot read`,
  );
}

function invalid(node: SchemaTree, file: string, why: string): never {
  return fail('CATALOG_CORRUPT_FILE', `'${file}': column \`${node.path.join('.')}\` has an invalid schema: ${why}`);
}
