// Binds one SELECT block, in Spark's order: FROM, WHERE, GROUP BY + aggregates, HAVING, windows, QUALIFY,
// the select list, DISTINCT, then ORDER BY (which may reach columns the select list does not show).
import type * as ast from '../ast/ast.js';
import type { Span } from '../common/diagnostic.js';
import { SqlError, fail } from '../common/errors.js';
import type { Expr, NamedExpr, SortKey } from '../logical/expr.js';
import type { Column, LogicalPlan } from '../logical/plan.js';
import { columnRef } from '../logical/expr-builders.js';
import { mapExprChildren, exprContains } from '../logical/traverse.js';
import { outputOf } from '../logical/output.js';
import type { AnalyzerContext } from './context.js';
import { EMPTY_SCOPE, scopeOf } from './scope.js';
import type { Scope } from './scope.js';
import { bindExpr, bindSortItem } from './bind-expr.js';
import type { ExprEnv } from './bind-expr.js';
import { coerceBoolean } from './coerce.js';
import { autoName } from './auto-name.js';
import { rewriteOverAggregate, exprKey, internalName } from './aggregation.js';
import type { AggregationState, GroupingKey } from './aggregation.js';
import { bindGroupBy } from './group-by.js';
import { buildExpand } from './grouping-sets.js';
import { bindFrom } from './bind-relation.js';
import { readHints } from './hints.js';

interface SelectItem {
  expr: Expr;
  readonly name: string;
  readonly span?: Span;
}

/** One ORDER BY key: bound over the select output, or over the input (then carried as a hidden column). */
interface OrderItem {
  readonly source: ast.SortItem;
  readonly overOutput: boolean;
  /** For input-bound keys: the key as bound against the input. */
  inputKey?: SortKey;
  /** For ordinal keys (`ORDER BY 2`): the select item index. */
  readonly ordinal?: number;
}

