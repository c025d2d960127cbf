// What rules ask of an expression before moving it: which columns it reads, whether it is deterministic or holds a
// subquery, and the expression with some columns replaced.
import { lookupFunction } from '../analyzer/functions/registry.js';
import type { ColumnId, Expr } from '../logical/expr.js';
import type { LogicalPlan } from '../logical/plan.js';
import { outputOf } from '../logical/output.js';
import { exprContains, planExpressions, subqueryPlans, transformExprUp, visitExpr, visitPlan } from '../logical/traverse.js';

/**
 * The ids of the columns `e` reads from the input of the node that holds it: its column references, and the outer
 * references inside its subquery plans (a correlated subquery reads the current row). Ids of enclosing queries'
 * columns may be among them; callers intersect with the input they care about.
 */
export function referencedColumns(e: Expr): Set<ColumnId> {
  const ids = new Set<ColumnId>();
  visitExpr(e, (x) => {
    if (x.kind === 'column') ids.add(x.id);
  });
  for (const plan of subqueryPlans(e)) for (const id of outerReferences(plan)) ids.add(id);
  return ids;
}

/** The ids of every outer reference in `plan`, at any depth of nested subqueries. */
export function outerReferences(plan: LogicalPlan): Set<ColumnId> {
  const ids = new Set<ColumnId>();
  const walk = (p: LogicalPlan): void =>
    visitPlan(p, (node) => {
      for (const e of planExpressions(node)) {
        visitExpr(e, (x) => {
          if (x.kind === 'outerColumn') ids.add(x.id);
        });
        subqueryPlans(e).forEach(walk);
      }
    });
  walk(plan);
  return ids;
}

export function containsSubquery(e: Expr): boolean {
  return exprContains(e, (x) => x.kind === 'scalarSubquery' || x.kind === 'exists' || x.kind === 'inSubquery');
}

/** Whether `e` holds a correlated subquery: one that runs again for each distinct combination of outer values. */
export function containsCorrelatedSubquery(e: Expr): boolean {
  return subqueryPlans(e).some(isCorrelated);
}

const correlation = new WeakMap<LogicalPlan, ReadonlySet<ColumnId>>();

/** Whether `plan` reads a column of an enclosing query: an outer reference to a column no node inside it produces. */
export function isCorrelated(plan: LogicalPlan): boolean {
  return correlatedColumns(plan).size > 0;
}

/** The columns of enclosing queries that `plan` reads: its outer references to columns no node inside it produces. */
export function correlatedColumns(plan: LogicalPlan): ReadonlySet<ColumnId> {
  let known = correlation.get(plan);
  if (known === undefined) {
    const produced = producedColumns(plan);
    known = new Set([...outerReferences(plan)].filter((id) => !produced.has(id)));
    correlation.set(plan, known);
  }
  return known;
}

/** The ids of the columns every node of `plan` outputs, subquery plans inside it included. */
export function producedColumns(plan: LogicalPlan): Set<ColumnId> {
  const produced = new Set<ColumnId>();
  const walk = (p: LogicalPlan): void =>
    visitPlan(p, (node) => {
      for (const c of outputOf(node)) produced.add(c.id);
      for (const e of planExpressions(node)) subqueryPlans(e).forEach(walk);
    });
  walk(plan);
  return produced;
}

/**
 * Whether `e` gives the same value every time it sees the same row. Calls ask the function catalogue (rand, uuid,
 * first… are not); a subquery is deterministic when its plan is. A call the catalogue cannot resolve counts as not
 * deterministic, which only keeps rules from moving it.
 */
export function isDeterministic(e: Expr): boolean {
  return !exprContains(e, (x) => {
    switch (x.kind) {
      case 'call':
      case 'aggregate':
      case 'window':
        return !isDeterministicCall(x.name, x.args);
      case 'scalarSubquery':
      case 'exists':
      case 'inSubquery':
        return !isDeterministicPlan(x.plan);
      default:
        return false;
    }
  });
}

export function isDeterministicPlan(plan: LogicalPlan): boolean {
  let deterministic = true;
  visitPlan(plan, (node) => {
    if (!deterministic) return false;
    deterministic = planExpressions(node).every(isDeterministic);
    return deterministic;
  });
  return deterministic;
}

function isDeterministicCall(name: string, args: readonly Expr[]): boolean {
  const resolved = lookupFunction(name)?.resolve(
    args.map((a) => a.type),
    args.map((a) => ({ nullable: a.nullable, ...(a.kind === 'literal' ? { constant: a.value } : {}) })),
  );
  return typeof resolved === 'object' && resolved.deterministic;
}

/** `e` with each column reference whose id is in `replacements` replaced (subquery plans are not entered). */
export function replaceColumns(e: Expr, replacements: ReadonlyMap<ColumnId, Expr>): Expr {
  return transformExprUp(e, (x) => (x.kind === 'column' ? (replacements.get(x.id) ?? x) : x));
}

/** Structural equality of expressions (plans are plain data). */
export function sameExpr(a: Expr, b: Expr): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}
