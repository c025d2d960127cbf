// What every operator and compiled expression receives while a query runs.
import type { ColumnId } from '../logical/expr.js';
import type { LogicalPlan } from '../logical/plan.js';
import type { PhysicalPlan } from '../physical/plan.js';
import type { Batch, JsValue } from './vector.js';

/** Counters one operator keeps (EXPLAIN ANALYZE prints them). */
export interface OperatorMetrics {
  rows: number;
  batches: number;
  /** Time spent producing this operator's batches, its children's time included, in ms (subtract theirs for its own). */
  timeMs: number;
  /** Scans: files and row groups read and skipped, bytes read. */
  filesRead?: number;
  filesSkipped?: number;
  rowGroupsRead?: number;
  rowGroupsSkipped?: number;
  bytesRead?: number;
}

export interface ExecContext {
  /** spark.sql.session.timeZone, for casts and functions between timestamps and strings/dates. */
  readonly timeZone: string;
  /** Rows per batch that operators producing new batches aim for. */
  readonly batchSize: number;
  /** While a correlated subquery runs: the values of the outer query's columns it references. */
  readonly outer: ReadonlyMap<ColumnId, JsValue>;
  /** Plans and runs a subquery's logical plan with outer column values bound; all its rows in one batch. */
  readonly runSubquery: (plan: LogicalPlan, outer: ReadonlyMap<ColumnId, JsValue>) => Promise<Batch>;
  /**
   * In a worker running part of a parallel scan (GatherExec): the one unit — row group, numbered after pruning in the
   * order a scan reads them — that the scan reads. Absent: scans read all their row groups.
   */
  readonly scanUnit?: number;
  /** The metrics of a node of the running plan (created on first use). */
  readonly metricsOf: (node: PhysicalPlan) => OperatorMetrics;
}
