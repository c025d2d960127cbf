// Decides which files and row groups of a table a scan reads: files whose partition values fail the scan's filters,
// and row groups whose statistics prove no row passes them, are skipped.
import type { ParquetFile, ParquetTable } from '../../catalog/parquet-table.js';
import type { RowGroupStatistics } from '../../catalog/statistics.js';
import type { ColumnRef } from '../../logical/expr.js';
import type { ScanExec } from '../../physical/plan.js';
import type { ExecContext } from '../context.js';
import type { JsValue } from '../vector.js';
import { boundOf } from './bound-order.js';
import type { ColumnStats, StatsLookup } from './may-match.js';
import { mayMatch } from './may-match.js';
import { filesPassingPartitionConjuncts } from './partition-filter.js';
import { partitionJsValue } from './partition-values.js';
import { columnResolver } from './table-columns.js';
import type { TableColumn } from './table-columns.js';

/** One file of the table and what of it to read. */
export interface FileRead {
  readonly file: ParquetFile;
  /** The row groups that may hold matching rows, ascending; empty when the whole file is skipped. */
  readonly rowGroups: readonly number[];
  /** The file's partition values as JsValues, aligned with the table's partition columns. */
  readonly partitionValues: readonly JsValue[];
}

/**
 * Every file of `table` in path order, with the row groups `node.filters` leave to read.
 *
 * @example
 * const reads = pruneScan(node, openParquetTable(node.source.location), ctx);
 * reads.filter((r) => r.rowGroups.length > 0).length; // files to open
 */
export function pruneScan(node: ScanExec, table: ParquetTable, ctx: ExecContext): FileRead[] {
  const resolve = columnResolver(table, node.output);
  const partitionValues = table.files.map((file) =>
    table.partitionColumns.map((column, i) => partitionJsValue(file.partitionValues[i] ?? null, column.type, ctx.timeZone)),
  );
  const passing = filesPassingPartitionConjuncts(node.filters, partitionValues, resolve, ctx);
  return table.files.map((file, f) => {
    const values = partitionValues[f]!;
    if (!passing[f]) return { file, rowGroups: [], partitionValues: values };
    const leaves = topLevelLeaves(file);
    const rowGroups: number[] = [];
    file.statistics.rowGroups.forEach((group, g) => {
      const statsOf = rowGroupStats(resolve, group, leaves, values);
      if (node.filters.every((conjunct) => mayMatch(conjunct, statsOf))) rowGroups.push(g);
    });
    return { file, rowGroups, partitionValues: values };
  });
}

/** Column chunk index of each top-level primitive column, by name (nested columns have no min/max of their own). */
function topLevelLeaves(file: ParquetFile): ReadonlyMap<string, number> {
  const leaves = new Map<string, number>();
  file.statistics.rowGroups[0]?.columns.forEach((chunk, i) => {
    if (chunk.path.length === 1) leaves.set(chunk.path[0]!, i);
  });
  return leaves;
}

/** Statistics of a row group's data columns, and the file's partition values as exact one-value statistics. */
function rowGroupStats(
  resolve: (ref: ColumnRef) => TableColumn | undefined,
  group: RowGroupStatistics,
  leaves: ReadonlyMap<string, number>,
  partitionValues: readonly JsValue[],
): StatsLookup {
  return (ref): ColumnStats | undefined => {
    const column = resolve(ref);
    if (!column) return undefined;
    const { type } = column;
    const rowCount = group.rowCount;
    if (column.kind === 'partition') {
      const value = partitionValues[column.index] ?? null;
      if (value === null) return { type, rowCount, nullCount: rowCount };
      const bound = boundOf(value, type);
      return { type, rowCount, min: bound, max: bound, nullCount: 0 };
    }
    const leaf = leaves.get(column.name);
    const chunk = leaf === undefined ? undefined : group.columns[leaf];
    if (!chunk) return undefined;
    return { type, rowCount, min: chunk.min, max: chunk.max, nullCount: chunk.nullCount };
  };
}
