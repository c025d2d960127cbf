import { Field, Int32, List, Schema, Struct, Table, Utf8, vectorFromArray } from 'apache-arrow';
import type { SchemaElement, SchemaTree } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SqlError } from '../../../src/common/errors.js';
import { readParquetFooter } from '../../../src/catalog/parquet-footer.js';
import { mapParquetSchema } from '../../../src/catalog/parquet-schema.js';
import { typeToString } from '../../../src/types/data-type.js';
import type { StructField } from '../../../src/types/data-type.js';
import { createParquetFixtures } from '../../helpers/parquet-fixtures.js';
import type { ParquetFixtures } from '../../helpers/parquet-fixtures.js';

let fx: ParquetFixtures;
beforeAll(async () => {
  fx = await createParquetFixtures();
});
afterAll(() => fx.close());

async function columnsOf(select: string): Promise<readonly StructField[]> {
  const file = await fx.writeParquet(`${Math.random().toString(36).slice(2)}.parquet`, select);
  return mapParquetSchema(readParquetFooter(file).schema, file).columns;
}

async function typesOf(select: string): Promise<Record<string, string>> {
  return Object.fromEntries((await columnsOf(select)).map((c) => [c.name, typeToString(c.type)]));
}

describe('mapParquetSchema on files written by DuckDB', () => {
  it('maps integers of every width, signed and unsigned', async () => {
    expect(
      await typesOf(`SELECT 1::TINYINT i8, 1::SMALLINT i16, 1::INT i32, 1::BIGINT i64,
        1::UTINYINT u8, 1::USMALLINT u16, 1::UINTEGER u32, 1::UBIGINT u64`),
    ).toEqual({
      i8: 'tinyint',
      i16: 'smallint',
      i32: 'int',
      i64: 'bigint',
      u8: 'smallint',
      u16: 'int',
      u32: 'bigint',
      u64: 'decimal(20,0)',
    });
  });

  it('maps decimals on INT32, INT64 and FIXED_LEN_BYTE_ARRAY', async () => {
    expect(
      await typesOf(`SELECT 1.5::DECIMAL(4,1) d4, 1.5::DECIMAL(9,2) d9, 1.5::DECIMAL(15,2) d15, 1.5::DECIMAL(18,0) d18,
        1.5::DECIMAL(19,3) d19, 1.5::DECIMAL(38,10) d38`),
    ).toEqual({
      d4: 'decimal(4,1)',
      d9: 'decimal(9,2)',
      d15: 'decimal(15,2)',
      d18: 'decimal(18,0)',
      d19: 'decimal(19,3)',
      d38: 'decimal(38,10)',
    });
  });

  it('maps floats, booleans, dates, timestamps, strings and binary', async () => {
    expect(
      await typesOf(`SELECT 1::FLOAT f, 1::DOUBLE d, true b, DATE '2024-01-01' dt,
        TIMESTAMP '2024-01-01 10:00:00' ts, TIMESTAMPTZ '2024-01-01 10:00:00+00' tstz,
        TIMESTAMP_MS '2024-01-01 10:00:00' ts_ms, TIMESTAMP_NS '2024-01-01 10:00:00' ts_ns, TIMESTAMP_S '2024-01-01 10:00:00' ts_s,
        'x' s, 'a'::ENUM('a', 'b') e, '{"a":1}'::JSON j, '\\x00'::BLOB bin`),
    ).toEqual({
      f: 'float',
      d: 'double',
      b: 'boolean',
      dt: 'date',
      ts: 'timestamp_ntz',
      tstz: 'timestamp',
      ts_ms: 'timestamp_ntz',
      ts_ns: 'timestamp_ntz',
      ts_s: 'timestamp_ntz',
      s: 'string',
      e: 'string',
      j: 'string',
      bin: 'binary',
    });
  });

  it('maps lists, structs and maps, with element and value nullability', async () => {
    const columns = await columnsOf(`SELECT [1, 2] l, [['a']] ll, {'x': 1, 'y': 'z'} st, MAP {'k': 1} m, [{'a': [1]}] nested`);
    expect(Object.fromEntries(columns.map((c) => [c.name, typeToString(c.type)]))).toEqual({
      l: 'array<int>',
      ll: 'array<array<string>>',
      st: 'struct<x:int,y:string>',
      m: 'map<string,int>',
      nested: 'array<struct<a:array<int>>>',
    });
    expect(columns[0]).toEqual({ name: 'l', type: { kind: 'array', element: { kind: 'int' }, containsNull: true }, nullable: true });
    expect(columns[3]?.type).toEqual({ kind: 'map', key: { kind: 'string' }, value: { kind: 'int' }, valueContainsNull: true });
  });

  it('maps a column of NULLs to its declared type', async () => {
    expect(await typesOf('SELECT NULL::INT n, NULL::VARCHAR s')).toEqual({ n: 'int', s: 'string' });
  });

  it('lists leaves in column-chunk order with their own types', async () => {
    const file = await fx.writeParquet('leaves.parquet', `SELECT 1 a, [1.5::DOUBLE] l, {'x': 'y'} s, MAP {1: DATE '2024-01-01'} m`);
    const footer = readParquetFooter(file);
    const { leaves } = mapParquetSchema(footer.schema, file);
    expect(leaves.map((l) => [l.path.join('.'), typeToString(l.type)])).toEqual([
      ['a', 'int'],
      ['l.list.element', 'double'],
      ['s.x', 'string'],
      ['m.key_value.key', 'int'],
      ['m.key_value.value', 'date'],
    ]);
    expect(leaves.map((l) => l.path)).toEqual(footer.metadata.row_groups[0]?.columns.map((c) => c.meta_data?.path_in_schema));
  });

  it.each([
    ['TIME', `SELECT TIME '10:00' t`, /column `t` has Parquet type INT64 \(TIME\(MICROS\)\)/],
    ['INTERVAL', 'SELECT INTERVAL 1 DAY t', /column `t` has Parquet type FIXED_LEN_BYTE_ARRAY \(INTERVAL\)/],
    ['UUID', 'SELECT uuid() t', /column `t` has Parquet type FIXED_LEN_BYTE_ARRAY \(UUID\)/],
  ])('rejects %s with an error naming the file and column', async (_, select, message) => {
    const file = await fx.writeParquet(`unsupported-${_}.parquet`, select);
    let error: unknown;
    try {
      mapParquetSchema(readParquetFooter(file).schema, file);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(SqlError);
    expect((error as SqlError).code).toBe('CATALOG_UNSUPPORTED_TYPE');
    expect((error as SqlError).message).toMatch(message);
    expect((error as SqlError).message).toContain(file);
  });
});

describe('mapParquetSchema on files written by parquet-wasm', () => {
  it('maps non-nullable Arrow fields to non-nullable columns', () => {
    const listType = new List(new Field('item', new Int32(), false));
    const structType = new Struct([new Field('x', new Int32(), false)]);
    const schema = new Schema([
      new Field('req', new Int32(), false),
      new Field('opt', new Utf8(), true),
      new Field('l', listType, false),
      new Field('s', structType, true),
    ]);
    const table = new Table(schema, {
      req: vectorFromArray([1, 2], new Int32()),
      opt: vectorFromArray(['a', null], new Utf8()),
      l: vectorFromArray([[1, 2], [3]], listType),
      s: vectorFromArray([{ x: 1 }, { x: 2 }], structType),
    });
    const file = fx.writeArrow('arrow.parquet', table);
    expect(mapParquetSchema(readParquetFooter(file).schema, file).columns).toEqual([
      { name: 'req', type: { kind: 'int' }, nullable: false },
      { name: 'opt', type: { kind: 'string' }, nullable: true },
      { name: 'l', type: { kind: 'array', element: { kind: 'int' }, containsNull: false }, nullable: false },
      { name: 's', type: { kind: 'struct', fields: [{ name: 'x', type: { kind: 'int' }, nullable: false }] }, nullable: true },
    ]);
  });
});

// Legacy layouts no current writer produces, built as schema trees.
function leaf(name: string, type: SchemaElement['type'], repetition: SchemaElement['repetition_type'], extra: Partial<SchemaElement> = {}): SchemaElement {
  return { name, type, repetition_type: repetition, ...extra };
}
function tree(element: SchemaElement, children: SchemaTree[] = [], path: string[] = []): SchemaTree {
  return { element, children, count: 1 + children.reduce((n, c) => n + c.count, 0), path };
}
function group(name: string, repetition: SchemaElement['repetition_type'], children: SchemaTree[], extra: Partial<SchemaElement> = {}, path: string[] = [name]): SchemaTree {
  return tree({ name, repetition_type: repetition, num_children: children.length, ...extra }, children, path);
}
function rootOf(...children: SchemaTree[]): SchemaTree {
  return group('schema', 'REQUIRED', children, {}, []);
}

describe('mapParquetSchema on legacy layouts', () => {
  it('reads a two-level list of primitives as non-null elements', () => {
    const root = rootOf(group('l', 'OPTIONAL', [tree(leaf('element', 'INT32', 'REPEATED'), [], ['l', 'element'])], { converted_type: 'LIST' }));
    expect(mapParquetSchema(root, 'f').columns[0]?.type).toEqual({ kind: 'array', element: { kind: 'int' }, containsNull: false });
  });

  it('reads a repeated group named array, or <name>_tuple, as the element itself', () => {
    for (const name of ['array', 'l_tuple']) {
      const repeated = group(name, 'REPEATED', [tree(leaf('x', 'BYTE_ARRAY', 'OPTIONAL', { converted_type: 'UTF8' }), [], ['l', name, 'x'])], {}, ['l', name]);
      const root = rootOf(group('l', 'OPTIONAL', [repeated], { converted_type: 'LIST' }));
      expect(typeToString(mapParquetSchema(root, 'f').columns[0]!.type)).toBe('array<struct<x:string>>');
    }
  });

  it('reads a repeated field outside a LIST as a non-null array', () => {
    const root = rootOf(tree(leaf('r', 'INT64', 'REPEATED'), [], ['r']));
    expect(mapParquetSchema(root, 'f').columns[0]).toEqual({
      name: 'r',
      type: { kind: 'array', element: { kind: 'bigint' }, containsNull: false },
      nullable: false,
    });
  });

  it('reads INT96 as timestamp and legacy TIMESTAMP_MILLIS as a UTC timestamp', () => {
    const root = rootOf(tree(leaf('a', 'INT96', 'OPTIONAL'), [], ['a']), tree(leaf('b', 'INT64', 'REQUIRED', { converted_type: 'TIMESTAMP_MILLIS' }), [], ['b']));
    expect(mapParquetSchema(root, 'f').columns.map((c) => [typeToString(c.type), c.nullable])).toEqual([
      ['timestamp', true],
      ['timestamp', false],
    ]);
  });

  it('reads a decimal on BYTE_ARRAY and rejects precision above 38', () => {
    const ok = rootOf(tree(leaf('d', 'BYTE_ARRAY', 'OPTIONAL', { converted_type: 'DECIMAL', precision: 30, scale: 4 }), [], ['d']));
    expect(typeToString(mapParquetSchema(ok, 'f').columns[0]!.type)).toBe('decimal(30,4)');
    const tooWide = rootOf(tree(leaf('d', 'FIXED_LEN_BYTE_ARRAY', 'OPTIONAL', { converted_type: 'DECIMAL', precision: 40, scale: 0 }), [], ['d']));
    expect(() => mapParquetSchema(tooWide, 'f.parquet')).toThrow(/'f.parquet': column `d` has Parquet type FIXED_LEN_BYTE_ARRAY \(DECIMAL\(40,0\)\) \(precision above 38\)/);
  });

  it('rejects a MAP without values', () => {
    const keyValue = group('key_value', 'REPEATED', [tree(leaf('key', 'INT32', 'REQUIRED'), [], ['m', 'key_value', 'key'])], {}, ['m', 'key_value']);
    const root = rootOf(group('m', 'OPTIONAL', [keyValue], { converted_type: 'MAP' }));
    expect(() => mapParquetSchema(root, 'f')).toThrow(/a MAP without values/);
  });
});
