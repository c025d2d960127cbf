// An in-memory AnalyzerCatalog for analyzer unit tests: tables described by column types, no files.
import type { AnalyzerCatalog, CatalogEntry, CatalogTable } from '../../src/analyzer/context.js';
import type { Query } from '../../src/ast/ast.js';
import { parseQuery } from '../../src/ast/parse.js';
import { decimal, T } from '../../src/types/data-type.js';
import type { DataType } from '../../src/types/data-type.js';

/** Column type shorthand: `int`, `bigint`, `string`, `date`, `decimal(15,2)`, … with `?` for nullable. */
export type ColumnSpec = string;

export interface FakeTable {
  readonly columns: Readonly<Record<string, ColumnSpec>>;
  readonly partitions?: Readonly<Record<string, ColumnSpec>>;
}

export function fakeCatalog(tables: Readonly<Record<string, FakeTable>>, views: Readonly<Record<string, string>> = {}): AnalyzerCatalog {
  const entries = new Map<string, CatalogEntry>();
  for (const [name, t] of Object.entries(tables)) entries.set(name.toLowerCase(), { kind: 'table', table: fakeTable(name, t) });
  for (const [name, sql] of Object.entries(views)) entries.set(name.toLowerCase(), { kind: 'view', view: { query: parseQuery(sql) as Query } });
  return {
    lookup: (name) => entries.get(name[name.length - 1]!.toLowerCase()),
    fileTable: (path) => fakeTable(path, { columns: { a: 'int', b: 'string' } }),
    names: () => [...entries.keys()],
  };
}

function fakeTable(name: string, t: FakeTable): CatalogTable {
  const cols = (spec: Readonly<Record<string, ColumnSpec>> = {}) =>
    Object.entries(spec).map(([n, s]) => ({ name: n, type: parseSpec(s), nullable: s.endsWith('?') }));
  return { location: `/fake/${name}`, dataColumns: cols(t.columns), partitionColumns: cols(t.partitions) };
}

function parseSpec(spec: string): DataType {
  const s = spec.replace(/\?$/, '');
  const m = /^decimal\((\d+),(\d+)\)$/.exec(s);
  if (m) return decimal(Number(m[1]), Number(m[2]));
  const t = (T as Record<string, DataType>)[s];
  if (!t) throw new Error(`unknown column type ${spec}`);
  return t;
}
