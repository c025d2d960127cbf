// The physical plan: how a query runs. Immutable plain data like the logical plan; each node names the operator
// that runs it (exec/operators/<kind>.ts) and lists its output columns (the same ids as the logical plan's).
import type { Column, JoinType, TableSource } from '../logical/plan.js';
import type { Expr, NamedExpr, SortKey } from '../logical/expr.js';

interface Node {
  readonly output: readonly Column[];
}

/** Reads `output` columns of a Parquet table; `filters` (conjuncts) may prune files and row groups, not rows. */
export interface ScanExec extends Node {
  readonly kind: 'scanExec';
  readonly source: TableSource;
  readonly filters: readonly Expr[];
}

export interface ValuesExec extends Node {
  readonly kind: 'valuesExec';
  readonly rows: readonly (readonly Expr[])[];
}

export interface RangeExec extends Node {
  readonly kind: 'rangeExec';
  readonly start: number;
  readonly end: number;
  readonly step: number;
}

/** Keeps the rows where `condition` is true; `output` may leave out input columns only the condition reads. */
export interface FilterExec extends Node {
  readonly kind: 'filterExec';
  readonly input: PhysicalPlan;
  readonly condition: Expr;
}

export interface ProjectExec extends Node {
  readonly kind: 'projectExec';
  readonly input: PhysicalPlan;
  readonly columns: readonly NamedExpr[];
}

/** GROUP BY (or a global aggregate when `groupKeys` is empty: one row even for no input). Output: keys, then aggregates. */
export interface HashAggregateExec extends Node {
  readonly kind: 'hashAggregateExec';
  readonly input: PhysicalPlan;
  readonly groupKeys: readonly NamedExpr[];
  /** Each `expr` is an AggregateExpr. */
  readonly aggregates: readonly NamedExpr[];
}

export interface ExpandExec extends Node {
  readonly kind: 'expandExec';
  readonly input: PhysicalPlan;
  readonly projections: readonly (readonly Expr[])[];
}

/**
 * An equi-join: rows match when every `leftKeys[i]` equals `rightKeys[i]` (NULL never equals NULL) and `residual`
 * (if any) is true. The `build` side is loaded into a hash table; the other side streams.
 * `nullAware` (anti joins only): NOT IN semantics — a NULL key on either side makes the result empty or unknown as SQL says.
 */
export interface HashJoinExec extends Node {
  readonly kind: 'hashJoinExec';
  readonly joinType: Exclude<JoinType, 'cross'>;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly leftKeys: readonly Expr[];
  readonly rightKeys: readonly Expr[];
  readonly residual?: Expr;
  readonly build: 'left' | 'right';
  readonly nullAware: boolean;
  /** Why this algorithm and build side (principle 10); EXPLAIN prints it. */
  readonly reason?: string;
}

/** Any join by evaluating `condition` on every pair (cross joins have none). */
export interface NestedLoopJoinExec extends Node {
  readonly kind: 'nestedLoopJoinExec';
  readonly joinType: JoinType;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
  readonly condition?: Expr;
  /** Why a nested loop (principle 10); EXPLAIN prints it. */
  readonly reason?: string;
}

/** Sorts all its input (stable). */
export interface SortExec extends Node {
  readonly kind: 'sortExec';
  readonly input: PhysicalPlan;
  readonly order: readonly SortKey[];
}

/** ORDER BY … LIMIT: keeps only the best `offset + limit` rows while reading, then skips `offset`. */
export interface TopNExec extends Node {
  readonly kind: 'topNExec';
  readonly input: PhysicalPlan;
  readonly order: readonly SortKey[];
  readonly limit: number;
  readonly offset: number;
}

export interface LimitExec extends Node {
  readonly kind: 'limitExec';
  readonly input: PhysicalPlan;
  readonly limit?: number;
  readonly offset: number;
}

/** UNION ALL: the inputs' rows one input after the other, as the output columns (inputs have the same types). */
export interface UnionExec extends Node {
  readonly kind: 'unionExec';
  readonly inputs: readonly PhysicalPlan[];
}

/** INTERSECT / EXCEPT, ALL or DISTINCT; NULLs compare equal here, as SQL's set operations say. */
export interface SetOperationExec extends Node {
  readonly kind: 'setOperationExec';
  readonly op: 'intersect' | 'except';
  readonly all: boolean;
  readonly left: PhysicalPlan;
  readonly right: PhysicalPlan;
}

/** Window functions (each `expr` a WindowExpr); output: the input's columns then one per window function. */
export interface WindowExec extends Node {
  readonly kind: 'windowExec';
  readonly input: PhysicalPlan;
  readonly windows: readonly NamedExpr[];
}

/**
 * Runs `input` — a scan with the filters and projections above it — in `workers` worker threads, each reading every
 * `workers`-th row group the scan reads, and yields their batches in row-group order: the rows and their order are
 * those of `input` run alone, while decoding, filtering and computing run in parallel.
 */
export interface GatherExec extends Node {
  readonly kind: 'gatherExec';
  readonly input: PhysicalPlan;
  readonly workers: number;
}

export type PhysicalPlan =
  | GatherExec
  | ScanExec
  | ValuesExec
  | RangeExec
  | FilterExec
  | ProjectExec
  | HashAggregateExec
  | ExpandExec
  | HashJoinExec
  | NestedLoopJoinExec
  | SortExec
  | TopNExec
  | LimitExec
  | UnionExec
  | SetOperationExec
  | WindowExec;

export type PhysicalKind = PhysicalPlan['kind'];
