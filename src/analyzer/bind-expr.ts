// Binds AST expressions to typed logical expressions: resolves names, types literals, inserts casts.
import type * as ast from '../ast/ast.js';
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import { assertNever } from '../common/assert-never.js';
import { T, isIntegral, typeToString } from '../types/data-type.js';
import { bitwiseNotType, unaryMinusType } from '../types/coercion.js';
import type { DataType } from '../types/data-type.js';
import type { Expr, FrameBound, SortKey, WindowFrame, AggregateExpr, WindowExpr } from '../logical/expr.js';
import { and, call, cast, columnRef, isNull, literal, not, or } from '../logical/expr-builders.js';
import { outputOf } from '../logical/output.js';
import type { AnalyzerContext } from './context.js';
import type { Scope } from './scope.js';
import { resolveName, visibleNames } from './scope.js';
import { didYouMean } from './suggest.js';
import { intervalLiteral, numberLiteral, parseDate, parseTimestamp } from './literals.js';
import { arithmetic, castArgs, coerceBoolean, coerceCommon, comparison, explicitCast } from './coerce.js';
import { lookupFunction, functionNames } from './functions/registry.js';
import type { ResolvedCall } from './functions/registry.js';
import { bindSubquery } from './bind-query.js';

export interface ExprEnv {
  readonly ctx: AnalyzerContext;
  readonly scope: Scope;
  /** The clause being bound, for messages: "aggregate functions are not allowed in WHERE". */
  readonly clause: string;
  readonly allowAggregates: boolean;
  readonly allowWindows: boolean;
  /** Select-list aliases, tried after the scope (Spark allows them in GROUP BY and HAVING). */
  readonly aliases?: ReadonlyMap<string, Expr>;
  /** Named windows of the WINDOW clause. */
  readonly windows?: ReadonlyMap<string, ast.WindowSpec>;
  /** Set while binding an aggregate's arguments: aggregates may not nest. */
  readonly insideAggregate?: boolean;
}

export function bindExpr(e: ast.Expr, env: ExprEnv): Expr {
  switch (e.kind) {
    case 'literal':
      return bindLiteral(e.literal, env, e.span);
    case 'interval':
      return literal(intervalLiteral(e.parts, e.to, e.span), T.interval);
    case 'column':
      return resolveColumn(e.parts, env, e.span);
    case 'starArg':
      return fail('ANALYSIS_INVALID_STAR', '`*` is only allowed in a select list or as count(*)', e.span);
    case 'unary':
      return bindUnary(e, env);
    case 'binary':
      return bindBinary(e.op, bindExpr(e.left, env), bindExpr(e.right, env), e.span);
    case 'isNull':
      return isNull(bindExpr(e.operand, env), e.negated);
    case 'isDistinctFrom': {
      const eq = comparison('<=>', bindExpr(e.left, env), bindExpr(e.right, env), e.span);
      return e.negated ? eq : not(eq);
    }
    case 'between': {
      // Spark rewrites BETWEEN into two comparisons, each coerced on its own.
      const operand = bindExpr(e.operand, env);
      const range = and(
        comparison('>=', operand, bindExpr(e.low, env), e.span),
        comparison('<=', operand, bindExpr(e.high, env), e.span),
      );
      return e.negated ? not(range) : range;
    }
    case 'inList': {
      const [operand, ...list] = coerceCommon([bindExpr(e.operand, env), ...e.list.map((x) => bindExpr(x, env))], 'IN', e.span);
      const inList: Expr = {
        kind: 'inList',
        operand: operand!,
        list,
        type: T.boolean,
        nullable: operand!.nullable || list.some((x) => x.nullable),
      };
      return e.negated ? not(inList) : inList;
    }
    case 'inSubquery':
      return bindInSubquery(e, env);
    case 'exists': {
      const { plan } = bindSubquery(e.query, env.ctx, env.scope);
      const exists: Expr = { kind: 'exists', plan, type: T.boolean, nullable: false };
      return e.negated ? not(exists) : exists;
    }
    case 'scalarSubquery': {
      const { plan } = bindSubquery(e.query, env.ctx, env.scope);
      const cols = outputOf(plan);
      if (cols.length !== 1)
        fail('ANALYSIS_SUBQUERY_COLUMNS', `a scalar subquery must return one column, this one returns ${cols.length}`, e.span);
      return { kind: 'scalarSubquery', plan, type: cols[0]!.type, nullable: true };
    }
    case 'like':
      return bindLike(e, env);
    case 'case':
      return bindCase(e, env);
    case 'cast':
      return explicitCast(bindExpr(e.operand, env), e.type, e.safe, e.span);
    case 'call':
      return bindCall(e, env);
    case 'extract':
      return bindExtract(e, env);
    case 'subscript':
      return bindSubscript(bindExpr(e.base, env), bindExpr(e.index, env), e.span);
    case 'fieldAccess':
      return fieldAccess(bindExpr(e.base, env), e.field, e.span);
    default:
      return assertNever(e, 'expression');
  }
}

