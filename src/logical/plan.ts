// The logical plan: relational operators as immutable plain data. Every column a node outputs has a unique id.
import type { DataType } from '../types/data-type.js';
import type { ColumnId, Expr, NamedExpr, SortKey } from './expr.js';

/** One output column of a plan node. */
export interface Column {
  readonly id: ColumnId;
  readonly name: string;
  readonly type: DataType;
  readonly nullable: boolean;
}

/** Where a scan reads from: a Parquet file, directory, or Hive-partitioned directory registered in the catalog. */
export interface TableSource {
  readonly format: 'parquet';
  /** The catalog name (or the path for ``parquet.`path` ``). */
  readonly name: string;
  /** Absolute path of the file or directory. */
  readonly location: string;
  /** Names of the Hive partition columns (they are also in `columns` when read). */
  readonly partitionColumns: readonly string[];
}

/** Estimated size of a node's output, filled in by the cost model. */
export interface Statistics {
  readonly rowCount?: number;
  readonly sizeInBytes?: number;
}

/**
 * Reads a table. `columns` are the columns read (all of the table until column pruning narrows them);
 * `filters` are conjuncts pushed into the scan, used to prune partitions and row groups
 * (rows that fail them may still be returned: the Filter above stays unless the rule proves it exact).
 */
export interface Scan {
  readonly kind: 'scan';
  readonly source: TableSource;
  readonly columns: readonly Column[];
  readonly filters: readonly Expr[];
  readonly stats?: Statistics;
}

/**
 * Inline rows: `VALUES (…), (…)`, and `SELECT` without FROM (one row of no columns). Cells are constant
 * expressions (no column references) already cast to the output column's type.
 */
export interface Values {
  readonly kind: 'values';
  readonly output: readonly Column[];
  readonly rows: readonly (readonly Expr[])[];
}

/** `range(start, end, step)`: one bigint column `id`. */
export interface Range {
  readonly kind: 'range';
  readonly output: readonly [Column];
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

export interface Project {
  readonly kind: 'project';
  readonly input: LogicalPlan;
  readonly columns: readonly NamedExpr[];
}

export interface Filter {
  readonly kind: 'filter';
  readonly input: LogicalPlan;
  readonly condition: Expr;
}

/**
 * GROUP BY. Output: the grouping keys then the aggregates, each with its own column id.
 * With no keys it is a global aggregate (one row, even over empty input).
 */
export interface Aggregate {
  readonly kind: 'aggregate';
  readonly input: LogicalPlan;
  readonly groupKeys: readonly NamedExpr[];
  /** Each `expr` is an AggregateExpr. */
  readonly aggregates: readonly NamedExpr[];
}

/**
 * Grouping sets: each input row is emitted once per projection (Spark's Expand). The projections list the
 * values of `output` in order; the last output column is the grouping id (bit i set = key i not grouped).
 */
export interface Expand {
  readonly kind: 'expand';
  readonly input: LogicalPlan;
  readonly projections: readonly (readonly Expr[])[];
  readonly output: readonly Column[];
}

export type JoinType = 'inner' | 'left' | 'right' | 'full' | 'cross' | 'semi' | 'anti';

/**
 * Output: left columns then right columns (right side nullable for left/full joins, left side for
 * right/full); semi and anti joins output the left columns only.
 */
export interface Join {
  readonly kind: 'join';
  readonly joinType: JoinType;
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  /** Absent for a cross join or a join without condition. */
  readonly condition?: Expr;
  /**
   * Anti joins only, from NOT IN: the condition is only equalities of the keys, and a NULL key makes the comparison
   * unknown as SQL says — no left row survives when the right side has a NULL key, and a left row with a NULL key
   * survives only when the right side is empty.
   */
  readonly nullAware?: boolean;
}

export interface Sort {
  readonly kind: 'sort';
  readonly input: LogicalPlan;
  readonly order: readonly SortKey[];
  /** false for SORT BY: each partition is sorted, not the whole result. */
  readonly global: boolean;
}

/** LIMIT and/or OFFSET, both constants. */
export interface Limit {
  readonly kind: 'limit';
  readonly input: LogicalPlan;
  /** Absent for OFFSET without LIMIT. */
  readonly limit?: number;
  readonly offset: number;
}

/** UNION [ALL]; output columns have their own ids (types widened, nullable if any input's is). */
export interface Union {
  readonly kind: 'union';
  readonly inputs: readonly LogicalPlan[];
  readonly all: boolean;
  readonly output: readonly Column[];
}

/** INTERSECT / EXCEPT [ALL]; output is the left input's columns. Inputs have the same column types. */
interface SetOperationBase {
  readonly left: LogicalPlan;
  readonly right: LogicalPlan;
  readonly all: boolean;
}

export interface Intersect extends SetOperationBase {
  readonly kind: 'intersect';
}

export interface Except extends SetOperationBase {
  readonly kind: 'except';
}

/** SELECT DISTINCT over all input columns. */
export interface Distinct {
  readonly kind: 'distinct';
  readonly input: LogicalPlan;
}

/** Window functions over the input; output is the input's columns then one per window function. */
export interface Window {
  readonly kind: 'window';
  readonly input: LogicalPlan;
  /** Each `expr` is a WindowExpr. */
  readonly windows: readonly NamedExpr[];
}

/** Names a subtree (a table alias, a view or CTE name); qualified column names resolve against it. */
export interface SubqueryAlias {
  readonly kind: 'subqueryAlias';
  readonly input: LogicalPlan;
  readonly alias: string;
}

/**
 * DISTRIBUTE BY / CLUSTER BY (hash on `keys`), the REPARTITION hint, and COALESCE (shuffle = false).
 * `partitions` absent: the session's spark.sql.shuffle.partitions.
 */
export interface Repartition {
  readonly kind: 'repartition';
  readonly input: LogicalPlan;
  readonly keys: readonly Expr[];
  readonly partitions?: number;
  readonly shuffle: boolean;
}

export type JoinStrategyHint = 'broadcast' | 'merge' | 'shuffle_hash' | 'shuffle_replicate_nl';

/** A join strategy hint on a relation (`/*+ BROADCAST(t) *\/`); physical planning reads it. */
export interface Hint {
  readonly kind: 'hint';
  readonly input: LogicalPlan;
  readonly strategy: JoinStrategyHint;
}

export type LogicalPlan =
  | Scan
  | Values
  | Range
  | Project
  | Filter
  | Aggregate
  | Expand
  | Join
  | Sort
  | Limit
  | Union
  | Intersect
  | Except
  | Distinct
  | Window
  | SubqueryAlias
  | Repartition
  | Hint;

export type PlanKind = LogicalPlan['kind'];
