// Binds FROM items to plans with scopes: tables and views from the catalog, CTEs, files, subqueries,
// VALUES, range(), and joins (ON, USING, NATURAL). Comma-separated items are inner joins without condition.
import type * as ast from '../ast/ast.js';
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import { assertNever } from '../common/assert-never.js';
import { T } from '../types/data-type.js';
import type { Expr, NamedExpr } from '../logical/expr.js';
import type { Column, JoinType, LogicalPlan, Scan } from '../logical/plan.js';
import { call, columnRef, conjunction } from '../logical/expr-builders.js';
import { outputOf } from '../logical/output.js';
import type { AnalyzerContext, CatalogTable } from './context.js';
import { findCte } from './context.js';
import { concatScopes, requalify, scopeOf, EMPTY_SCOPE } from './scope.js';
import type { Scope, ScopeEntry } from './scope.js';
import { bindExpr } from './bind-expr.js';
import { coerceBoolean, coerceCommon, comparison } from './coerce.js';
import { bindQuery } from './bind-query.js';
import { didYouMean } from './suggest.js';
import type { JoinHints } from './hints.js';

export interface BoundRelation {
  readonly plan: LogicalPlan;
  readonly scope: Scope;
}

export function bindFrom(relations: readonly ast.Relation[], ctx: AnalyzerContext, hints: JoinHints): BoundRelation {
  return relations
    .map((r) => bindRelation(r, ctx, hints))
    .reduce((left, right) => ({
      plan: { kind: 'join', joinType: 'inner', left: left.plan, right: right.plan },
      scope: concatScopes(left.scope, right.scope),
    }));
}

export function bindRelation(r: ast.Relation, ctx: AnalyzerContext, hints: JoinHints): BoundRelation {
  switch (r.kind) {
    case 'tableRef':
      return withHint(bindTableRef(r, ctx), r.alias?.name ?? r.name[r.name.length - 1]!, hints);
    case 'fileRef': {
      if (r.format.toLowerCase() !== 'parquet')
        fail('ANALYSIS_UNSUPPORTED_FORMAT', `reading \`${r.format}\` files is not supported (only parquet)`, r.span);
      const plan = scanOf(ctx.catalog.fileTable(r.path), r.path, ctx);
      return withHint(aliased({ plan, scope: scopeOf(plan.columns) }, r.alias, undefined, ctx), r.alias?.name, hints);
    }
    case 'subqueryRef': {
      const plan = bindQuery(r.query, ctx);
      return withHint(aliased({ plan, scope: scopeOf(outputOf(plan)) }, r.alias, undefined, ctx), r.alias?.name, hints);
    }
    case 'valuesRef':
      return aliased(bindValues(r.rows, ctx, r.span), r.alias, undefined, ctx);
    case 'tableFunctionRef':
      return aliased(bindTableFunction(r, ctx), r.alias, undefined, ctx);
    case 'join':
      return bindJoin(r, ctx, hints);
    default:
      return assertNever(r, 'relation');
  }
}

function withHint(b: BoundRelation, name: string | undefined, hints: JoinHints): BoundRelation {
  const h = name === undefined ? undefined : hints.get(name.toLowerCase());
  if (!h) return b;
  h.used = true;
  return { plan: { kind: 'hint', input: b.plan, strategy: h.strategy }, scope: b.scope };
}

/** Applies `AS alias(c1, c2…)`: renames columns (new ids) and re-qualifies; `defaultName` names it when unaliased. */
function aliased(b: BoundRelation, alias: ast.TableAlias | undefined, defaultName: string | undefined, ctx: AnalyzerContext): BoundRelation {
  let { plan } = b;
  const name = alias?.name ?? defaultName;
  if (alias?.columns) {
    const cols = outputOf(plan);
    if (alias.columns.length !== cols.length)
      fail(
        'ANALYSIS_ALIAS_COLUMNS',
        `the alias \`${alias.name}\` names ${alias.columns.length} column${alias.columns.length === 1 ? '' : 's'} but the relation has ${cols.length}`,
        alias.span,
      );
    plan = renameColumns(plan, alias.columns, ctx);
  }
  if (name === undefined) return { plan, scope: alias?.columns ? scopeOf(outputOf(plan)) : b.scope };
  plan = { kind: 'subqueryAlias', input: plan, alias: name };
  return { plan, scope: requalify(scopeOf(outputOf(plan)), name) };
}