// ───────────────────────────── names ─────────────────────────────

function resolveColumn(parts: readonly string[], env: ExprEnv, span?: Span): Expr {
  const found = resolveName(env.scope, parts, span);
  if (found) return accessFields(columnRef(found.entry.column), found.fields, span);
  if (parts.length === 1) {
    const alias = env.aliases?.get(parts[0]!.toLowerCase());
    if (alias) return alias;
  }
  // Correlated reference: the innermost enclosing query that has the name.
  for (let i = env.ctx.outer.length - 1; i >= 0; i--) {
    const outer = resolveName(env.ctx.outer[i]!, parts, span);
    if (outer) {
      const c = outer.entry.column;
      const ref: Expr = { kind: 'outerColumn', id: c.id, name: c.name, type: c.type, nullable: c.nullable };
      return accessFields(ref, outer.fields, span);
    }
  }
  const candidates = [...visibleNames(env.scope), ...(env.aliases?.keys() ?? []), ...env.ctx.outer.flatMap(visibleNames)];
  return fail(
    'ANALYSIS_UNRESOLVED_COLUMN',
    `column \`${parts.join('.')}\` cannot be resolved`,
    span,
    didYouMean(parts.join('.'), candidates) ?? (candidates.length ? `available: ${[...new Set(candidates)].slice(0, 8).map((c) => `\`${c}\``).join(', ')}` : undefined),
  );
}

function accessFields(base: Expr, fields: readonly string[], span?: Span): Expr {
  return fields.reduce((e, f) => fieldAccess(e, f, span), base);
}

function fieldAccess(base: Expr, field: string, span?: Span): Expr {
  if (base.type.kind !== 'struct')
    fail('ANALYSIS_FIELD_ACCESS', `cannot access field \`${field}\` of a value of type ${typeToString(base.type)}`, span);
  const f = base.type.fields.find((x) => x.name.toLowerCase() === field.toLowerCase());
  if (!f)
    fail('ANALYSIS_FIELD_ACCESS', `no field \`${field}\` in ${typeToString(base.type)}`, span, didYouMean(field, base.type.fields.map((x) => x.name)));
  return { kind: 'field', operand: base, field: f.name, type: f.type, nullable: base.nullable || f.nullable };
}

function bindSubscript(base: Expr, index: Expr, span?: Span): Expr {
  if (base.type.kind === 'array') {
    const [i] = castArgs([index], [T.int], span);
    return { kind: 'subscript', operand: base, index: i!, type: base.type.element, nullable: true };
  }
  if (base.type.kind === 'map') {
    const [k] = castArgs([index], [base.type.key], span);
    return { kind: 'subscript', operand: base, index: k!, type: base.type.value, nullable: true };
  }
  return fail('ANALYSIS_TYPE_MISMATCH', `cannot subscript a value of type ${typeToString(base.type)}`, span);
}

// ───────────────────────────── literals and operators ─────────────────────────────

function bindLiteral(l: ast.Literal, env: ExprEnv, span?: Span): Expr {
  switch (l.type) {
    case 'null':
      return literal(null, T.null);
    case 'boolean':
      return literal(l.value, T.boolean);
    case 'number': {
      const { value, type } = numberLiteral(l.text, l.suffix, false, span);
      return literal(value, type);
    }
    case 'string':
      return literal(l.value, T.string);
    case 'binary':
      if (l.hex.length % 2 !== 0 || !/^[0-9a-fA-F]*$/.test(l.hex))
        fail('ANALYSIS_INVALID_LITERAL', `X'${l.hex}' is not a valid binary literal`, span);
      return literal(l.hex.toLowerCase(), T.binary);
    case 'typed': {
      if (l.typeName === 'date') {
        const days = parseDate(l.value);
        if (days === undefined) fail('ANALYSIS_INVALID_LITERAL', `'${l.value}' is not a valid DATE`, span, "write dates as 'yyyy-mm-dd'");
        return literal(days!, T.date);
      }
      const ntz = l.typeName === 'timestamp_ntz';
      const micros = parseTimestamp(l.value, env.ctx.options.timeZone, ntz);
      if (micros === undefined)
        fail('ANALYSIS_INVALID_LITERAL', `'${l.value}' is not a valid TIMESTAMP`, span, "write timestamps as 'yyyy-mm-dd hh:mm:ss[.ffffff]'");
      return literal(micros!, ntz ? T.timestamp_ntz : T.timestamp);
    }
    default:
      return assertNever(l, 'literal');
  }
}

