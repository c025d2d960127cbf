// Grouping sets as Spark plans them: an Expand that emits each row once per set, with the keys a set does not
// group replaced by NULL, plus a grouping id; the Aggregate above groups by those key copies and the id.
import { T } from '../types/data-type.js';
import type { Expr } from '../logical/expr.js';
import type { Column, Expand, LogicalPlan } from '../logical/plan.js';
import { columnRef, literal } from '../logical/expr-builders.js';
import { outputOf } from '../logical/output.js';
import type { AnalyzerContext } from './context.js';
import type { GroupingKey } from './aggregation.js';
import { internalName } from './aggregation.js';

export interface ExpandResult {
  readonly plan: Expand;
  readonly keys: readonly GroupingKey[];
  readonly groupingId: Column;
}

export function buildExpand(
  input: LogicalPlan,
  exprs: readonly Expr[],
  sets: readonly (readonly number[])[],
  ctx: AnalyzerContext,
): ExpandResult {
  const passThrough = outputOf(input);
  const n = exprs.length;
  const keyColumns: Column[] = exprs.map((e) => ({
    id: ctx.newId(),
    name: e.kind === 'column' ? e.name : internalName(e),
    type: e.type,
    nullable: true,
  }));
  const groupingId: Column = { id: ctx.newId(), name: 'spark_grouping_id', type: T.bigint, nullable: false };
  const projections = sets.map((set) => {
    const grouped = new Set(set);
    let gid = 0n;
    for (let i = 0; i < n; i++) if (!grouped.has(i)) gid |= 1n << BigInt(n - 1 - i);
    return [
      ...passThrough.map(columnRef),
      ...exprs.map((e, i) => (grouped.has(i) ? e : literal(null, e.type))),
      literal(gid.toString(), T.bigint),
    ];
  });
  return {
    plan: { kind: 'expand', input, projections, output: [...passThrough, ...keyColumns, groupingId] },
    keys: exprs.map((expr, i) => ({ expr, output: keyColumns[i]! })),
    groupingId,
  };
}
