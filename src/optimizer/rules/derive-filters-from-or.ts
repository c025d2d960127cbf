// derive_filters_from_or: from an OR conjunct of a Filter over joined relations, derives for each relation the OR of
// what every branch asks of that relation alone, and adds it beside the OR (Spark's PushExtraPredicateThroughJoin,
// DuckDB's filter inference); push_down_filter then takes it to the relation's scan.
//
//   Filter: ((n1 = 'FR') AND (n2 = 'DE')) OR ((n1 = 'DE') AND (n2 = 'FR'))      Filter: (…the OR…) AND ((n1 = 'FR') OR
//     Join: cross                                                          →      (n1 = 'DE')) AND ((n2 = 'DE') OR (n2 = 'FR'))
//       … nation n1 …                                                          Join: cross …
//       … nation n2 …
//
// The OR stays: the derived filters are implied by it, not equal to it. Runs in the first pass only: the filters it
// adds are pushed away from the OR, and deriving them again in later passes would add them again.
// Must not fire on an OR with a non-deterministic or subquery part, nor for a relation some branch asks nothing of
// (the derived filter would be true).
import type { ColumnId, Expr } from '../../logical/expr.js';
import type { Filter, LogicalPlan } from '../../logical/plan.js';
import { conjunction, conjuncts, or } from '../../logical/expr-builders.js';
import { outputOf } from '../../logical/output.js';
import { transformUp } from '../../logical/traverse.js';
import { containsSubquery, isDeterministic, referencedColumns, sameExpr } from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const deriveFiltersFromOr: OptimizerRule = {
  name: 'derive_filters_from_or',
  once: true,
  rewrite: (plan) => resultOf(plan, transformUp(plan, (p) => (p.kind === 'filter' && p.input.kind === 'join' ? derive(p) : p))),
};

function derive(f: Filter): LogicalPlan {
  const relations = joinedRelations(f.input).map((r) => new Set(outputOf(r).map((c) => c.id)));
  const parts = conjuncts(f.condition);
  const derived: Expr[] = [];
  for (const part of parts) {
    if (part.kind !== 'binary' || part.op !== 'or' || !isDeterministic(part) || containsSubquery(part)) continue;
    const branches = disjuncts(part).map(conjuncts);
    for (const columns of relations) {
      const own = branches.map((b) => b.filter((c) => within(referencedColumns(c), columns)));
      if (own.some((b) => b.length === 0)) continue;
      const filter = own.map(conjunction).reduce(or);
      if (![...parts, ...derived].some((c) => sameExpr(c, filter))) derived.push(filter);
    }
  }
  return derived.length ? { ...f, condition: conjunction([...parts, ...derived]) } : f;
}

/** The inputs of the inner and cross joins directly under a Filter: the relations its conjuncts can be about. */
function joinedRelations(p: LogicalPlan): LogicalPlan[] {
  if (p.kind === 'join' && (p.joinType === 'inner' || p.joinType === 'cross')) return [...joinedRelations(p.left), ...joinedRelations(p.right)];
  return [p];
}

function disjuncts(e: Expr): Expr[] {
  return e.kind === 'binary' && e.op === 'or' ? [...disjuncts(e.left), ...disjuncts(e.right)] : [e];
}

function within(ids: ReadonlySet<ColumnId>, columns: ReadonlySet<ColumnId>): boolean {
  return ids.size > 0 && [...ids].every((id) => columns.has(id));
}