function bindUnary(e: ast.UnaryExpr, env: ExprEnv): Expr {
  const o = e.operand;
  // Fold the sign into number literals so -2147483648 is an int and -1.5 a decimal literal, as in Spark.
  if (e.op === '-' && o.kind === 'literal' && o.literal.type === 'number') {
    const { value, type } = numberLiteral(o.literal.text, o.literal.suffix, true, e.span);
    return literal(value, type);
  }
  const operand = bindExpr(o, env);
  switch (e.op) {
    case 'not':
      return not(coerceBoolean(operand, 'NOT', e.span));
    case '+':
    case '-': {
      const t = unaryMinusType(operand.type);
      if (!t) fail('ANALYSIS_TYPE_MISMATCH', `unary ${e.op} needs a numeric or interval operand, not ${typeToString(operand.type)}`, e.span);
      const numeric = cast(operand, t!);
      return e.op === '+' ? numeric : { kind: 'unary', op: 'negate', operand: numeric, type: t!, nullable: numeric.nullable };
    }
    case '~': {
      const t = bitwiseNotType(operand.type);
      if (!t) fail('ANALYSIS_TYPE_MISMATCH', `~ needs an integral operand, not ${typeToString(operand.type)}`, e.span);
      const integral = cast(operand, t!);
      return { kind: 'unary', op: 'bit_not', operand: integral, type: t!, nullable: integral.nullable };
    }
    default:
      return assertNever(e.op, 'unary operator');
  }
}

export function bindBinary(op: ast.BinaryOperator, left: Expr, right: Expr, span?: Span): Expr {
  switch (op) {
    case 'and':
    case 'or': {
      const l = coerceBoolean(left, op.toUpperCase(), span);
      const r = coerceBoolean(right, op.toUpperCase(), span);
      return op === 'and' ? and(l, r) : or(l, r);
    }
    case '=':
    case '<>':
    case '<':
    case '<=':
    case '>':
    case '>=':
    case '<=>':
      return comparison(op, left, right, span);
    case '||': {
      const args = castArgs([left, right], [T.string, T.string], span);
      return call('concat', args, T.string, args.some((a) => a.nullable));
    }
    case '+':
    case '-':
    case '*':
    case '/':
    case '%':
    case 'div':
    case '&':
    case '|':
    case '^':
      return arithmetic(op, left, right, span);
    default:
      return assertNever(op, 'binary operator');
  }
}

function bindLike(e: ast.LikeExpr, env: ExprEnv): Expr {
  const [operand] = castArgs([bindExpr(e.operand, env)], [T.string], e.span);
  if (e.escape !== undefined && (e.escape.length !== 1 || e.op === 'rlike'))
    fail('ANALYSIS_INVALID_ESCAPE', `the ESCAPE of ${e.op.toUpperCase()} must be a single character`, e.span);
  const one = (p: ast.Expr): Expr => {
    const [pattern] = castArgs([bindExpr(p, env)], [T.string], e.span);
    const like: Expr = {
      kind: 'like',
      op: e.op,
      operand: operand!,
      pattern: pattern!,
      escape: e.escape ?? '\\',
      type: T.boolean,
      nullable: operand!.nullable || pattern!.nullable,
    };
    return e.negated ? not(like) : like;
  };
  const likes = e.patterns.map(one);
  if (likes.length === 0) fail('ANALYSIS_INVALID_LIKE', `${e.op.toUpperCase()} ${e.quantifier?.toUpperCase()} needs at least one pattern`, e.span);
  // LIKE ANY (p1, p2) = p1 OR p2; LIKE ALL = AND; NOT LIKE ANY = NOT p1 OR NOT p2 (Spark's semantics).
  return likes.reduce((a, b) => (e.quantifier === 'all' ? and(a, b) : or(a, b)));
}