export function bindSelect(select: ast.Select, orderBy: readonly ast.SortItem[], ctx: AnalyzerContext): LogicalPlan {
  const hints = readHints(select.hints, ctx);
  const from = select.from.length
    ? bindFrom(select.from, ctx, hints.joinHints)
    : { plan: { kind: 'values' as const, output: [], rows: [[]] }, scope: EMPTY_SCOPE };
  let plan = from.plan;
  const scope = from.scope;
  const env = (clause: string, more: Partial<ExprEnv> = {}): ExprEnv => ({
    ctx,
    scope,
    clause,
    allowAggregates: false,
    allowWindows: false,
    ...more,
  });

  if (select.where) {
    const condition = coerceBoolean(bindExpr(select.where, env('WHERE')), 'WHERE', select.where.span);
    plan = { kind: 'filter', input: plan, condition };
  }

  const windows = new Map(select.windows.map((w) => [w.name.toLowerCase(), w.spec]));
  const itemEnv = env('the select list', { allowAggregates: true, allowWindows: true, windows });
  const items: SelectItem[] = select.items.flatMap((item) =>
    item.kind === 'star'
      ? expandStar(scope, item)
      : [{ expr: bindExpr(item.expr, itemEnv), name: item.alias ?? autoName(item.expr), ...(item.span ? { span: item.span } : {}) }],
  );
  const aliases = new Map(
    select.items.flatMap((item, i) => (item.kind === 'exprItem' && item.alias ? [[item.alias.toLowerCase(), items[i]!.expr] as const] : [])),
  );

  const order = orderBy.map((s) => classifyOrderItem(s, items, ctx));
  for (const o of order)
    if (!o.overOutput && o.ordinal === undefined)
      o.inputKey = bindSortItem(o.source, env('ORDER BY', { allowAggregates: true, allowWindows: true, windows }));

  const grouping = select.groupBy ? bindGroupBy(select.groupBy, items, env('GROUP BY', { aliases }), select.groupBy.span) : undefined;
  const having = select.having
    ? coerceBoolean(
        bindExpr(select.having, env('HAVING', { allowAggregates: true, aliases, windows })),
        'HAVING',
        select.having.span,
      )
    : undefined;
  let qualify = select.qualify
    ? coerceBoolean(bindExpr(select.qualify, env('QUALIFY', { allowAggregates: true, allowWindows: true, windows, aliases })), 'QUALIFY', select.qualify.span)
    : undefined;

  const hasAggregate = (e: Expr) => exprContains(e, (x) => x.kind === 'aggregate' || (x.kind === 'call' && (x.name === 'grouping' || x.name === 'grouping_id')));
  const aggregating =
    grouping !== undefined ||
    having !== undefined ||
    items.some((i) => hasAggregate(i.expr)) ||
    order.some((o) => o.inputKey && hasAggregate(o.inputKey.expr)) ||
    (qualify !== undefined && hasAggregate(qualify));

  if (aggregating) {
    const keys: GroupingKey[] = [];
    let groupingId: Column | undefined;
    let input = plan;
    if (grouping?.sets) {
      const expand = buildExpand(plan, grouping.exprs, grouping.sets, ctx);
      input = expand.plan;
      keys.push(...expand.keys);
      groupingId = expand.groupingId;
    } else {
      for (const e of grouping?.exprs ?? [])
        keys.push({
          expr: e,
          output: e.kind === 'column' ? { id: e.id, name: e.name, type: e.type, nullable: e.nullable } : { id: ctx.newId(), name: internalName(e), type: e.type, nullable: e.nullable },
        });
    }
    const st: AggregationState = { ctx, keys, aggregates: [], ...(groupingId ? { groupingId } : {}) };
    for (const item of items) item.expr = rewriteOverAggregate(item.expr, st, item.span);
    const havingOver = having && rewriteOverAggregate(having, st, select.having?.span);
    for (const o of order)
      if (o.inputKey) o.inputKey = { ...o.inputKey, expr: rewriteOverAggregate(o.inputKey.expr, st, o.source.span) };
    if (qualify) qualify = rewriteOverAggregate(qualify, st, select.qualify?.span);

    const groupKeys: NamedExpr[] = grouping?.sets
      ? [...keys.map((k) => k.output), groupingId!].map((c) => ({ id: c.id, name: c.name, expr: columnRef(c) }))
      : keys.map((k) => ({ id: k.output.id, name: k.output.name, expr: k.expr }));
    plan = { kind: 'aggregate', input, groupKeys, aggregates: st.aggregates };
    if (havingOver) plan = { kind: 'filter', input: plan, condition: havingOver };
  }

  // Window functions anywhere in the select list, QUALIFY or ORDER BY are computed by one Window node.
  const windowExprs: NamedExpr[] = [];
  const liftWindows = (e: Expr): Expr => {
    if (e.kind !== 'window') return mapExprChildren(e, liftWindows);
    const key = exprKey(e);
    let n = windowExprs.find((w) => exprKey(w.expr) === key);
    if (!n) windowExprs.push((n = { id: ctx.newId(), name: internalName(e), expr: e }));
    return columnRef({ id: n.id, name: n.name, type: e.type, nullable: e.nullable });
  };
  for (const item of items) item.expr = liftWindows(item.expr);
  for (const o of order) if (o.inputKey) o.inputKey = { ...o.inputKey, expr: liftWindows(o.inputKey.expr) };
  if (qualify) qualify = liftWindows(qualify);
  if (windowExprs.length) plan = { kind: 'window', input: plan, windows: windowExprs };
  if (qualify) plan = { kind: 'filter', input: plan, condition: qualify };

  // The select list. A plain column keeps its id (once); anything else gets a new one.
  const used = new Set<number>();
  const columns: NamedExpr[] = items.map((item) => {
    const e = item.expr;
    const keep = e.kind === 'column' && e.name === item.name && !used.has(e.id);
    const id = keep ? e.id : ctx.newId();
    used.add(id);
    return { id, name: item.name, expr: e };
  });
  const hidden: NamedExpr[] = order.flatMap((o) => (o.inputKey ? [{ id: ctx.newId(), name: internalName(o.inputKey.expr), expr: o.inputKey.expr }] : []));
  if (hidden.length && select.distinct)
    fail(
      'ANALYSIS_ORDER_BY_NOT_IN_SELECT',
      'with SELECT DISTINCT, ORDER BY expressions must appear in the select list',
      order.find((o) => o.inputKey)?.source.span,
    );
  plan = { kind: 'project', input: plan, columns: [...columns, ...hidden] };
  if (select.distinct) plan = { kind: 'distinct', input: plan };
  plan = hints.applyRepartition(plan);

  if (order.length) {
    const outputScope = scopeOf(outputOf(plan).slice(0, columns.length));
    let h = 0;
    const keys = order.map((o): SortKey => {
      if (o.ordinal !== undefined) return ordinalKey(o, outputOf(plan)[o.ordinal]!);
      if (o.overOutput) return bindSortItem(o.source, { ctx, scope: outputScope, clause: 'ORDER BY', allowAggregates: false, allowWindows: false });
      const c = hidden[h++]!;
      return { ...o.inputKey!, expr: columnRef({ id: c.id, name: c.name, type: c.expr.type, nullable: c.expr.nullable }) };
    });
    plan = { kind: 'sort', input: plan, order: keys, global: true };
    if (hidden.length) plan = { kind: 'project', input: plan, columns: outputOf(plan).slice(0, columns.length).map((c) => ({ id: c.id, name: c.name, expr: columnRef(c) })) };
  }
  return plan;
}

