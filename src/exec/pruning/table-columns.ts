// Which column of a Parquet table a scan's column or a filter's column reference stands for: a data column read from
// the files, or a Hive partition column whose value comes from the file's directory.
import type { ColumnRef } from '../../logical/expr.js';
import type { Column } from '../../logical/plan.js';
import type { ParquetTable } from '../../catalog/parquet-table.js';
import type { DataType } from '../../types/data-type.js';
import { typeToString } from '../../types/data-type.js';

export type TableColumn =
  | { readonly kind: 'data'; readonly name: string; readonly type: DataType }
  | { readonly kind: 'partition'; readonly index: number; readonly name: string; readonly type: DataType };

/**
 * The table column named `name`: an exact match first, else one equal ignoring case (Spark resolves names
 * case-insensitively, and the catalog guarantees such names are unique). Undefined when there is none.
 *
 * @example
 * tableColumn(openParquetTable('data/events'), 'DAY'); // { kind: 'partition', index: 0, name: 'day', type: T.date }
 */
export function tableColumn(table: ParquetTable, name: string): TableColumn | undefined {
  const find = (same: (a: string) => boolean): TableColumn | undefined => {
    const p = table.partitionColumns.findIndex((c) => same(c.name));
    if (p >= 0) return { kind: 'partition', index: p, name: table.partitionColumns[p]!.name, type: table.partitionColumns[p]!.type };
    const d = table.dataColumns.find((c) => same(c.name));
    return d && { kind: 'data', name: d.name, type: d.type };
  };
  const lower = name.toLowerCase();
  return find((a) => a === name) ?? find((a) => a.toLowerCase() === lower);
}

/**
 * Resolves a filter's column references against a scan: by id among the scan's output columns (their names are the
 * table's), else by the reference's own name (a filter may use a column the scan does not output). Undefined when
 * the column is not the table's or its type differs from the table's (nothing is then assumed about its values).
 *
 * @example
 * columnResolver(table, node.output)(columnRef(dayColumn)); // { kind: 'partition', index: 0, name: 'day', type: T.date }
 */
export function columnResolver(table: ParquetTable, output: readonly Column[]): (ref: ColumnRef) => TableColumn | undefined {
  const byId = new Map(output.map((c) => [c.id, c.name]));
  return (ref) => {
    const column = tableColumn(table, byId.get(ref.id) ?? ref.name);
    return column && typeToString(column.type) === typeToString(ref.type) ? column : undefined;
  };
}