function bindCase(e: ast.CaseExpr, env: ExprEnv): Expr {
  const operand = e.operand ? bindExpr(e.operand, env) : undefined;
  const conditions = e.whens.map((w) => {
    const when = bindExpr(w.when, env);
    return operand ? comparison('=', operand, when, w.when.span) : coerceBoolean(when, 'CASE WHEN', w.when.span);
  });
  const results = coerceCommon(
    [...e.whens.map((w) => bindExpr(w.then, env)), ...(e.else ? [bindExpr(e.else, env)] : [])],
    'CASE',
    e.span,
  );
  const whens = conditions.map((when, i) => ({ when, then: results[i]! }));
  const otherwise = e.else ? results[results.length - 1] : undefined;
  const type = results[0]!.type;
  return {
    kind: 'case',
    whens,
    ...(otherwise ? { else: otherwise } : {}),
    type,
    nullable: !otherwise || results.some((r) => r.nullable),
  };
}

function bindInSubquery(e: ast.InSubqueryExpr, env: ExprEnv): Expr {
  const operands = e.operands.map((o) => bindExpr(o, env));
  const { plan } = bindSubquery(e.query, env.ctx, env.scope);
  const cols = outputOf(plan);
  if (cols.length !== operands.length)
    fail(
      'ANALYSIS_SUBQUERY_COLUMNS',
      `the IN subquery returns ${cols.length} column${cols.length === 1 ? '' : 's'} but ${operands.length} value${operands.length === 1 ? ' is' : 's are'} compared`,
      e.span,
    );
  // Coerce each operand with its subquery column; the subquery side is cast by a Project over it.
  const pairs = operands.map((o, i) => coerceCommon([o, columnRef(cols[i]!)], 'IN', e.span));
  const castNeeded = pairs.some(([, c], i) => c!.kind !== 'column' || c!.id !== cols[i]!.id);
  const subplan = castNeeded
    ? {
        kind: 'project' as const,
        input: plan,
        columns: pairs.map(([, c], i) => (c!.kind === 'column' ? { id: c!.id, name: c!.name, expr: c! } : { id: env.ctx.newId(), name: cols[i]!.name, expr: c! })),
      }
    : plan;
  const inSub: Expr = {
    kind: 'inSubquery',
    operands: pairs.map(([o]) => o!),
    plan: subplan,
    type: T.boolean,
    nullable: true,
  };
  return e.negated ? not(inSub) : inSub;
}

/** EXTRACT(field FROM e) is date_part('field', e), which knows Spark's fields, synonyms and result types. */
function bindExtract(e: ast.ExtractExpr, env: ExprEnv): Expr {
  return resolveScalar('date_part', [literal(e.field.toLowerCase(), T.string), bindExpr(e.operand, env)], e.span);
}

// ───────────────────────────── function calls ─────────────────────────────

function bindCall(e: ast.FunctionCallExpr, env: ExprEnv): Expr {
  const name = e.name.map((p) => p.toLowerCase()).join('.');
  if (name === 'grouping' || name === 'grouping_id') return bindGroupingCall(name, e, env);
  const def = lookupFunction(name);
  if (!def) {
    fail('ANALYSIS_UNKNOWN_FUNCTION', `unknown function \`${e.name.join('.')}\``, e.span, didYouMean(name, functionNames()));
  }
  const kind = def!.kind;
  if (kind === 'scalar') {
    if (e.over) fail('ANALYSIS_NOT_A_WINDOW_FUNCTION', `\`${name}\` is not an aggregate or window function and cannot have OVER`, e.span);
    if (e.distinct) fail('ANALYSIS_INVALID_DISTINCT', `DISTINCT is only allowed in aggregate functions, not in \`${name}\``, e.span);
    if (e.filter) fail('ANALYSIS_INVALID_FILTER', `FILTER is only allowed on aggregate functions, not on \`${name}\``, e.span);
    return resolveScalar(def!.name, e.args.map((a) => bindArg(a, env, e)), e.span);
  }
  if (kind === 'window' && !e.over)
    fail('ANALYSIS_WINDOW_WITHOUT_OVER', `window function \`${name}\` requires an OVER clause`, e.span);
  if (e.over) return bindWindowCall(def!.name, e, env);
  return bindAggregateCall(def!.name, e, env);
}

/** count(*) is count(1); other `*` arguments are errors. */
function bindArg(a: ast.Expr, env: ExprEnv, call: ast.FunctionCallExpr): Expr {
  if (a.kind === 'starArg') {
    const name = call.name.join('.').toLowerCase();
    if (name !== 'count' || call.args.length !== 1 || a.qualifier)
      fail('ANALYSIS_INVALID_STAR', `\`*\` is not a valid argument of \`${name}\``, a.span);
    return literal(1, T.int);
  }
  return bindExpr(a, env);
}

