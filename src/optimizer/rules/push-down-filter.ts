// push_down_filter: moves each conjunct of a Filter down the plan as far as it keeps its meaning — through
// row-preserving nodes, into Union inputs, below Aggregate and Window when it reads only their keys, into join
// conditions and below joins (Spark's PushPredicateThroughJoin), with a copy into the Scan to prune row groups —
// and moves the one-sided conjuncts of a join's own condition below the join.
//
//   Filter: (a#0 = x#5) AND (b#1 > 3) AND (y#6 = 'k')          Join: inner, a#0 = x#5
//     Join: inner                                          →    Filter: b#1 > 3
//       Scan: parquet t [a#0, b#1]                               Scan: parquet t [a#0, b#1] filters=[b#1 > 3]
//       Scan: parquet u [x#5, y#6]                             Filter: y#6 = 'k'
//                                                                Scan: parquet u [x#5, y#6] filters=[y#6 = 'k']
//
// Must not fire (the conjunct stays where it is):
// - a non-deterministic conjunct past anything but SubqueryAlias, Hint and Project, nor a Filter below a
//   non-deterministic Project or Filter: how often rand() or uuid() runs, and on which rows, would change;
// - a conjunct holding a correlated subquery past a Join, Aggregate, Distinct, Window or Union: the result would not
//   change, but the subquery would run once per distinct outer row for rows the join or grouping would have removed;
// - a conjunct holding any subquery into a join condition or a Scan, where nothing could run it;
// - past the side of an outer join whose rows the join preserves (Spark's table, below), nor past a full join;
// - past an Aggregate without grouping keys, or a conjunct that reads an aggregate result or no grouping key at all;
// - past a Window unless it reads only columns every window function partitions by;
// - past Limit, Expand, Intersect and Except, which are not handled.
// The Filter above a Scan stays: scan filters only prune files and row groups.
import type { ColumnId, Expr, NamedExpr } from '../../logical/expr.js';
import type { Aggregate, Filter, Join, LogicalPlan, Project, Scan, Union, Window } from '../../logical/plan.js';
import { columnRef, conjunction, conjuncts } from '../../logical/expr-builders.js';
import { outputOf } from '../../logical/output.js';
import { planChildren, planExpressions, subqueryPlans, transformDown, visitExpr, withPlanChildren } from '../../logical/traverse.js';
import {
  containsCorrelatedSubquery,
  containsSubquery,
  isDeterministic,
  outerReferences,
  referencedColumns,
  replaceColumns,
  sameExpr,
} from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const pushDownFilter: OptimizerRule = {
  name: 'push_down_filter',
  rewrite: (plan) => resultOf(plan, transformDown(plan, pushOneLevel)),
};

// transformDown visits what this returns and its children, so a conjunct moved one level down moves on from there.
function pushOneLevel(p: LogicalPlan): LogicalPlan {
  if (p.kind === 'filter') return pushFilter(p);
  if (p.kind === 'join') return pushJoinCondition(p);
  return p;
}

function pushFilter(f: Filter): LogicalPlan {
  const child = f.input;
  const parts = conjuncts(f.condition);
  switch (child.kind) {
    case 'filter':
      // Combined, the two filters push as one (Spark's CombineFilters); the lower one runs first when it is not deterministic.
      if (!isDeterministic(child.condition)) return f;
      return pushFilter({ ...f, input: child.input, condition: conjunction([...conjuncts(child.condition), ...parts]) });
    case 'scan':
      return copyIntoScan(f, child, parts);
    case 'project':
      return pushThroughProject(f, child, parts);
    case 'subqueryAlias':
    case 'hint':
      return pushThrough(f, child, parts, () => true);
    case 'sort':
    case 'repartition':
      // Spark's canPushThrough: not past nodes with non-deterministic expressions of their own.
      if (!planExpressions(child).every(isDeterministic)) return f;
      return pushThrough(f, child, parts, isDeterministic);
    case 'distinct':
      return pushThrough(f, child, parts, isMovable);
    case 'aggregate':
      return pushThroughAggregate(f, child, parts);
    case 'window':
      return pushThroughWindow(f, child, parts);
    case 'union':
      return pushIntoUnion(f, child, parts);
    case 'join':
      return pushIntoJoin(f, child, parts);
    case 'values':
    case 'range':
    case 'limit':
    case 'expand':
    case 'intersect':
    case 'except':
      return f;
  }
}

