// extract_common_conjuncts: takes the conjuncts every branch of an OR shares out of it (the factoring half of Spark's
// BooleanSimplification), so that they can become join keys and be pushed down like any other conjunct.
//
//   Filter: ((p = l) AND (b = 'x')) OR ((p = l) AND (b = 'y'))    →    Filter: (p = l) AND ((b = 'x') OR (b = 'y'))
//   Filter: ((p = l) AND (b = 'x')) OR (p = l)                    →    Filter: p = l
//
// Both hold in SQL's three-valued logic. Must not fire on an OR with a non-deterministic part: each call of rand()
// in a branch is a different value, so equal-looking conjuncts are not the same.
import type { Expr } from '../../logical/expr.js';
import { conjunction, conjuncts, or } from '../../logical/expr-builders.js';
import { mapPlanExpressions, transformExprUp, transformUp } from '../../logical/traverse.js';
import { isDeterministic } from '../expr-facts.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const extractCommonConjuncts: OptimizerRule = {
  name: 'extract_common_conjuncts',
  rewrite: (plan) => resultOf(plan, transformUp(plan, (node) => mapPlanExpressions(node, (e) => transformExprUp(e, factor)))),
};

// Bottom-up, so `(A OR B) OR C` first factors A and B, then what they share with C.
function factor(e: Expr): Expr {
  if (e.kind !== 'binary' || e.op !== 'or' || !isDeterministic(e)) return e;
  const key = (c: Expr) => JSON.stringify(c);
  const [left, right] = [conjuncts(e.left), conjuncts(e.right)];
  const rightKeys = new Set(right.map(key));
  const common = left.filter((c) => rightKeys.has(key(c)));
  if (common.length === 0) return e;
  const commonKeys = new Set(common.map(key));
  const [leftRest, rightRest] = [left, right].map((side) => side.filter((c) => !commonKeys.has(key(c))));
  // `(a AND b) OR a` is `a`.
  if (leftRest!.length === 0 || rightRest!.length === 0) return conjunction(common);
  return conjunction([...common, or(conjunction(leftRest!), conjunction(rightRest!))]);
}
