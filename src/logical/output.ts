// The output columns of each plan node, derived from the node (memoised: plans are immutable).
import type { Column, Join, LogicalPlan, PlanKind } from './plan.js';
import type { NamedExpr } from './expr.js';

const cache = new WeakMap<LogicalPlan, readonly Column[]>();

export function outputOf(plan: LogicalPlan): readonly Column[] {
  let out = cache.get(plan);
  if (!out) {
    out = (outputRules[plan.kind] as (p: LogicalPlan) => readonly Column[])(plan);
    cache.set(plan, out);
  }
  return out;
}

export function namedToColumn(n: NamedExpr): Column {
  return { id: n.id, name: n.name, type: n.expr.type, nullable: n.expr.nullable };
}

function joinOutput(p: Join): readonly Column[] {
  const left = outputOf(p.left);
  const right = outputOf(p.right);
  switch (p.joinType) {
    case 'semi':
    case 'anti':
      return left;
    case 'inner':
    case 'cross':
      return [...left, ...right];
    case 'left':
      return [...left, ...right.map(asNullable)];
    case 'right':
      return [...left.map(asNullable), ...right];
    case 'full':
      return [...left.map(asNullable), ...right.map(asNullable)];
  }
}

export function asNullable(c: Column): Column {
  return c.nullable ? c : { ...c, nullable: true };
}

type OutputRules = { [K in PlanKind]: (p: Extract<LogicalPlan, { kind: K }>) => readonly Column[] };

const outputRules: OutputRules = {
  scan: (p) => p.columns,
  values: (p) => p.output,
  range: (p) => p.output,
  project: (p) => p.columns.map(namedToColumn),
  filter: (p) => outputOf(p.input),
  aggregate: (p) => [...p.groupKeys.map(namedToColumn), ...p.aggregates.map(namedToColumn)],
  expand: (p) => p.output,
  join: joinOutput,
  sort: (p) => outputOf(p.input),
  limit: (p) => outputOf(p.input),
  union: (p) => p.output,
  intersect: (p) => outputOf(p.left),
  except: (p) => outputOf(p.left),
  distinct: (p) => outputOf(p.input),
  window: (p) => [...outputOf(p.input), ...p.windows.map(namedToColumn)],
  subqueryAlias: (p) => outputOf(p.input),
  repartition: (p) => outputOf(p.input),
  hint: (p) => outputOf(p.input),
};