function renameColumns(plan: LogicalPlan, names: readonly string[], ctx: AnalyzerContext): LogicalPlan {
  const columns: NamedExpr[] = outputOf(plan).map((c, i) => ({ id: ctx.newId(), name: names[i]!, expr: columnRef(c) }));
  return { kind: 'project', input: plan, columns };
}

// ───────────────────────────── tables, views, CTEs ─────────────────────────────

function bindTableRef(r: ast.TableRelation, ctx: AnalyzerContext): BoundRelation {
  const display = r.name.join('.');
  const defaultName = r.name[r.name.length - 1]!;
  if (r.name.length === 1) {
    const cte = findCte(ctx, defaultName);
    if (cte) {
      const plan = bindQuery(cte.query, { ...ctx, ctes: cte.scope, outer: [] });
      const named = cte.columns ? renameChecked(plan, cte.columns, `the CTE \`${cte.name}\``, r.span, ctx) : plan;
      return aliased({ plan: named, scope: scopeOf(outputOf(named)) }, r.alias, cte.name, ctx);
    }
  }
  const entry = ctx.catalog.lookup(r.name);
  if (!entry) {
    const candidates = [...ctx.catalog.names(), ...ctx.ctes.flatMap((m) => [...m.values()].map((c) => c.name))];
    return fail('ANALYSIS_TABLE_NOT_FOUND', `table or view \`${display}\` not found`, r.span, didYouMean(display, candidates));
  }
  if (entry.kind === 'table') {
    const plan = scanOf(entry.table, defaultName, ctx);
    return aliased({ plan, scope: scopeOf(plan.columns) }, r.alias, defaultName, ctx);
  }
  const key = display.toLowerCase();
  if (ctx.viewStack.includes(key))
    fail('ANALYSIS_RECURSIVE_VIEW', `view \`${display}\` refers to itself (${[...ctx.viewStack, key].join(' → ')})`, r.span);
  // A view is analyzed in its own context: no CTEs or outer columns of the query that uses it.
  const plan = bindQuery(entry.view.query as ast.Query, { ...ctx, ctes: [], outer: [], viewStack: [...ctx.viewStack, key] });
  const named = entry.view.columnNames ? renameChecked(plan, entry.view.columnNames, `the view \`${display}\``, r.span, ctx) : plan;
  return aliased({ plan: named, scope: scopeOf(outputOf(named)) }, r.alias, defaultName, ctx);
}

function renameChecked(plan: LogicalPlan, names: readonly string[], what: string, span: Span | undefined, ctx: AnalyzerContext): LogicalPlan {
  const n = outputOf(plan).length;
  if (names.length !== n) fail('ANALYSIS_ALIAS_COLUMNS', `${what} names ${names.length} columns but its query returns ${n}`, span);
  return renameColumns(plan, names, ctx);
}

/** A scan of every column of the table, each with a fresh id (so a self-join's sides are distinct). */
function scanOf(table: CatalogTable, name: string, ctx: AnalyzerContext): Scan {
  const columns: Column[] = [...table.dataColumns, ...table.partitionColumns].map((c) => ({
    id: ctx.newId(),
    name: c.name,
    type: c.type,
    nullable: c.nullable,
  }));
  return {
    kind: 'scan',
    source: { format: 'parquet', name, location: table.location, partitionColumns: table.partitionColumns.map((c) => c.name) },
    columns,
    filters: [],
  };
}

// ───────────────────────────── inline data ─────────────────────────────

