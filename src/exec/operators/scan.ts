// ScanExec: reads a Parquet table's output columns a row group at a time, after pruning files and row groups, and
// adds Hive partition columns as constants per file.
import { openParquetTable } from '../../catalog/parquet-table.js';
import type { ParquetTable } from '../../catalog/parquet-table.js';
import { SqlError, fail } from '../../common/errors.js';
import type { Column } from '../../logical/plan.js';
import type { DataType } from '../../types/data-type.js';
import { openParquetReader } from '../../io/parquet-reader.js';
import { createScanMetrics } from '../../io/scan-metrics.js';
import type { ScanMetrics } from '../../io/scan-metrics.js';
import type { ScanExec } from '../../physical/plan.js';
import type { OperatorMetrics } from '../context.js';
import type { Operator } from '../operator.js';
import { batchFromArrow } from '../arrow/from-arrow.js';
import type { FileRead } from '../pruning/prune-scan.js';
import { pruneScan } from '../pruning/prune-scan.js';
import { onlyUnit } from '../pruning/scan-units.js';
import { partitionVector } from '../pruning/partition-values.js';
import { tableColumn } from '../pruning/table-columns.js';
import type { TableColumn } from '../pruning/table-columns.js';
import type { Batch, Vector } from '../vector.js';

/** An output column: the table column it reads and the SQL type the plan gives it. */
interface ScanColumn {
  readonly source: TableColumn;
  readonly type: DataType;
}

/**
 * Metrics: `filesRead` + `filesSkipped` is the table's file count and `rowGroupsRead` + `rowGroupsSkipped` its row
 * group count (a skipped file's row groups count as skipped); `bytesRead` is the compressed size of the column chunks
 * read. They grow as batches are produced, so a scan stopped early (LIMIT) reports what it did read, and a scan run
 * several times (inside a correlated subquery) adds up its runs.
 */
export const scan: Operator<'scanExec'> = async function* (node, ctx) {
  const table = openParquetTable(node.source.location);
  const columns = node.output.map((column): ScanColumn => ({ source: tableColumnOf(table, column, node), type: column.type }));
  // Data columns in output order, each read once even if output twice; partition columns come from the path.
  const dataNames = [...new Set(columns.flatMap((c) => (c.source.kind === 'data' ? [c.source.name] : [])))];
  const dataTypes = dataNames.map((name) => ({ name, type: columns.find((c) => c.source.name === name)!.type }));

  const pruned = pruneScan(node, table, ctx);
  const reads = ctx.scanUnit === undefined ? pruned : onlyUnit(pruned, ctx.scanUnit);
  const counters = scanCounters(ctx.metricsOf(node), reads);
  for (const r of reads) {
    if (r.rowGroups.length === 0) continue;
    const reader = openParquetReader(r.file.path);
    for await (const arrow of reader.scan({ columns: dataNames, rowGroups: r.rowGroups, batchSize: ctx.batchSize, metrics: counters.read })) {
      counters.report();
      const data = convert(r, () => batchFromArrow(arrow, dataTypes));
      yield assemble(data, columns, dataNames, r);
    }
    counters.report();
  }
};

/** The table column an output column reads; the table may have changed since planning, which is an error. */
function tableColumnOf(table: ParquetTable, column: Column, node: ScanExec): TableColumn {
  const found = tableColumn(table, column.name);
  if (!found) fail('EXEC_SCHEMA_CHANGED', `table ${node.source.name} ('${node.source.location}') no longer has a column \`${column.name}\``);
  return found;
}

/** Converts with the file named in errors: a type the plan expects but the file does not hold is the file's fault. */
function convert(r: FileRead, run: () => Batch): Batch {
  try {
    return run();
  } catch (e) {
    if (e instanceof SqlError) fail(e.code, `'${r.file.path}': ${e.message}`);
    throw e;
  }
}

function assemble(data: Batch, columns: readonly ScanColumn[], dataNames: readonly string[], r: FileRead): Batch {
  const vectors = columns.map(({ source, type }): Vector => {
    if (source.kind === 'data') return data.columns[dataNames.indexOf(source.name)]!;
    return partitionVector(type, r.partitionValues[source.index] ?? null, data.length);
  });
  return { length: data.length, columns: vectors };
}

/** The reader's counters for this run, and `report` to add them and the pruned files to the operator's metrics. */
function scanCounters(metrics: OperatorMetrics, reads: readonly FileRead[]): { read: ScanMetrics; report: () => void } {
  const pruned = reads.filter((r) => r.rowGroups.length === 0);
  const prunedRowGroups = pruned.reduce((n, r) => n + r.file.statistics.rowGroups.length, 0);
  const before = {
    filesRead: metrics.filesRead ?? 0,
    filesSkipped: metrics.filesSkipped ?? 0,
    rowGroupsRead: metrics.rowGroupsRead ?? 0,
    rowGroupsSkipped: metrics.rowGroupsSkipped ?? 0,
    bytesRead: metrics.bytesRead ?? 0,
  };
  const read = createScanMetrics();
  const report = () => {
    metrics.filesRead = before.filesRead + read.filesRead;
    metrics.filesSkipped = before.filesSkipped + pruned.length;
    metrics.rowGroupsRead = before.rowGroupsRead + read.rowGroupsRead;
    metrics.rowGroupsSkipped = before.rowGroupsSkipped + read.rowGroupsSkipped + prunedRowGroups;
    metrics.bytesRead = before.bytesRead + read.bytesRead;
  };
  report();
  return { read, report };
}
