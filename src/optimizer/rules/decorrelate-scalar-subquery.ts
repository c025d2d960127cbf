// decorrelate_scalar_subquery: turns a correlated scalar subquery over a global aggregate, in a Filter or a Project,
// into a left join with that aggregate grouped by the correlated columns (Spark's RewriteCorrelatedScalarSubquery):
// one aggregation over the whole table instead of one per distinct outer row.
//
//   Filter: l_quantity#4 < subquery#1                            Project: [the Filter's input columns]
//     : Project: 0.2 * avg#30 AS v#31                              Filter: l_quantity#4 < v#31
//     :   Aggregate: aggregates=[avg(l_quantity#20) AS avg#30]  →    Join: left, p_partkey#0 = l_partkey#17
//     :     Filter: l_partkey#17 = outer(p_partkey#0)                  … the Filter's input …
//     :       Scan: parquet lineitem […]                               Project: 0.2 * avg#30 AS v#31, l_partkey#17
//     … the Filter's input …                                             Aggregate: groupBy=[l_partkey#17], …
//                                                                          Scan: parquet lineitem […]
//
// Must not fire (the subquery keeps running per outer row):
// - unless the subquery is [SubqueryAlias] [Project] Aggregate without grouping keys, and its correlated conjuncts
//   are all `inner column = expression of outer columns` that pullUpCorrelatedPredicates can take out;
// - when the value over no rows is not NULL (count(*), coalesce(sum(x), 0)…): a row without a match in the join
//   gets NULL, where the subquery would give its value over an empty input (the "count bug");
// - when the subquery reads columns of queries further out, or produces a column id the input also produces.
import type { ColumnId, Expr, ScalarSubqueryExpr } from '../../logical/expr.js';
import type { Aggregate, Join, LogicalPlan, Project } from '../../logical/plan.js';
import { binary, columnRef, conjunction, named } from '../../logical/expr-builders.js';
import { namedToColumn, outputOf } from '../../logical/output.js';
import { exprContains, mapPlanExpressions, planExpressions, transformExprUp, transformUp } from '../../logical/traverse.js';
import { T } from '../../types/data-type.js';
import { asJoinColumns, pullUpCorrelatedPredicates } from '../correlated-predicates.js';
import { containsSubquery, correlatedColumns } from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';
import { disjoint } from './rewrite-predicate-subquery.js';

export const decorrelateScalarSubquery: OptimizerRule = {
  name: 'decorrelate_scalar_subquery',
  rewrite: (plan) => resultOf(plan, transformUp(plan, (p) => (p.kind === 'filter' || p.kind === 'project' ? rewriteHolder(p) : p))),
};

/** Aggregates whose value over no rows is NULL. */
const NULL_ON_EMPTY = new Set([
  'sum', 'avg', 'mean', 'min', 'max', 'first', 'first_value', 'last', 'last_value', 'any_value', 'median', 'percentile',
  'percentile_approx', 'stddev', 'stddev_samp', 'stddev_pop', 'std', 'variance', 'var_samp', 'var_pop', 'bool_and',
  'bool_or', 'every', 'some', 'any', 'max_by', 'min_by',
]);

function rewriteHolder(p: Extract<LogicalPlan, { kind: 'filter' | 'project' }>): LogicalPlan {
  let input = p.input;
  const rewritten = mapPlanExpressions(p, (e) =>
    transformExprUp(e, (x) => {
      if (x.kind !== 'scalarSubquery') return x;
      const joined = joinScalar(x, p.input, input);
      if (!joined) return x;
      input = joined.join;
      return joined.value;
    }),
  );
  if (input === p.input) return p;
  const withJoins = { ...rewritten, input } as LogicalPlan;
  // A Filter now outputs the joined values too; a Project above keeps its output as it was.
  if (p.kind === 'project') return withJoins;
  return { kind: 'project', input: withJoins, columns: outputOf(p).map((c) => named(c.id, c.name, columnRef(c))) } satisfies Project;
}

/**
 * The left join of `joined` (the holder's input with the subqueries joined so far) with the subquery grouped by its
 * correlated columns, and the reference to its value; undefined when the rule must not fire.
 */
