// Plan invariants: every column reference resolves to a child's output with the same type, output ids are
// unique, aggregate and window calls stand only where they belong. The optimizer driver checks it after each rule.
import { typeToString } from '../types/data-type.js';
import type { Expr, ColumnId } from './expr.js';
import type { Column, LogicalPlan } from './plan.js';
import { outputOf } from './output.js';
import { exprChildren, planChildren, planExpressions, visitExpr } from './traverse.js';

/** Returns the problems found (empty when the plan is valid); `outer` holds columns visible to correlated refs. */
export function validatePlan(plan: LogicalPlan, outer: ReadonlyMap<ColumnId, Column> = new Map()): string[] {
  const problems: string[] = [];
  check(plan, outer, problems);
  return problems;
}

function check(p: LogicalPlan, outer: ReadonlyMap<ColumnId, Column>, problems: string[]): void {
  const visible = new Map<ColumnId, Column>();
  // A scan's pushed filters read the scan's own columns; every other node's expressions read its children's outputs.
  const inputs = p.kind === 'scan' ? [p.columns] : planChildren(p).map(outputOf);
  for (const cols of inputs) for (const col of cols) visible.set(col.id, col);

  const seen = new Set<ColumnId>();
  for (const col of outputOf(p)) {
    // Semi/anti joins and pass-through nodes repeat their input's ids by design; duplicates within one output are the bug.
    if (seen.has(col.id)) problems.push(`${p.kind}: output column id ${col.id} (${col.name}) appears twice`);
    seen.add(col.id);
  }

  const allowedTop = p.kind === 'aggregate' ? 'aggregate' : p.kind === 'window' ? 'window' : undefined;
  const topLevel =
    p.kind === 'aggregate' ? new Set(p.aggregates.map((a) => a.expr)) : p.kind === 'window' ? new Set(p.windows.map((w) => w.expr)) : new Set<Expr>();
  if (p.kind === 'aggregate')
    for (const a of p.aggregates) if (a.expr.kind !== 'aggregate') problems.push(`aggregate: output ${a.name}#${a.id} is not an aggregate call`);
  if (p.kind === 'window')
    for (const w of p.windows) if (w.expr.kind !== 'window') problems.push(`window: output ${w.name}#${w.id} is not a window call`);

  const scope = new Map([...outer, ...visible]);
  for (const e of planExpressions(p)) {
    visitExpr(e, (x) => {
      switch (x.kind) {
        case 'column':
          checkRef(p, x, visible, problems);
          break;
        case 'outerColumn':
          checkRef(p, x, outer, problems);
          break;
        case 'aggregate':
        case 'window':
          if (x.kind !== allowedTop || !topLevel.has(x)) problems.push(`${p.kind}: ${x.kind} call ${x.name}() is not allowed here`);
          // Arguments of aggregate/window calls must not nest further aggregate/window calls.
          for (const c of exprChildren(x)) visitExpr(c, (y) => {
            if (y.kind === 'aggregate' || y.kind === 'window') problems.push(`${p.kind}: nested ${y.kind} call ${y.name}()`);
          });
          return false;
        case 'scalarSubquery':
        case 'exists':
        case 'inSubquery':
          check(x.plan, scope, problems);
          break;
      }
      return true;
    });
  }
  if (p.kind === 'join' && p.nullAware && (p.joinType !== 'anti' || !p.condition))
    problems.push(`join: only an anti join with a condition can be null-aware, not a ${p.joinType} join`);
  if (p.kind === 'union')
    for (const input of p.inputs)
      if (outputOf(input).length !== p.output.length) problems.push(`union: an input has ${outputOf(input).length} columns, expected ${p.output.length}`);

  for (const c of planChildren(p)) check(c, outer, problems);
}

function checkRef(
  p: LogicalPlan,
  ref: { id: ColumnId; name: string; type: Parameters<typeof typeToString>[0] },
  scope: ReadonlyMap<ColumnId, Column>,
  problems: string[],
): void {
  const col = scope.get(ref.id);
  if (!col) problems.push(`${p.kind}: ${ref.name}#${ref.id} does not resolve to an input column`);
  else if (typeToString(col.type) !== typeToString(ref.type))
    problems.push(`${p.kind}: ${ref.name}#${ref.id} has type ${typeToString(ref.type)} but its input is ${typeToString(col.type)}`);
}