/** Deterministic and without correlated subqueries (an uncorrelated one runs once anyway): free to move below joins and grouping. */
function isMovable(e: Expr): boolean {
  return isDeterministic(e) && !containsCorrelatedSubquery(e);
}

/** Evaluable by a join on each pair of rows or by a scan on row-group statistics: movable and without any subquery. */
function isPlain(e: Expr): boolean {
  return isMovable(e) && !containsSubquery(e);
}

/** Moves the conjuncts `accept` takes below the unary `child` (whose output is its input's columns). */
function pushThrough(f: Filter, child: LogicalPlan, parts: readonly Expr[], accept: (e: Expr) => boolean): LogicalPlan {
  const down = parts.filter(accept);
  if (down.length === 0) return f;
  const moved = withPlanChildren(child, [filterOver(planChildren(child)[0]!, down)]);
  return filterOver(moved, without(parts, down));
}

function copyIntoScan(f: Filter, scan: Scan, parts: readonly Expr[]): LogicalPlan {
  // Outer references are constants while a correlated subquery runs, so they may prune too.
  const added = parts.filter((c) => isPlain(c) && !scan.filters.some((s) => sameExpr(s, c)));
  if (added.length === 0) return f;
  return { ...f, input: { ...scan, filters: [...scan.filters, ...added] } };
}

/** Rewrites the conjuncts in terms of the Project's input, replacing each alias by its expression. */
function pushThroughProject(f: Filter, project: Project, parts: readonly Expr[]): LogicalPlan {
  if (!project.columns.every((c) => isDeterministic(c.expr))) return f;
  const aliases = new Map<ColumnId, Expr>();
  for (const c of project.columns) if (!(c.expr.kind === 'column' && c.expr.id === c.id)) aliases.set(c.id, c.expr);
  const canRewrite = (e: Expr): boolean =>
    // Copying an aliased subquery would run it twice; an outer reference inside a subquery can name a column, not an expression.
    [...directReferences(e)].every((id) => !(aliases.has(id) && containsSubquery(aliases.get(id)!))) &&
    subqueryPlans(e).every((plan) => [...outerReferences(plan)].every((id) => !aliases.has(id)));
  const down = parts.filter(canRewrite);
  if (down.length === 0) return f;
  const moved: Project = { ...project, input: filterOver(project.input, down.map((c) => replaceColumns(c, aliases))) };
  return filterOver(moved, without(parts, down));
}

function pushThroughAggregate(f: Filter, agg: Aggregate, parts: readonly Expr[]): LogicalPlan {
  if (agg.groupKeys.length === 0 || !planExpressions(agg).every(isDeterministic)) return f;
  const keys = new Map(agg.groupKeys.map((k) => [k.id, k.expr]));
  const readsOnlyKeys = (e: Expr): boolean => {
    const refs = referencedColumns(e);
    return refs.size > 0 && [...refs].every((id) => keys.has(id));
  };
  const down = parts.filter((c) => isMovable(c) && readsOnlyKeys(c));
  if (down.length === 0) return f;
  const moved: Aggregate = { ...agg, input: filterOver(agg.input, down.map((c) => replaceColumns(c, keys))) };
  return filterOver(moved, without(parts, down));
}

function pushThroughWindow(f: Filter, w: Window, parts: readonly Expr[]): LogicalPlan {
  if (!planExpressions(w).every(isDeterministic)) return f;
  // Rows of other partitions never affect a window function, so removing whole partitions first is safe.
  const partitionColumns = (n: NamedExpr): ColumnId[] =>
    n.expr.kind === 'window' ? n.expr.partitionBy.flatMap((e) => (e.kind === 'column' ? [e.id] : [])) : [];
  const everyWindowPartitionsBy = (id: ColumnId) => w.windows.every((n) => partitionColumns(n).includes(id));
  return pushThrough(f, w, parts, (c) => {
    const refs = referencedColumns(c);
    return isMovable(c) && refs.size > 0 && [...refs].every(everyWindowPartitionsBy);
  });
}

function pushIntoUnion(f: Filter, union: Union, parts: readonly Expr[]): LogicalPlan {
  const down = parts.filter(isMovable);
  if (down.length === 0) return f;
  const inputs = union.inputs.map((input) => {
    const columns = outputOf(input);
    const byPosition = new Map(union.output.map((c, i) => [c.id, columnRef(columns[i]!)] as const));
    return filterOver(input, down.map((c) => replaceColumns(c, byPosition)));
  });
  return filterOver({ ...union, inputs }, without(parts, down));
}

// ───────────────────────────── joins: Spark's PushPredicateThroughJoin ─────────────────────────────