function ordinalKey(o: OrderItem, c: Column): SortKey {
  const ascending = o.source.direction !== 'desc';
  return { expr: columnRef(c), ascending, nullsFirst: o.source.nulls ? o.source.nulls === 'first' : ascending };
}

/**
 * ORDER BY resolves like Spark: an integer literal is a select-list ordinal; otherwise the select output
 * (aliases) is tried first, and the FROM scope when that fails.
 */
function classifyOrderItem(s: ast.SortItem, items: readonly SelectItem[], ctx: AnalyzerContext): OrderItem {
  const e = s.expr;
  if (e.kind === 'literal' && e.literal.type === 'number' && /^\d+$/.test(e.literal.text) && !e.literal.suffix) {
    const n = Number(e.literal.text);
    if (n < 1 || n > items.length)
      fail('ANALYSIS_ORDINAL_OUT_OF_RANGE', `ORDER BY position ${n} is not in the select list (1 to ${items.length})`, e.span);
    return { source: s, overOutput: true, ordinal: n - 1 };
  }
  // Probe the output names with provisional columns; ids do not matter for the probe.
  const probe = scopeOf(items.map((it, i) => ({ id: -1 - i, name: it.name, type: it.expr.type, nullable: it.expr.nullable })));
  try {
    bindExpr(e, { ctx: { ...ctx, outer: [], warnings: [] }, scope: probe, clause: 'ORDER BY', allowAggregates: false, allowWindows: false });
    return { source: s, overOutput: true };
  } catch (err) {
    if (err instanceof SqlError) return { source: s, overOutput: false };
    throw err;
  }
}

function expandStar(scope: Scope, item: ast.StarItem): SelectItem[] {
  const q = item.qualifier?.map((p) => p.toLowerCase());
  const qualifier = q?.[q.length - 1];
  const entries = scope.entries.filter((e) => !e.hidden && (qualifier === undefined || e.qualifier === qualifier));
  if (qualifier !== undefined && entries.length === 0)
    fail('ANALYSIS_UNRESOLVED_STAR', `cannot expand \`${item.qualifier!.join('.')}.*\`: no table or alias \`${item.qualifier!.join('.')}\` in FROM`, item.span);
  if (qualifier === undefined && entries.length === 0 && scope.entries.length === 0)
    fail('ANALYSIS_UNRESOLVED_STAR', '`*` needs a FROM clause', item.span);
  return entries.map((e) => ({ expr: columnRef(e.column), name: e.column.name, ...(item.span ? { span: item.span } : {}) }));
}
