// The children and own expressions of a physical node, for walks and rewrites of a physical plan (planner, printer).
import type { Expr } from '../logical/expr.js';
import type { PhysicalPlan } from './plan.js';

export function physicalChildren(p: PhysicalPlan): readonly PhysicalPlan[] {
  switch (p.kind) {
    case 'scanExec':
    case 'valuesExec':
    case 'rangeExec':
      return [];
    case 'gatherExec':
    case 'filterExec':
    case 'projectExec':
    case 'hashAggregateExec':
    case 'expandExec':
    case 'sortExec':
    case 'topNExec':
    case 'limitExec':
    case 'windowExec':
      return [p.input];
    case 'hashJoinExec':
    case 'nestedLoopJoinExec':
    case 'setOperationExec':
      return [p.left, p.right];
    case 'unionExec':
      return p.inputs;
  }
}

/** The node's own expressions (not its children's), where subquery plans may sit. */
export function physicalExpressions(p: PhysicalPlan): readonly Expr[] {
  switch (p.kind) {
    case 'scanExec':
      return p.filters;
    case 'valuesExec':
      return p.rows.flat();
    case 'filterExec':
      return [p.condition];
    case 'projectExec':
    case 'windowExec':
      return (p.kind === 'projectExec' ? p.columns : p.windows).map((n) => n.expr);
    case 'hashAggregateExec':
      return [...p.groupKeys, ...p.aggregates].map((n) => n.expr);
    case 'expandExec':
      return p.projections.flat();
    case 'hashJoinExec':
      return [...p.leftKeys, ...p.rightKeys, ...(p.residual ? [p.residual] : [])];
    case 'nestedLoopJoinExec':
      return p.condition ? [p.condition] : [];
    case 'sortExec':
    case 'topNExec':
      return p.order.map((k) => k.expr);
    case 'rangeExec':
    case 'gatherExec':
    case 'limitExec':
    case 'unionExec':
    case 'setOperationExec':
      return [];
  }
}

/** The node with its children replaced, in `physicalChildren`'s order. */
export function withPhysicalChildren(p: PhysicalPlan, children: readonly PhysicalPlan[]): PhysicalPlan {
  switch (p.kind) {
    case 'scanExec':
    case 'valuesExec':
    case 'rangeExec':
      return p;
    case 'gatherExec':
    case 'filterExec':
    case 'projectExec':
    case 'hashAggregateExec':
    case 'expandExec':
    case 'sortExec':
    case 'topNExec':
    case 'limitExec':
    case 'windowExec':
      return { ...p, input: children[0]! };
    case 'hashJoinExec':
    case 'nestedLoopJoinExec':
    case 'setOperationExec':
      return { ...p, left: children[0]!, right: children[1]! };
    case 'unionExec':
      return { ...p, inputs: children };
  }
}

/** The nodes of `p` in pre-order (a GatherExec's workers name its fragment's nodes by their position in it). */
export function physicalNodes(p: PhysicalPlan): PhysicalPlan[] {
  return [p, ...physicalChildren(p).flatMap(physicalNodes)];
}