function resolveSignature(name: string, args: readonly Expr[], span?: Span): ResolvedCall {
  const def = lookupFunction(name)!;
  const info = args.map((a) => ({
    nullable: a.nullable,
    ...(a.kind === 'literal' ? { constant: a.value } : {}),
    ...(a.kind === 'column' || a.kind === 'outerColumn' ? { name: a.name } : {}),
  }));
  const resolved = def.resolve(
    args.map((a) => a.type),
    info,
  );
  if (typeof resolved === 'string') fail('ANALYSIS_FUNCTION_ARGUMENTS', resolved, span);
  return resolved as ResolvedCall;
}

function nullableOf(r: ResolvedCall, args: readonly Expr[]): boolean {
  switch (r.nullable) {
    case 'always':
      return true;
    case 'never':
      return false;
    case 'any':
      return args.some((a) => a.nullable);
    case 'all':
      return args.length > 0 && args.every((a) => a.nullable);
  }
}

/** Resolves and builds a scalar call, casting the arguments to the signature's types. */
export function resolveScalar(name: string, args: readonly Expr[], span?: Span): Expr {
  const r = resolveSignature(name, args, span);
  const cast = castArgs(args, r.argTypes, span);
  return call(lookupFunction(name)!.name, cast, r.returnType, nullableOf(r, cast));
}

function bindAggregateCall(name: string, e: ast.FunctionCallExpr, env: ExprEnv): AggregateExpr {
  if (!env.allowAggregates)
    fail('ANALYSIS_AGGREGATE_NOT_ALLOWED', `aggregate functions are not allowed in ${env.clause}`, e.span);
  if (env.insideAggregate)
    fail('ANALYSIS_NESTED_AGGREGATE', `aggregate function \`${name}\` cannot be used inside another aggregate function`, e.span, 'compute the inner aggregate in a subquery');
  const inner: ExprEnv = { ...env, insideAggregate: true, allowWindows: false };
  const args = e.args.map((a) => bindArg(a, inner, e));
  const r = resolveSignature(name, args, e.span);
  const cast = castArgs(args, r.argTypes, e.span);
  const filter = e.filter ? coerceBoolean(bindExpr(e.filter, { ...inner, clause: 'FILTER' }), 'FILTER', e.filter.span) : undefined;
  return {
    kind: 'aggregate',
    name,
    args: cast,
    distinct: e.distinct,
    ...(filter ? { filter } : {}),
    ignoreNulls: e.nulls === 'ignore',
    type: r.returnType,
    nullable: nullableOf(r, cast),
  };
}

function bindWindowCall(name: string, e: ast.FunctionCallExpr, env: ExprEnv): WindowExpr {
  if (!env.allowWindows) fail('ANALYSIS_WINDOW_NOT_ALLOWED', `window functions are not allowed in ${env.clause}`, e.span);
  if (e.filter) fail('ANALYSIS_INVALID_FILTER', 'FILTER is not supported on window functions', e.span);
  const spec = resolveWindowSpec(e.over!, env, e.span);
  const inner: ExprEnv = { ...env, allowWindows: false };
  const args = e.args.map((a) => bindArg(a, inner, e));
  const r = resolveSignature(name, args, e.span);
  const cast = castArgs(args, r.argTypes, e.span);
  const partitionBy = spec.partitionBy.map((p) => bindExpr(p, inner));
  const orderBy = spec.orderBy.map((s) => bindSortItem(s, inner));
  const ranking = RANKING_FUNCTIONS.has(name);
  if (ranking && orderBy.length === 0)
    fail('ANALYSIS_WINDOW_ORDER', `window function \`${name}\` requires the window to be ordered (ORDER BY in OVER)`, e.span);
  const frame = spec.frame ? bindFrame(spec.frame, orderBy, inner) : defaultFrame(orderBy.length > 0, ranking);
  return {
    kind: 'window',
    name,
    args: cast,
    distinct: e.distinct,
    ignoreNulls: e.nulls === 'ignore',
    partitionBy,
    orderBy,
    frame,
    type: r.returnType,
    nullable: nullableOf(r, cast),
  };
}

/** Functions that number or offset rows: they need an ordered window and see the rows up to the current one. */
const RANKING_FUNCTIONS = new Set(['row_number', 'rank', 'dense_rank', 'percent_rank', 'cume_dist', 'ntile', 'lag', 'lead']);

