// reorder_joins: orders a tree of inner joins so that each join has a condition where one exists (Spark's ReorderJoin,
// without statistics): the first relation stays first, and each next one is the first remaining relation that some
// condition connects to those already joined. The conditions go into one Filter above, for push_down_filter to place.
//
//   Filter: (p = ps_p) AND (s = ps_s)                    Project: p, s, ps_p, ps_s   (the original column order)
//     Join: inner                                   →      Filter: (p = ps_p) AND (s = ps_s)
//       Join: inner                                          Join: inner
//         part                                                 Join: inner
//         supplier                                               part
//       partsupp                                                 partsupp
//                                                              supplier
//
// Must not fire when the order already has each relation connected where it can be (so it settles in one pass),
// for fewer than three relations, or without conditions; outer, semi and anti joins and a Filter or join condition
// with a non-deterministic conjunct bound the tree (their relations are not moved across them).
import type { Expr } from '../../logical/expr.js';
import type { Join, LogicalPlan } from '../../logical/plan.js';
import { columnRef, conjunction, conjuncts } from '../../logical/expr-builders.js';
import { outputOf } from '../../logical/output.js';
import { transformDown } from '../../logical/traverse.js';
import { containsSubquery, isDeterministic, referencedColumns } from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const reorderJoins: OptimizerRule = {
  name: 'reorder_joins',
  rewrite: (plan) => resultOf(plan, transformDown(plan, reorder)),
};

/** The relations of an inner join tree in join order, and the conjuncts of its conditions and filters. */
interface JoinTree {
  readonly relations: readonly LogicalPlan[];
  readonly conditions: readonly Expr[];
}

function reorder(p: LogicalPlan): LogicalPlan {
  if (!isInnerJoinTree(p)) return p;
  const { relations, conditions } = flatten(p);
  if (relations.length < 3 || conditions.length === 0) return p;
  const order = greedyOrder(relations, conditions);
  if (order.every((r, i) => r === relations[i])) return p;
  const joined = order.slice(1).reduce<LogicalPlan>((left, right) => ({ kind: 'join', joinType: 'inner', left, right }), order[0]!);
  const filtered: LogicalPlan = { kind: 'filter', input: joined, condition: conjunction(conditions) };
  return { kind: 'project', input: filtered, columns: outputOf(p).map((c) => ({ id: c.id, name: c.name, expr: columnRef(c) })) };
}

function isInnerJoinTree(p: LogicalPlan): p is Join | (LogicalPlan & { kind: 'filter'; input: Join }) {
  if (p.kind === 'filter') return isDeterministic(p.condition) && isInnerJoinTree(p.input);
  return p.kind === 'join' && (p.joinType === 'inner' || p.joinType === 'cross') && (!p.condition || isDeterministic(p.condition));
}

/** Left-deep flattening, as Spark's ExtractFiltersAndInnerJoins: a join's right input is a relation as it is. */
function flatten(p: LogicalPlan): JoinTree {
  if (!isInnerJoinTree(p)) return { relations: [p], conditions: [] };
  if (p.kind === 'filter') {
    const inner = flatten(p.input);
    return { relations: inner.relations, conditions: [...inner.conditions, ...conjuncts(p.condition)] };
  }
  const left = flatten(p.left);
  return { relations: [...left.relations, p.right], conditions: [...left.conditions, ...(p.condition ? conjuncts(p.condition) : [])] };
}

/** Spark's createOrderedJoin: keep the first relation, then repeatedly take the first one a condition connects. */
function greedyOrder(relations: readonly LogicalPlan[], conditions: readonly Expr[]): LogicalPlan[] {
  const idsOf = (r: LogicalPlan) => new Set(outputOf(r).map((c) => c.id));
  // Conditions a join could evaluate, by the relations' columns they read.
  const links = conditions.filter((c) => isDeterministic(c) && !containsSubquery(c)).map(referencedColumns);
  const order = [relations[0]!];
  const joined = idsOf(relations[0]!);
  const rest = relations.slice(1);
  while (rest.length) {
    const connects = (r: LogicalPlan): boolean => {
      const own = idsOf(r);
      return links.some((refs) => {
        const ids = [...refs].filter((id) => joined.has(id) || own.has(id));
        return ids.some((id) => joined.has(id)) && ids.some((id) => own.has(id)) && ids.length === refs.size;
      });
    };
    const next = rest.find(connects) ?? rest[0]!;
    rest.splice(rest.indexOf(next), 1);
    order.push(next);
    for (const id of idsOf(next)) joined.add(id);
  }
  return order;
}
