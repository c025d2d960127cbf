// FilterExec and HashJoinExec output only the columns their consumer reads (DataFusion's filter and join projections):
// a column that only the condition reads — Q1's l_shipdate, a join key — is not gathered only to be dropped above.
import type { ColumnId, Expr } from '../logical/expr.js';
import { referencedColumns } from '../optimizer/expr-facts.js';
import { physicalChildren, physicalExpressions, withPhysicalChildren } from './physical-tree.js';
import type { PhysicalPlan } from './plan.js';

/**
 * `plan` with each FilterExec's and HashJoinExec's output cut to the columns the nodes above it read. A node whose every output column
 * is passed on (sort, limit, union, window…) is treated as reading them all.
 *
 * @example
 * narrowOutputs(aggregateOverFilterOverScan) // FilterExec output: the columns the aggregate reads
 */
export function narrowOutputs(plan: PhysicalPlan): PhysicalPlan {
  return narrow(plan, undefined);
}

/** `needed`: the ids of `p`'s output its consumer reads; undefined for all. */
function narrow(p: PhysicalPlan, needed: ReadonlySet<ColumnId> | undefined): PhysicalPlan {
  let node = p;
  if ((p.kind === 'filterExec' || p.kind === 'hashJoinExec') && needed && p.output.some((c) => !needed.has(c.id)))
    node = { ...p, output: p.output.filter((c) => needed.has(c.id)) };
  const children = physicalChildren(node);
  const next = children.map((child) => narrow(child, readFromChild(node, child)));
  return next.every((c, i) => c === children[i]) ? node : withPhysicalChildren(node, next);
}

/** The ids of `child`'s output that `node` reads, or undefined for all of them. */
function readFromChild(node: PhysicalPlan, child: PhysicalPlan): ReadonlySet<ColumnId> | undefined {
  switch (node.kind) {
    case 'filterExec':
      return union(node.output.map((c) => c.id), referenced(physicalExpressions(node)));
    case 'projectExec':
    case 'hashAggregateExec':
      return referenced(physicalExpressions(node));
    case 'hashJoinExec':
    case 'nestedLoopJoinExec': {
      const own = new Set(child.output.map((c) => c.id));
      return union(
        node.output.map((c) => c.id).filter((id) => own.has(id)),
        referenced(physicalExpressions(node)),
      );
    }
    // Nodes that pass their input's columns on (or run before narrowing, as GatherExec does) read them all.
    case 'gatherExec':
    case 'scanExec':
    case 'valuesExec':
    case 'rangeExec':
    case 'expandExec':
    case 'sortExec':
    case 'topNExec':
    case 'limitExec':
    case 'unionExec':
    case 'setOperationExec':
    case 'windowExec':
      return undefined;
  }
}

// Outer references inside correlated subqueries count: the subquery reads the current row's columns.
function referenced(exprs: readonly Expr[]): Set<ColumnId> {
  return new Set(exprs.flatMap((e) => [...referencedColumns(e)]));
}

function union(a: readonly ColumnId[], b: ReadonlySet<ColumnId>): Set<ColumnId> {
  return new Set([...a, ...b]);
}