/** VALUES rows: constant expressions, each column widened to a common type; columns named col1, col2… as Spark does. */
export function bindValues(rows: readonly (readonly ast.Expr[])[], ctx: AnalyzerContext, span?: Span): BoundRelation {
  const width = rows[0]?.length ?? 0;
  const env = { ctx: { ...ctx, outer: [] }, scope: EMPTY_SCOPE, clause: 'VALUES', allowAggregates: false, allowWindows: false };
  const bound = rows.map((row) => {
    if (row.length !== width) fail('ANALYSIS_VALUES_ARITY', `VALUES rows must have the same number of columns (${width} and ${row.length})`, row[0]?.span ?? span);
    return row.map((e) => bindExpr(e, env));
  });
  const columnsByIndex = Array.from({ length: width }, (_, j) => coerceCommon(bound.map((row) => row[j]!), 'VALUES', span));
  const cells = bound.map((_, i) => columnsByIndex.map((col) => col[i]!));
  const output: Column[] = columnsByIndex.map((col, j) => ({
    id: ctx.newId(),
    name: `col${j + 1}`,
    type: col[0]!.type,
    nullable: col.some((e) => e.nullable),
  }));
  const plan: LogicalPlan = { kind: 'values', output, rows: cells };
  return { plan, scope: scopeOf(output) };
}

function bindTableFunction(r: ast.TableFunctionRelation, ctx: AnalyzerContext): BoundRelation {
  const name = r.name.join('.').toLowerCase();
  if (name !== 'range') fail('ANALYSIS_UNKNOWN_FUNCTION', `unknown table-valued function \`${r.name.join('.')}\``, r.span, didYouMean(name, ['range']));
  const env = { ctx: { ...ctx, outer: [] }, scope: EMPTY_SCOPE, clause: 'range()', allowAggregates: false, allowWindows: false };
  const args = r.args.map((a) => {
    const e = bindExpr(a, env);
    const v = e.kind === 'literal' && (e.type.kind === 'int' || e.type.kind === 'bigint' || e.type.kind === 'smallint' || e.type.kind === 'tinyint') ? Number(e.value) : NaN;
    if (!Number.isSafeInteger(v)) fail('ANALYSIS_FUNCTION_ARGUMENTS', 'the arguments of range() must be integer constants', a.span ?? r.span);
    return v;
  });
  if (args.length < 1 || args.length > 4) fail('ANALYSIS_FUNCTION_ARGUMENTS', `range() takes 1 to 4 arguments, got ${args.length}`, r.span);
  const [start, end, step] = args.length === 1 ? [0, args[0]!, 1] : [args[0]!, args[1]!, args[2] ?? 1];
  if (step === 0) fail('ANALYSIS_FUNCTION_ARGUMENTS', 'the step of range() must not be 0', r.span);
  const output: [Column] = [{ id: ctx.newId(), name: 'id', type: T.bigint, nullable: false }];
  return { plan: { kind: 'range', output, start, end, step }, scope: scopeOf(output) };
}

// ───────────────────────────── joins ─────────────────────────────

function bindJoin(r: ast.JoinRelation, ctx: AnalyzerContext, hints: JoinHints): BoundRelation {
  const left = bindRelation(r.left, ctx, hints);
  const right = bindRelation(r.right, ctx, hints);
  // CROSS JOIN … ON is an inner join, as in Spark.
  const joinType: JoinType = r.joinType === 'cross' && r.criteria ? 'inner' : r.joinType;
  if (r.natural || r.criteria?.kind === 'using') {
    const names = r.natural ? commonColumnNames(left.scope, right.scope) : (r.criteria as { columns: readonly string[] }).columns;
    return bindUsingJoin(joinType, left, right, names, ctx, r.span);
  }
  const both = concatScopes(left.scope, right.scope);
  const condition = r.criteria
    ? coerceBoolean(
        bindExpr(r.criteria.condition, { ctx, scope: both, clause: 'a join condition', allowAggregates: false, allowWindows: false }),
        'ON',
        r.criteria.condition.span,
      )
    : undefined;
  const plan: LogicalPlan = { kind: 'join', joinType, left: left.plan, right: right.plan, ...(condition ? { condition } : {}) };
  const semi = joinType === 'semi' || joinType === 'anti';
  const nullable = (s: Scope, yes: boolean): Scope => (yes ? { entries: s.entries.map((e) => ({ ...e, column: { ...e.column, nullable: true } })) } : s);
  return {
    plan,
    scope: semi
      ? left.scope
      : concatScopes(nullable(left.scope, joinType === 'right' || joinType === 'full'), nullable(right.scope, joinType === 'left' || joinType === 'full')),
  };
}

