// prune_columns: every node keeps only the columns something above it reads — scans read fewer columns, Project,
// Aggregate and Window drop outputs no one uses, and an EXISTS subquery returns one column, since only its rows count.
//
//   Project: a#0                               Project: a#0
//     Filter: b#1 > 3                    →       Filter: b#1 > 3
//       Scan: parquet t [a#0, b#1, c#2]            Scan: parquet t [a#0, b#1]
//
// Must not fire on:
// - the plan's own output (the query's columns, a subquery's result);
// - an Aggregate's grouping keys (they decide the groups, read or not);
// - the inputs of Distinct, Union, Intersect, Except and Expand, whose results depend on every input column;
// - the last column of a node: it keeps one, so that batches still carry their row count in a column;
// - columns the outer references of a correlated subquery read (they count as read by the node holding it).
import type { ColumnId, ExistsExpr } from '../../logical/expr.js';
import type { LogicalPlan } from '../../logical/plan.js';
import { outputOf } from '../../logical/output.js';
import { mapPlanExpressions, planChildren, planExpressions, transformExprUp, withPlanChildren } from '../../logical/traverse.js';
import { referencedColumns } from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const pruneColumns: OptimizerRule = {
  name: 'prune_columns',
  rewrite: (plan) => resultOf(plan, prune(plan, idsOf(outputOf(plan)))),
};

/**
 * `plan` reduced to what producing the `required` columns of its output needs. Hand-written recursion rather than
 * transformDown: each child gets its own set of required columns, computed from its parent's.
 */
function prune(plan: LogicalPlan, required: ReadonlySet<ColumnId>): LogicalPlan {
  const p = mapPlanExpressions(plan, (e) => transformExprUp(e, (x) => (x.kind === 'exists' ? withOneColumn(x) : x)));
  switch (p.kind) {
    case 'scan': {
      const filtered = union(required, ...p.filters.map(referencedColumns));
      const columns = keepSome(p.columns, (c) => filtered.has(c.id));
      return columns === p.columns ? p : { ...p, columns };
    }
    case 'values':
    case 'range':
      return p;
    case 'project': {
      const columns = keepSome(p.columns, (c) => required.has(c.id));
      const input = prune(p.input, union(...columns.map((c) => referencedColumns(c.expr))));
      return columns === p.columns && input === p.input ? p : { ...p, columns, input };
    }
    case 'aggregate': {
      // A global aggregate's output is its aggregates, so it keeps at least one.
      const aggregates = (p.groupKeys.length ? keepOnly : keepSome)(p.aggregates, (a) => required.has(a.id));
      const input = prune(p.input, union(...[...p.groupKeys, ...aggregates].map((n) => referencedColumns(n.expr))));
      return aggregates === p.aggregates && input === p.input ? p : { ...p, aggregates, input };
    }
    case 'window': {
      const windows = keepOnly(p.windows, (w) => required.has(w.id));
      if (windows.length === 0) return prune(p.input, required);
      const input = prune(p.input, union(required, ...windows.map((w) => referencedColumns(w.expr))));
      return windows === p.windows && input === p.input ? p : { ...p, windows, input };
    }
    case 'filter':
    case 'join':
    case 'sort':
    case 'repartition':
    case 'limit':
    case 'subqueryAlias':
    case 'hint': {
      // Each child keeps what is required of the node plus what the node's own expressions read; ids of the other side are ignored.
      const childRequired = union(required, ...planExpressions(p).map(referencedColumns));
      return withPlanChildren(
        p,
        planChildren(p).map((c) => prune(c, childRequired)),
      );
    }
    case 'expand':
    case 'distinct':
    case 'union':
    case 'intersect':
    case 'except':
      return withPlanChildren(
        p,
        planChildren(p).map((c) => prune(c, idsOf(outputOf(c)))),
      );
  }
}

/** An EXISTS subquery whose plan ends in a Project returns only its first column. */
function withOneColumn(e: ExistsExpr): ExistsExpr {
  const plan = e.plan;
  if (plan.kind !== 'project' || plan.columns.length <= 1) return e;
  return { ...e, plan: { ...plan, columns: plan.columns.slice(0, 1) } };
}

/** The items `keep` accepts; the list itself when that is all of them, so an unchanged node keeps its identity. */
function keepOnly<T>(items: readonly T[], keep: (x: T) => boolean): readonly T[] {
  const kept = items.filter(keep);
  return kept.length === items.length ? items : kept;
}

/** Like keepOnly, but the first item stays when `keep` accepts none (a lone item stays as it is, so reruns change nothing). */
function keepSome<T>(items: readonly T[], keep: (x: T) => boolean): readonly T[] {
  const kept = keepOnly(items, keep);
  if (kept.length > 0) return kept;
  return items.length <= 1 ? items : items.slice(0, 1);
}

function idsOf(columns: readonly { readonly id: ColumnId }[]): Set<ColumnId> {
  return new Set(columns.map((c) => c.id));
}

function union(...sets: readonly ReadonlySet<ColumnId>[]): Set<ColumnId> {
  const out = new Set<ColumnId>();
  for (const s of sets) for (const id of s) out.add(id);
  return out;
}
