// Takes the correlated conjuncts out of a subquery plan (Spark's PullupCorrelatedPredicates), so that the
// decorrelation rules can turn the subquery into a join whose condition they become.
import type { ColumnId, Expr, NamedExpr } from '../logical/expr.js';
import type { LogicalPlan } from '../logical/plan.js';
import { columnRef, conjunction, conjuncts, named } from '../logical/expr-builders.js';
import { outputOf } from '../logical/output.js';
import { subqueryPlans, transformExprUp, visitExpr } from '../logical/traverse.js';
import { containsSubquery, isDeterministic, outerReferences } from './expr-facts.js';

export interface PulledUp {
  /** The subquery plan without its correlated conjuncts; its output is the original output, then the columns `predicates` read. */
  readonly plan: LogicalPlan;
  /** The correlated conjuncts, still holding their outer references. */
  readonly predicates: readonly Expr[];
}

/**
 * Removes from `plan` every conjunct that reads one of the `outer` columns, when all of them stand in Filters (or
 * Scan filters, which only prune) that reach the top through nodes keeping the rows a conjunct would remove: Project,
 * SubqueryAlias, Hint, Filter, inner and cross joins, and the preserved (left) side of left, semi and anti joins.
 * Projects on the way pass the columns the conjuncts read. Undefined when an outer column is read anywhere else (a
 * projection, a grouping, an outer join's other side, below a Limit…), or by a conjunct that is not deterministic or
 * holds a subquery: the subquery then stays as it is.
 *
 * @example
 * // Filter: (l_orderkey#9 = outer(o_orderkey#0)) AND (l_commitdate#20 < l_receiptdate#21)
 * //   Scan: parquet lineitem […]
 * pullUpCorrelatedPredicates(plan, new Set([0]))
 * // → { plan: Filter: l_commitdate#20 < l_receiptdate#21 …, predicates: [l_orderkey#9 = outer(o_orderkey#0)] }
 */
export function pullUpCorrelatedPredicates(plan: LogicalPlan, outer: ReadonlySet<ColumnId>): PulledUp | undefined {
  const reads = (e: Expr): boolean => readsAny(e, outer);
  // Hand-written recursion: each level returns the conjuncts it took out along with the rewritten node.
  const pull = (p: LogicalPlan): PulledUp | undefined => {
    if (![...outerReferences(p)].some((id) => outer.has(id))) return { plan: p, predicates: [] };
    switch (p.kind) {
      case 'scan':
        return { plan: { ...p, filters: p.filters.filter((f) => !reads(f)) }, predicates: [] };
      case 'filter': {
        const below = pull(p.input);
        if (!below) return undefined;
        const parts = conjuncts(p.condition);
        const correlated = parts.filter(reads);
        if (correlated.some((c) => containsSubquery(c) || !isDeterministic(c))) return undefined;
        const rest = parts.filter((c) => !reads(c));
        const plan: LogicalPlan = rest.length ? { ...p, input: below.plan, condition: conjunction(rest) } : below.plan;
        return { plan, predicates: [...below.predicates, ...correlated] };
      }
      case 'project': {
        if (p.columns.some((c) => reads(c.expr))) return undefined;
        const below = pull(p.input);
        if (!below) return undefined;
        return { plan: { ...p, input: below.plan, columns: passThrough(p.columns, below) }, predicates: below.predicates };
      }
      case 'subqueryAlias':
      case 'hint': {
        const below = pull(p.input);
        return below && { plan: { ...p, input: below.plan }, predicates: below.predicates };
      }
      case 'join': {
        if (p.condition && reads(p.condition)) return undefined;
        const both = p.joinType === 'inner' || p.joinType === 'cross';
        if (!both && p.joinType !== 'left' && p.joinType !== 'semi' && p.joinType !== 'anti') return undefined;
        const left = pull(p.left);
        const right = both ? pull(p.right) : { plan: p.right, predicates: [] };
        if (!left || !right || (!both && right.plan !== p.right)) return undefined;
        return { plan: { ...p, left: left.plan, right: right.plan }, predicates: [...left.predicates, ...right.predicates] };
      }
      default:
        return undefined;
    }
  };
  return pull(plan);
}

/** Whether `e` reads one of `ids` as an outer reference, in itself or in a subquery inside it. */
export function readsAny(e: Expr, ids: ReadonlySet<ColumnId>): boolean {
  let found = false;
  visitExpr(e, (x) => {
    if (x.kind === 'outerColumn' && ids.has(x.id)) found = true;
    return !found;
  });
  return found || subqueryPlans(e).some((plan) => [...outerReferences(plan)].some((id) => ids.has(id)));
}

/** `e` with its outer references to `ids` made plain column references: the columns are now a join's other side. */
export function asJoinColumns(e: Expr, ids: ReadonlySet<ColumnId>): Expr {
  return transformExprUp(e, (x) => (x.kind === 'outerColumn' && ids.has(x.id) ? { ...x, kind: 'column' } : x));
}

// A Project's columns plus those of its input that the pulled conjuncts read and it does not already pass.
function passThrough(columns: readonly NamedExpr[], below: PulledUp): readonly NamedExpr[] {
  const passed = new Set(columns.map((c) => c.id));
  const needed = new Set<ColumnId>();
  for (const e of below.predicates)
    visitExpr(e, (x) => {
      if (x.kind === 'column') needed.add(x.id);
    });
  const extra = outputOf(below.plan).filter((c) => needed.has(c.id) && !passed.has(c.id));
  return extra.length ? [...columns, ...extra.map((c) => named(c.id, c.name, columnRef(c)))] : columns;
}