/** A filter's or join condition's conjuncts by the side of the join they read (those that may not move are `common`). */
interface Sides {
  readonly left: Expr[];
  readonly right: Expr[];
  readonly common: Expr[];
}

function splitBySide(parts: readonly Expr[], join: Join): Sides {
  const leftIds = new Set(outputOf(join.left).map((c) => c.id));
  const rightIds = new Set(outputOf(join.right).map((c) => c.id));
  const sides: Sides = { left: [], right: [], common: [] };
  for (const c of parts) {
    // Ids of neither side are outer references: constants here.
    const refs = [...referencedColumns(c)].filter((id) => leftIds.has(id) || rightIds.has(id));
    if (!isMovable(c)) sides.common.push(c);
    else if (refs.every((id) => leftIds.has(id))) sides.left.push(c);
    else if (refs.every((id) => rightIds.has(id))) sides.right.push(c);
    else sides.common.push(c);
  }
  return sides;
}

/**
 * A Filter above a join. Inner: each side's conjuncts go below it, the movable conjuncts over both sides into its
 * condition. Outer and existence joins: only the conjuncts of the side whose rows are not padded with NULLs go
 * below (a left join's left side, a right join's right side); the rest stay above. Full joins: nothing moves.
 */
function pushIntoJoin(f: Filter, join: Join, parts: readonly Expr[]): LogicalPlan {
  const { left, right, common } = splitBySide(parts, join);
  switch (join.joinType) {
    case 'inner':
    case 'cross': {
      const intoCondition = common.filter(isPlain);
      if (left.length === 0 && right.length === 0 && intoCondition.length === 0) return f;
      const condition = [...(join.condition ? [join.condition] : []), ...intoCondition];
      const moved: Join = {
        ...join,
        // A cross join with a condition is an inner join.
        joinType: condition.length ? 'inner' : join.joinType,
        left: filterOver(join.left, left),
        right: filterOver(join.right, right),
        ...(condition.length ? { condition: conjunction(condition) } : {}),
      };
      return filterOver(moved, common.filter((c) => !intoCondition.includes(c)));
    }
    case 'left':
    case 'semi':
    case 'anti':
      if (left.length === 0) return f;
      return filterOver({ ...join, left: filterOver(join.left, left) }, without(parts, left));
    case 'right':
      if (right.length === 0) return f;
      return filterOver({ ...join, right: filterOver(join.right, right) }, without(parts, right));
    case 'full':
      return f;
  }
}

/**
 * A join's own condition. Inner and semi joins: one-sided conjuncts filter that side first. Outer and anti joins:
 * only conjuncts over the side whose unmatched rows are dropped go below (a left join's right side); a conjunct over
 * the preserved side decides which rows match, not which rows appear, so it stays in the condition.
 */
function pushJoinCondition(join: Join): LogicalPlan {
  if (!join.condition) return join;
  const parts = conjuncts(join.condition);
  const { left, right } = splitBySide(parts, join);
  // Whether each side's conjuncts may go below it: not for a side whose unmatched rows the join outputs anyway.
  const [leftMayMove, rightMayMove] = {
    inner: [true, true],
    cross: [true, true],
    semi: [true, true],
    left: [false, true],
    anti: [false, true],
    right: [true, false],
    full: [false, false],
  }[join.joinType];
  const [toLeft, toRight] = [leftMayMove ? left : [], rightMayMove ? right : []];
  if (toLeft.length === 0 && toRight.length === 0) return join;
  const { condition: _, ...rest } = join;
  const remaining = without(parts, [...toLeft, ...toRight]);
  return {
    ...rest,
    left: filterOver(join.left, toLeft),
    right: filterOver(join.right, toRight),
    ...(remaining.length ? { condition: conjunction(remaining) } : {}),
  };
}

// ───────────────────────────── helpers ─────────────────────────────

/** `parts` but `removed`, in their order. */
function without(parts: readonly Expr[], removed: readonly Expr[]): Expr[] {
  return parts.filter((c) => !removed.includes(c));
}

function filterOver(input: LogicalPlan, parts: readonly Expr[]): LogicalPlan {
  return parts.length ? { kind: 'filter', input, condition: conjunction(parts) } : input;
}

/** Ids of the column references of `e` itself (not the outer references inside its subqueries). */
function directReferences(e: Expr): Set<ColumnId> {
  const ids = new Set<ColumnId>();
  visitExpr(e, (x) => {
    if (x.kind === 'column') ids.add(x.id);
  });
  return ids;
}
