// remove_noop_project: drops a Project that outputs exactly its input's columns, in order (Spark's RemoveNoopOperators):
// the analyzer's `SELECT *` and what prune_columns and reorder_joins leave behind.
//
//   Project: a#0, b#1                     →    Filter: a#0 > 1
//     Filter: a#0 > 1                            Scan: parquet t [a#0, b#1]
//       Scan: parquet t [a#0, b#1]
//
// Must not fire on a Project that renames, computes, reorders, drops or changes the nullability of a column.
import type { LogicalPlan } from '../../logical/plan.js';
import { outputOf } from '../../logical/output.js';
import { transformUp } from '../../logical/traverse.js';
import type { OptimizerRule } from '../rule.js';
import { resultOf } from '../rule.js';

export const removeNoopProject: OptimizerRule = {
  name: 'remove_noop_project',
  rewrite: (plan) => resultOf(plan, transformUp(plan, (p) => (isNoop(p) ? (p as { input: LogicalPlan }).input : p))),
};

function isNoop(p: LogicalPlan): boolean {
  if (p.kind !== 'project') return false;
  const input = outputOf(p.input);
  return (
    p.columns.length === input.length &&
    p.columns.every((c, i) => {
      const col = input[i]!;
      return c.expr.kind === 'column' && c.expr.id === col.id && c.id === col.id && c.name === col.name && c.expr.nullable === col.nullable;
    })
  );
}