function commonColumnNames(left: Scope, right: Scope): string[] {
  const rightNames = new Set(right.entries.filter((e) => !e.hidden).map((e) => e.column.name.toLowerCase()));
  const seen = new Set<string>();
  return left.entries
    .filter((e) => !e.hidden)
    .map((e) => e.column.name)
    .filter((n) => rightNames.has(n.toLowerCase()) && !seen.has(n.toLowerCase()) && (seen.add(n.toLowerCase()), true));
}

/**
 * USING / NATURAL joins, as Spark: the join columns come first (the left's, the right's for RIGHT JOIN,
 * coalesce(l, r) for FULL), then the other left columns, then the other right columns. The sides' own
 * copies stay reachable by qualified name (`t2.k`).
 */
function bindUsingJoin(
  joinType: JoinType,
  left: BoundRelation,
  right: BoundRelation,
  names: readonly string[],
  ctx: AnalyzerContext,
  span?: Span,
): BoundRelation {
  const find = (side: BoundRelation, which: string, name: string): ScopeEntry => {
    const matches = side.scope.entries.filter((e) => !e.hidden && e.column.name.toLowerCase() === name.toLowerCase());
    if (matches.length === 0)
      fail('ANALYSIS_USING_COLUMN', `USING column \`${name}\` cannot be resolved on the ${which} side of the join`, span, didYouMean(name, side.scope.entries.map((e) => e.column.name)));
    if (new Set(matches.map((m) => m.column.id)).size > 1) fail('ANALYSIS_AMBIGUOUS_COLUMN', `USING column \`${name}\` is ambiguous on the ${which} side of the join`, span);
    return matches[0]!;
  };
  const pairs = names.map((n) => ({ l: find(left, 'left', n), r: find(right, 'right', n) }));
  const condition = conjunction(pairs.map(({ l, r }) => comparison('=', columnRef(l.column), columnRef(r.column), span)));
  const join: LogicalPlan = { kind: 'join', joinType, left: left.plan, right: right.plan, ...(pairs.length ? { condition } : {}) };
  if (joinType === 'semi' || joinType === 'anti') return { plan: join, scope: left.scope };

  const out = outputOf(join);
  const outById = new Map(out.map((c) => [c.id, c]));
  const usingCols: NamedExpr[] = pairs.map(({ l, r }) => {
    const lc = outById.get(l.column.id)!;
    const rc = outById.get(r.column.id)!;
    if (joinType === 'full') {
      const [a, b] = coerceCommon([columnRef(lc), columnRef(rc)], 'USING', span);
      const expr: Expr = call('coalesce', [a!, b!], a!.type, lc.nullable && rc.nullable);
      return { id: ctx.newId(), name: l.column.name, expr };
    }
    const c = joinType === 'right' ? rc : lc;
    return { id: c.id, name: c.name, expr: columnRef(c) };
  });
  const usingIds = new Set(pairs.flatMap(({ l, r }) => [l.column.id, r.column.id]));
  const rest = out.filter((c) => !usingIds.has(c.id)).map((c) => ({ id: c.id, name: c.name, expr: columnRef(c) }));
  const shownIds = new Set(usingCols.map((c) => c.id));
  const sideCopies = pairs.flatMap(({ l, r }) => [l, r]).filter((e) => !shownIds.has(e.column.id));
  const copies: NamedExpr[] = sideCopies.map((e) => {
    const c = outById.get(e.column.id)!;
    return { id: c.id, name: c.name, expr: columnRef(c) };
  });
  const plan: LogicalPlan = { kind: 'project', input: join, columns: [...usingCols, ...rest, ...copies] };

  const entryFor = (id: number): ScopeEntry | undefined => [...left.scope.entries, ...right.scope.entries].find((e) => e.column.id === id);
  const projected = new Map(outputOf(plan).map((c) => [c.id, c]));
  const scope: Scope = {
    entries: [
      ...usingCols.map((c) => ({ column: projected.get(c.id)!, hidden: false })),
      ...rest.map((c) => {
        const e = entryFor(c.id)!;
        return { ...e, column: projected.get(c.id)! };
      }),
      // Qualified access to each side's own copy (t1.k, t2.k).
      ...pairs.flatMap(({ l, r }) => [l, r]).map((e) => ({ ...e, column: projected.get(e.column.id)!, hidden: true })),
    ],
  };
  return { plan, scope };
}
