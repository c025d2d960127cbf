// rewrite_predicate_subquery: turns the [NOT] EXISTS and [NOT] IN subqueries that are conjuncts of a Filter into
// semi and anti joins (Spark's RewritePredicateSubquery), the correlated conjuncts of the subquery becoming the join
// condition; so a correlated subquery no longer runs once per distinct outer row, and an IN list is a hash join.
//
//   Filter: EXISTS subquery AND (o_orderdate#4 >= DATE '1993-07-01')     Join: semi, l_orderkey#9 = o_orderkey#0
//     : Filter: (l_orderkey#9 = outer(o_orderkey#0)) AND (l_c#20 < l_r#21)   Filter: o_orderdate#4 >= DATE '1993-07-01'
//     :   Scan: parquet lineitem […]                                     →      Scan: parquet orders […]
//     Scan: parquet orders […]                                               Filter: l_c#20 < l_r#21
//                                                                              Scan: parquet lineitem […]
//
// NOT IN becomes a null-aware anti join (a NULL on either side makes `x NOT IN (…)` unknown, not true), or a plain
// anti join when neither side can be NULL.
// Must not fire:
// - on a subquery inside OR, CASE, a projection…: only a conjunct of a Filter says "keep the rows where it holds";
// - on an uncorrelated EXISTS, which runs once and is cheaper as the constant it is;
// - when the subquery reads outer columns other than through conjuncts pullUpCorrelatedPredicates can take out, or
//   columns of queries further out than the Filter's input;
// - on a correlated NOT IN with nullable keys (the hash join has NOT IN's NULL semantics only for key equalities);
// - when the subquery produces a column id the Filter's input also produces (a CTE inlined twice), which a join
//   could not output twice.
import type { ColumnId, Expr, ExistsExpr, InSubqueryExpr } from '../../logical/expr.js';
import type { Filter, Join, LogicalPlan } from '../../logical/plan.js';
import { binary, columnRef, conjunction, conjuncts } from '../../logical/expr-builders.js';
import { outputOf } from '../../logical/output.js';
import { exprContains, transformUp } from '../../logical/traverse.js';
import { T, sameType } from '../../types/data-type.js';
import { asJoinColumns, pullUpCorrelatedPredicates } from '../correlated-predicates.js';
import { containsSubquery, correlatedColumns, producedColumns } from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const rewritePredicateSubquery: OptimizerRule = {
  name: 'rewrite_predicate_subquery',
  rewrite: (plan) => resultOf(plan, transformUp(plan, (p) => (p.kind === 'filter' ? rewriteFilter(p) : p))),
};

function rewriteFilter(f: Filter): LogicalPlan {
  const joins: ((input: LogicalPlan) => Join)[] = [];
  const rest: Expr[] = [];
  for (const part of conjuncts(f.condition)) {
    const join = asJoin(part, f.input);
    if (join) joins.push(join);
    else rest.push(part);
  }
  if (joins.length === 0) return f;
  // The other conjuncts filter first, so push_down_filter finds them where the Filter was.
  const filtered: LogicalPlan = rest.length ? { ...f, condition: conjunction(rest) } : f.input;
  return joins.reduce<LogicalPlan>((input, join) => join(input), filtered);
}

/** The semi or anti join that does what the conjunct `e` does, given the Filter's input; undefined to leave `e` be. */
function asJoin(e: Expr, input: LogicalPlan): ((input: LogicalPlan) => Join) | undefined {
  const negated = e.kind === 'unary' && e.op === 'not';
  const subquery = negated ? e.operand : e;
  if (subquery.kind === 'exists') return existsJoin(subquery, negated, input);
  if (subquery.kind === 'inSubquery') return inJoin(subquery, negated, input);
  return undefined;
}

function existsJoin(e: ExistsExpr, negated: boolean, input: LogicalPlan): ((input: LogicalPlan) => Join) | undefined {
  const outer = correlatedColumns(e.plan);
  if (outer.size === 0) return undefined;
  const pulled = decorrelate(e.plan, outer, input);
  if (!pulled) return undefined;
  const condition = conjunction(pulled.predicates);
  return (left) => ({ kind: 'join', joinType: negated ? 'anti' : 'semi', left, right: pulled.plan, condition });
}

function inJoin(e: InSubqueryExpr, negated: boolean, input: LogicalPlan): ((input: LogicalPlan) => Join) | undefined {
  const outer = correlatedColumns(e.plan);
  const pulled = outer.size === 0 ? { plan: e.plan, predicates: [] } : decorrelate(e.plan, outer, input);
  if (!pulled || !disjoint(input, pulled.plan)) return undefined;
  // The operands go into a join condition, where only the join's inputs can be read.
  if (e.operands.some((o) => exprContains(o, (x) => x.kind === 'outerColumn') || containsSubquery(o))) return undefined;
  const values = outputOf(pulled.plan).slice(0, e.operands.length);
  if (values.length !== e.operands.length || e.operands.some((o, i) => !sameType(o.type, values[i]!.type))) return undefined;
  const equalities = e.operands.map((o, i) => binary('=', o, columnRef(values[i]!), T.boolean));
  const nullable = e.operands.some((o) => o.nullable) || values.some((v) => v.nullable);
  // NOT IN with NULLs possible needs the null-aware join, which takes nothing but the key equalities.
  if (negated && nullable && pulled.predicates.length > 0) return undefined;
  const condition = conjunction([...equalities, ...pulled.predicates]);
  const nullAware = negated && nullable;
  return (left) => ({ kind: 'join', joinType: negated ? 'anti' : 'semi', left, right: pulled.plan, condition, ...(nullAware ? { nullAware } : {}) });
}

// The subquery without its correlated conjuncts, which now read the Filter input's columns as a join's left side.
function decorrelate(plan: LogicalPlan, outer: ReadonlySet<ColumnId>, input: LogicalPlan): { plan: LogicalPlan; predicates: Expr[] } | undefined {
  const inputColumns = new Set(outputOf(input).map((c) => c.id));
  if ([...outer].some((id) => !inputColumns.has(id))) return undefined;
  const pulled = pullUpCorrelatedPredicates(plan, outer);
  if (!pulled || correlatedColumns(pulled.plan).size > 0 || !disjoint(input, pulled.plan)) return undefined;
  return { plan: pulled.plan, predicates: pulled.predicates.map((p) => asJoinColumns(p, outer)) };
}

/** Whether no column id is produced in both plans, so that a join of them outputs each id once. */
export function disjoint(left: LogicalPlan, right: LogicalPlan): boolean {
  const produced = producedColumns(left);
  return ![...producedColumns(right)].some((id) => produced.has(id));
}
