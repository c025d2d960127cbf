// Binds a whole query: WITH, the body (SELECT, set operations, VALUES, TABLE), then ORDER BY, SORT BY,
// DISTRIBUTE BY, CLUSTER BY, LIMIT and OFFSET.
import type * as ast from '../ast/ast.js';
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import { assertNever } from '../common/assert-never.js';
import { isIntegral } from '../types/data-type.js';
import type { Expr, NamedExpr } from '../logical/expr.js';
import type { Column, LogicalPlan } from '../logical/plan.js';
import { columnRef } from '../logical/expr-builders.js';
import { outputOf } from '../logical/output.js';
import type { AnalyzerContext, CteDefinition } from './context.js';
import { EMPTY_SCOPE, scopeOf } from './scope.js';
import type { Scope } from './scope.js';
import { bindExpr, bindSortItem } from './bind-expr.js';
import { coerceCommon } from './coerce.js';
import { bindSelect } from './bind-select.js';
import { bindRelation, bindValues } from './bind-relation.js';

export function bindQuery(q: ast.Query, ctx: AnalyzerContext): LogicalPlan {
  const inner = q.with ? withCtes(q.with, ctx) : ctx;
  // A SELECT body binds its own ORDER BY, which may use columns the select list drops.
  const selectOwnsOrder = q.body.kind === 'select';
  let plan = q.body.kind === 'select' ? bindSelect(q.body, q.orderBy, inner) : bindBody(q.body, inner);
  const outputEnv = () => ({
    ctx: inner,
    scope: scopeOf(outputOf(plan)),
    clause: 'ORDER BY',
    allowAggregates: false,
    allowWindows: false,
  });
  if (!selectOwnsOrder && q.orderBy.length)
    plan = { kind: 'sort', input: plan, order: q.orderBy.map((s) => bindSortItem(s, outputEnv())), global: true };
  if (q.distributeBy.length || q.clusterBy.length) {
    const env = { ...outputEnv(), clause: q.clusterBy.length ? 'CLUSTER BY' : 'DISTRIBUTE BY' };
    const keys = (q.clusterBy.length ? q.clusterBy : q.distributeBy).map((e) => bindExpr(e, env));
    plan = { kind: 'repartition', input: plan, keys, shuffle: true };
    if (q.clusterBy.length) plan = { kind: 'sort', input: plan, order: keys.map((expr) => ({ expr, ascending: true, nullsFirst: true })), global: false };
  }
  if (q.sortBy.length) plan = { kind: 'sort', input: plan, order: q.sortBy.map((s) => bindSortItem(s, { ...outputEnv(), clause: 'SORT BY' })), global: false };
  const limit = q.limit ? constantCount(q.limit, 'LIMIT', inner) : undefined;
  const offset = q.offset ? constantCount(q.offset, 'OFFSET', inner) : 0;
  if (limit !== undefined || offset > 0) plan = { kind: 'limit', input: plan, ...(limit !== undefined ? { limit } : {}), offset };
  return plan;
}

/** Binds a subquery expression's query with the enclosing scope visible for correlated references. */
export function bindSubquery(q: ast.Query, ctx: AnalyzerContext, enclosing: Scope): { plan: LogicalPlan } {
  return { plan: bindQuery(q, { ...ctx, outer: [...ctx.outer, enclosing] }) };
}

function withCtes(w: ast.WithClause, ctx: AnalyzerContext): AnalyzerContext {
  if (w.recursive) fail('ANALYSIS_UNSUPPORTED', 'WITH RECURSIVE is not supported', w.span);
  const scope = new Map<string, CteDefinition>();
  let visible = ctx.ctes;
  for (const cte of w.ctes) {
    const key = cte.name.toLowerCase();
    if (scope.has(key)) fail('ANALYSIS_DUPLICATE_CTE', `the CTE name \`${cte.name}\` is defined twice in one WITH clause`, cte.span);
    // Each CTE sees the ones defined before it (and the enclosing query's), not itself.
    scope.set(key, { name: cte.name, ...(cte.columns ? { columns: cte.columns } : {}), query: cte.query, scope: visible });
    visible = [...ctx.ctes, new Map(scope)];
  }
  return { ...ctx, ctes: [...ctx.ctes, scope] };
}

function bindBody(b: ast.QueryBody, ctx: AnalyzerContext): LogicalPlan {
  switch (b.kind) {
    case 'select':
      return bindSelect(b, [], ctx);
    case 'nestedQuery':
      return bindQuery(b.query, ctx);
    case 'valuesBody':
      return bindValues(b.rows, ctx, b.span).plan;
    case 'tableBody':
      return bindRelation({ kind: 'tableRef', name: b.name, ...(b.span ? { span: b.span } : {}) }, ctx, new Map()).plan;
    case 'setOperation':
      return bindSetOperation(b, ctx);
    default:
      return assertNever(b, 'query body');
  }
}

/** Set operations by position: same column count, each column widened to a common type; names from the left. */
function bindSetOperation(b: ast.SetOperation, ctx: AnalyzerContext): LogicalPlan {
  let left = bindBody(b.left, ctx);
  let right = bindBody(b.right, ctx);
  const lc = outputOf(left);
  const rc = outputOf(right);
  const opName = b.op.toUpperCase();
  if (lc.length !== rc.length)
    fail('ANALYSIS_SET_OPERATION_ARITY', `${opName} needs the same number of columns on both sides (${lc.length} and ${rc.length})`, b.span);
  const pairs = lc.map((l, i) => coerceCommon([columnRef(l), columnRef(rc[i]!)], opName, b.span));
  left = castColumns(left, pairs.map((p) => p[0]!), ctx);
  right = castColumns(right, pairs.map((p) => p[1]!), ctx);
  if (b.op !== 'union') return { kind: b.op, left, right, all: b.all };
  const output: Column[] = outputOf(left).map((c, i) => ({
    id: ctx.newId(),
    name: c.name,
    type: c.type,
    nullable: c.nullable || outputOf(right)[i]!.nullable,
  }));
  return { kind: 'union', inputs: [left, right], all: b.all, output };
}

/** A Project casting columns where the coerced expression is not the column itself. */
function castColumns(plan: LogicalPlan, exprs: readonly Expr[], ctx: AnalyzerContext): LogicalPlan {
  const cols = outputOf(plan);
  if (exprs.every((e, i) => e.kind === 'column' && e.id === cols[i]!.id)) return plan;
  const columns: NamedExpr[] = exprs.map((e, i) =>
    e.kind === 'column' && e.id === cols[i]!.id ? { id: e.id, name: e.name, expr: e } : { id: ctx.newId(), name: cols[i]!.name, expr: e },
  );
  return { kind: 'project', input: plan, columns };
}

/** LIMIT and OFFSET take a non-negative integer constant. */
function constantCount(e: ast.Expr, clause: string, ctx: AnalyzerContext): number {
  const bound = bindExpr(e, { ctx: { ...ctx, outer: [] }, scope: EMPTY_SCOPE, clause, allowAggregates: false, allowWindows: false });
  const value = bound.kind === 'literal' && isIntegral(bound.type) && bound.value !== null ? Number(bound.value) : NaN;
  if (!Number.isSafeInteger(value) || value < 0) fail('ANALYSIS_INVALID_LIMIT', `${clause} must be a non-negative integer constant`, e.span as Span | undefined);
  return value;
}