function joinScalar(s: ScalarSubqueryExpr, input: LogicalPlan, joined: LogicalPlan): { join: Join; value: Expr } | undefined {
  const outer = correlatedColumns(s.plan);
  if (outer.size === 0) return undefined;
  const inputColumns = new Set(outputOf(input).map((c) => c.id));
  if ([...outer].some((id) => !inputColumns.has(id))) return undefined;
  const shape = aggregateShape(s.plan);
  if (!shape || !nullOnEmpty(shape)) return undefined;
  const { aggregate, project } = shape;
  if (aggregate.aggregates.some((a) => exprContains(a.expr, (x) => x.kind === 'outerColumn'))) return undefined;
  if (project && planExpressions(project).some((e) => containsSubquery(e) || exprContains(e, (x) => x.kind === 'outerColumn'))) return undefined;
  const pulled = pullUpCorrelatedPredicates(aggregate.input, outer);
  if (!pulled || correlatedColumns(pulled.plan).size > 0) return undefined;
  const keys = pulled.predicates.map((e) => keyEquality(e, outer));
  if (keys.some((k) => k === undefined)) return undefined;

  const available = new Map(outputOf(pulled.plan).map((c) => [c.id, c]));
  const groupKeys = new Map<ColumnId, ReturnType<typeof named>>();
  for (const k of keys) {
    const c = available.get(k!.inner);
    if (!c) return undefined;
    // The key keeps the column's id: an Aggregate passing a column through is what Spark does for GROUP BY a column.
    groupKeys.set(c.id, named(c.id, c.name, columnRef(c)));
  }
  const grouped: Aggregate = { ...aggregate, input: pulled.plan, groupKeys: [...groupKeys.values()] };
  const values = project ? project.columns : aggregate.aggregates.map((a) => named(a.id, a.name, columnRef(namedToColumn(a))));
  const keyColumns = [...groupKeys.values()].map((k) => named(k.id, k.name, columnRef(namedToColumn(k))));
  const right: Project = { kind: 'project', input: grouped, columns: [...values, ...keyColumns] };
  if (!disjoint(joined, right)) return undefined;

  const condition = conjunction(keys.map((k) => binary('=', asJoinColumns(k!.outer, outer), columnRef(available.get(k!.inner)!), T.boolean)));
  const join: Join = { kind: 'join', joinType: 'left', left: joined, right, condition };
  const valueId = outputOf(s.plan)[0]!.id;
  const value = outputOf(join).find((c) => c.id === valueId)!;
  return { join, value: columnRef(value) };
}

/** The subquery as [SubqueryAlias…] [Project] Aggregate without grouping keys. */
function aggregateShape(plan: LogicalPlan): { aggregate: Aggregate; project?: Project } | undefined {
  while (plan.kind === 'subqueryAlias') plan = plan.input;
  const project = plan.kind === 'project' ? plan : undefined;
  const below = project ? project.input : plan;
  if (below.kind !== 'aggregate' || below.groupKeys.length > 0) return undefined;
  return project ? { aggregate: below, project } : { aggregate: below };
}

/** Whether the subquery's value is NULL when its aggregate sees no rows, as the unmatched rows of a left join get. */
function nullOnEmpty({ aggregate, project }: { aggregate: Aggregate; project?: Project }): boolean {
  const valueOverNothing = new Map(aggregate.aggregates.map((a) => [a.id, a.expr.kind === 'aggregate' && NULL_ON_EMPTY.has(a.expr.name.toLowerCase())]));
  if (!project) return valueOverNothing.get(aggregate.aggregates[0]!.id) === true;
  return nullWhenInputsAre(project.columns[0]!.expr, valueOverNothing);
}

// Whether `e` is NULL when each column whose entry is true is NULL: operators that propagate NULL, down to those columns.
function nullWhenInputsAre(e: Expr, nullColumns: ReadonlyMap<ColumnId, boolean>): boolean {
  switch (e.kind) {
    case 'column':
      return nullColumns.get(e.id) === true;
    case 'literal':
      return e.value === null;
    case 'cast':
      return nullWhenInputsAre(e.operand, nullColumns);
    case 'unary':
      return nullWhenInputsAre(e.operand, nullColumns);
    case 'binary':
      if (e.op === 'and' || e.op === 'or' || e.op === '<=>') return false;
      return nullWhenInputsAre(e.left, nullColumns) || nullWhenInputsAre(e.right, nullColumns);
    default:
      return false;
  }
}

/** `inner column = f(outer columns)` (either way round), else undefined. */
function keyEquality(e: Expr, outer: ReadonlySet<ColumnId>): { inner: ColumnId; outer: Expr } | undefined {
  if (e.kind !== 'binary' || e.op !== '=') return undefined;
  const outerOnly = (x: Expr): boolean =>
    !containsSubquery(x) &&
    exprContains(x, (y) => y.kind === 'outerColumn') &&
    !exprContains(x, (y) => y.kind === 'column' || (y.kind === 'outerColumn' && !outer.has(y.id)));
  if (e.left.kind === 'column' && outerOnly(e.right)) return { inner: e.left.id, outer: e.right };
  if (e.right.kind === 'column' && outerOnly(e.left)) return { inner: e.right.id, outer: e.left };
  return undefined;
}