/** Spark's defaults: ranking functions see ROWS UNBOUNDED PRECEDING..CURRENT ROW; aggregates RANGE..CURRENT ROW when ordered, else everything. */
function defaultFrame(ordered: boolean, ranking: boolean): WindowFrame {
  if (ranking) return { unit: 'rows', start: { kind: 'unboundedPreceding' }, end: { kind: 'currentRow' } };
  return ordered
    ? { unit: 'range', start: { kind: 'unboundedPreceding' }, end: { kind: 'currentRow' } }
    : { unit: 'rows', start: { kind: 'unboundedPreceding' }, end: { kind: 'unboundedFollowing' } };
}

function bindFrame(f: ast.WindowFrame, orderBy: readonly SortKey[], env: ExprEnv): WindowFrame {
  const bound = (b: ast.FrameBound): FrameBound => {
    if (b.kind !== 'preceding' && b.kind !== 'following') return { kind: b.kind };
    const offset = bindExpr(b.offset, { ...env, clause: 'a window frame' });
    if (offset.kind !== 'literal' || offset.value === null)
      fail('ANALYSIS_WINDOW_FRAME', 'a window frame offset must be a constant', b.offset.span ?? f.span);
    if (f.unit === 'rows' && !isIntegral(offset.type))
      fail('ANALYSIS_WINDOW_FRAME', `a ROWS frame offset must be an integer, not ${typeToString(offset.type)}`, b.offset.span ?? f.span);
    return { kind: b.kind, offset };
  };
  if (f.unit === 'range' && orderBy.length !== 1 && [f.start, f.end].some((b) => b && (b.kind === 'preceding' || b.kind === 'following')))
    fail('ANALYSIS_WINDOW_FRAME', 'a RANGE frame with an offset needs exactly one ORDER BY expression', f.span);
  return { unit: f.unit, start: bound(f.start), end: f.end ? bound(f.end) : { kind: 'currentRow' } };
}

/** Merges `OVER w` / `OVER (w ORDER BY …)` with the WINDOW clause's definition. */
function resolveWindowSpec(over: ast.WindowSpec | ast.WindowRef, env: ExprEnv, span?: Span): ast.WindowSpec {
  const baseName = over.kind === 'windowRef' ? over.name : over.base;
  if (baseName === undefined) return over as ast.WindowSpec;
  const base = env.windows?.get(baseName.toLowerCase());
  if (!base)
    fail('ANALYSIS_UNKNOWN_WINDOW', `window \`${baseName}\` is not defined in a WINDOW clause`, over.span ?? span, didYouMean(baseName, env.windows?.keys() ?? []));
  const resolvedBase = resolveWindowSpec(base!, env, span);
  if (over.kind === 'windowRef') return resolvedBase;
  return {
    kind: 'windowSpec',
    partitionBy: over.partitionBy.length ? over.partitionBy : resolvedBase.partitionBy,
    orderBy: over.orderBy.length ? over.orderBy : resolvedBase.orderBy,
    ...(over.frame ?? resolvedBase.frame ? { frame: (over.frame ?? resolvedBase.frame)! } : {}),
  };
}

export function bindSortItem(s: ast.SortItem, env: ExprEnv): SortKey {
  const ascending = s.direction !== 'desc';
  // Spark: NULLS FIRST for ascending, NULLS LAST for descending, unless written.
  return { expr: bindExpr(s.expr, env), ascending, nullsFirst: s.nulls ? s.nulls === 'first' : ascending };
}

/**
 * grouping(col) and grouping_id(): bound as calls here, replaced by bit tests of the grouping id once the
 * aggregation's grouping sets are known (see aggregation.ts).
 */
function bindGroupingCall(name: 'grouping' | 'grouping_id', e: ast.FunctionCallExpr, env: ExprEnv): Expr {
  if (!env.allowAggregates) fail('ANALYSIS_AGGREGATE_NOT_ALLOWED', `${name}() is not allowed in ${env.clause}`, e.span);
  if (name === 'grouping' && e.args.length !== 1) fail('ANALYSIS_FUNCTION_ARGUMENTS', 'grouping() takes exactly one argument', e.span);
  const args = e.args.map((a) => bindExpr(a, { ...env, insideAggregate: true }));
  return call(name, args, name === 'grouping' ? T.tinyint : T.bigint, false);
}

export type { DataType };
