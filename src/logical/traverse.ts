// The one traversal API over plans and expressions: children, rebuild, transformUp/Down, visit.
// Transforms keep object identity when nothing changed, so callers can tell whether a rewrite did anything.
import type { Expr, NamedExpr, SortKey, WindowFrame, FrameBound } from './expr.js';
import type { LogicalPlan, PlanKind } from './plan.js';

type ByKind<K extends PlanKind> = Extract<LogicalPlan, { kind: K }>;

interface PlanShape<P extends LogicalPlan> {
  children(p: P): readonly LogicalPlan[];
  /** Rebuilds `p` with new children (same count and order as `children`). */
  withChildren(p: P, c: readonly LogicalPlan[]): P;
  /** The node's own expressions (not its children's). */
  expressions(p: P): readonly Expr[];
  /** Rebuilds `p` with every own expression mapped by `f`. */
  mapExpressions(p: P, f: (e: Expr) => Expr): P;
}

const leaf = <P extends LogicalPlan>(): Pick<PlanShape<P>, 'children' | 'withChildren'> => ({
  children: () => [],
  withChildren: (p) => p,
});
const unary = <P extends LogicalPlan & { input: LogicalPlan }>(): Pick<PlanShape<P>, 'children' | 'withChildren'> => ({
  children: (p) => [p.input],
  withChildren: (p, c) => (c[0] === p.input ? p : { ...p, input: c[0]! }),
});
const binary = <P extends LogicalPlan & { left: LogicalPlan; right: LogicalPlan }>(): Pick<
  PlanShape<P>,
  'children' | 'withChildren'
> => ({
  children: (p) => [p.left, p.right],
  withChildren: (p, c) => (c[0] === p.left && c[1] === p.right ? p : { ...p, left: c[0]!, right: c[1]! }),
});
const noExpressions = <P extends LogicalPlan>(): Pick<PlanShape<P>, 'expressions' | 'mapExpressions'> => ({
  expressions: () => [],
  mapExpressions: (p) => p,
});

const shapes: { [K in PlanKind]: PlanShape<ByKind<K>> } = {
  scan: {
    ...leaf(),
    expressions: (p) => p.filters,
    mapExpressions: (p, f) => {
      const filters = mapList(p.filters, f);
      return filters === p.filters ? p : { ...p, filters };
    },
  },
  values: {
    ...leaf(),
    expressions: (p) => p.rows.flat(),
    mapExpressions: (p, f) => {
      const rows = mapList(p.rows, (row) => mapList(row, f));
      return rows === p.rows ? p : { ...p, rows };
    },
  },
  range: { ...leaf(), ...noExpressions() },
  project: {
    ...unary(),
    expressions: (p) => p.columns.map((c) => c.expr),
    mapExpressions: (p, f) => {
      const columns = mapNamed(p.columns, f);
      return columns === p.columns ? p : { ...p, columns };
    },
  },
  filter: {
    ...unary(),
    expressions: (p) => [p.condition],
    mapExpressions: (p, f) => {
      const condition = f(p.condition);
      return condition === p.condition ? p : { ...p, condition };
    },
  },
  aggregate: {
    ...unary(),
    expressions: (p) => [...p.groupKeys.map((k) => k.expr), ...p.aggregates.map((a) => a.expr)],
    mapExpressions: (p, f) => {
      const groupKeys = mapNamed(p.groupKeys, f);
      const aggregates = mapNamed(p.aggregates, f);
      return groupKeys === p.groupKeys && aggregates === p.aggregates ? p : { ...p, groupKeys, aggregates };
    },
  },
  expand: {
    ...unary(),
    expressions: (p) => p.projections.flat(),
    mapExpressions: (p, f) => {
      const projections = mapList(p.projections, (row) => mapList(row, f));
      return projections === p.projections ? p : { ...p, projections };
    },
  },
  join: {
    ...binary(),
    expressions: (p) => (p.condition ? [p.condition] : []),
    mapExpressions: (p, f) => {
      if (!p.condition) return p;
      const condition = f(p.condition);
      return condition === p.condition ? p : { ...p, condition };
    },
  },
  sort: {
    ...unary(),
    expressions: (p) => p.order.map((k) => k.expr),
    mapExpressions: (p, f) => {
      const order = mapSortKeys(p.order, f);
      return order === p.order ? p : { ...p, order };
    },
  },
  limit: { ...unary(), ...noExpressions() },
  union: {
    children: (p) => p.inputs,
    withChildren: (p, c) => (sameList(c, p.inputs) ? p : { ...p, inputs: c }),
    ...noExpressions(),
  },
  intersect: { ...binary(), ...noExpressions() },
  except: { ...binary(), ...noExpressions() },
  distinct: { ...unary(), ...noExpressions() },
  window: {
    ...unary(),
    expressions: (p) => p.windows.map((w) => w.expr),
    mapExpressions: (p, f) => {
      const windows = mapNamed(p.windows, f);
      return windows === p.windows ? p : { ...p, windows };
    },
  },
  subqueryAlias: { ...unary(), ...noExpressions() },
  repartition: {
    ...unary(),
    expressions: (p) => p.keys,
    mapExpressions: (p, f) => {
      const keys = mapList(p.keys, f);
      return keys === p.keys ? p : { ...p, keys };
    },
  },
  hint: { ...unary(), ...noExpressions() },
};

function shapeOf(p: LogicalPlan): PlanShape<LogicalPlan> {
  return shapes[p.kind] as unknown as PlanShape<LogicalPlan>;
}

export function planChildren(p: LogicalPlan): readonly LogicalPlan[] {
  return shapeOf(p).children(p);
}

export function withPlanChildren(p: LogicalPlan, children: readonly LogicalPlan[]): LogicalPlan {
  return shapeOf(p).withChildren(p, children);
}

/** The node's own top-level expressions (filters, projections, keys…), not those of its children. */
export function planExpressions(p: LogicalPlan): readonly Expr[] {
  return shapeOf(p).expressions(p);
}

/** Rebuilds the node with each own top-level expression mapped by `f`. */
export function mapPlanExpressions(p: LogicalPlan, f: (e: Expr) => Expr): LogicalPlan {
  return shapeOf(p).mapExpressions(p, f);
}

/** Rewrites bottom-up: children first, then `f` on the node rebuilt with the new children. */
export function transformUp(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const children = planChildren(p);
  const next = mapList(children, (c) => transformUp(c, f));
  return f(next === children ? p : withPlanChildren(p, next));
}

/** Rewrites top-down: `f` on the node, then on the children of what it returned. */
export function transformDown(p: LogicalPlan, f: (p: LogicalPlan) => LogicalPlan): LogicalPlan {
  const q = f(p);
  const children = planChildren(q);
  const next = mapList(children, (c) => transformDown(c, f));
  return next === children ? q : withPlanChildren(q, next);
}

/** Visits pre-order; return `false` from `f` to skip a node's children. */
export function visitPlan(p: LogicalPlan, f: (p: LogicalPlan) => boolean | void): void {
  if (f(p) === false) return;
  for (const c of planChildren(p)) visitPlan(c, f);
}

// ───────────────────────────── expressions ─────────────────────────────

/** Direct sub-expressions. Subquery plans are not expression children: see `subqueryPlans`. */
export function exprChildren(e: Expr): readonly Expr[] {
  switch (e.kind) {
    case 'column':
    case 'outerColumn':
    case 'literal':
    case 'scalarSubquery':
    case 'exists':
      return [];
    case 'binary':
      return [e.left, e.right];
    case 'unary':
    case 'isNull':
    case 'cast':
    case 'field':
      return [e.operand];
    case 'inList':
      return [e.operand, ...e.list];
    case 'like':
      return [e.operand, e.pattern];
    case 'case':
      return [...e.whens.flatMap((w) => [w.when, w.then]), ...(e.else ? [e.else] : [])];
    case 'call':
      return e.args;
    case 'subscript':
      return [e.operand, e.index];
    case 'aggregate':
      return [...e.args, ...(e.filter ? [e.filter] : [])];
    case 'window':
      return [...e.args, ...e.partitionBy, ...e.orderBy.map((k) => k.expr), ...frameExprs(e.frame)];
    case 'inSubquery':
      return e.operands;
  }
}

/** Rebuilds `e` with its children mapped by `f`; returns `e` itself when no child changed. */
export function mapExprChildren(e: Expr, f: (e: Expr) => Expr): Expr {
  switch (e.kind) {
    case 'column':
    case 'outerColumn':
    case 'literal':
    case 'scalarSubquery':
    case 'exists':
      return e;
    case 'binary': {
      const left = f(e.left);
      const right = f(e.right);
      return left === e.left && right === e.right ? e : { ...e, left, right };
    }
    case 'unary':
    case 'isNull':
    case 'cast':
    case 'field': {
      const operand = f(e.operand);
      return operand === e.operand ? e : { ...e, operand };
    }
    case 'inList': {
      const operand = f(e.operand);
      const list = mapList(e.list, f);
      return operand === e.operand && list === e.list ? e : { ...e, operand, list };
    }
    case 'like': {
      const operand = f(e.operand);
      const pattern = f(e.pattern);
      return operand === e.operand && pattern === e.pattern ? e : { ...e, operand, pattern };
    }
    case 'case': {
      const whens = mapList(e.whens, (w) => {
        const when = f(w.when);
        const then = f(w.then);
        return when === w.when && then === w.then ? w : { when, then };
      });
      const otherwise = e.else ? f(e.else) : undefined;
      return whens === e.whens && otherwise === e.else ? e : { ...e, whens, ...(otherwise ? { else: otherwise } : {}) };
    }
    case 'call': {
      const args = mapList(e.args, f);
      return args === e.args ? e : { ...e, args };
    }
    case 'subscript': {
      const operand = f(e.operand);
      const index = f(e.index);
      return operand === e.operand && index === e.index ? e : { ...e, operand, index };
    }
    case 'aggregate': {
      const args = mapList(e.args, f);
      const filter = e.filter ? f(e.filter) : undefined;
      return args === e.args && filter === e.filter ? e : { ...e, args, ...(filter ? { filter } : {}) };
    }
    case 'window': {
      const args = mapList(e.args, f);
      const partitionBy = mapList(e.partitionBy, f);
      const orderBy = mapSortKeys(e.orderBy, f);
      const frame = mapFrame(e.frame, f);
      return args === e.args && partitionBy === e.partitionBy && orderBy === e.orderBy && frame === e.frame
        ? e
        : { ...e, args, partitionBy, orderBy, frame };
    }
    case 'inSubquery': {
      const operands = mapList(e.operands, f);
      return operands === e.operands ? e : { ...e, operands };
    }
  }
}

export function transformExprUp(e: Expr, f: (e: Expr) => Expr): Expr {
  return f(mapExprChildren(e, (c) => transformExprUp(c, f)));
}

export function transformExprDown(e: Expr, f: (e: Expr) => Expr): Expr {
  return mapExprChildren(f(e), (c) => transformExprDown(c, f));
}

/** Visits pre-order; return `false` to skip an expression's children. Does not enter subquery plans. */
export function visitExpr(e: Expr, f: (e: Expr) => boolean | void): void {
  if (f(e) === false) return;
  for (const c of exprChildren(e)) visitExpr(c, f);
}

/** True when some sub-expression (including `e`) satisfies `pred`. */
export function exprContains(e: Expr, pred: (e: Expr) => boolean): boolean {
  let found = false;
  visitExpr(e, (x) => {
    if (found) return false;
    if (pred(x)) found = true;
    return !found;
  });
  return found;
}

/** The plans of the subquery expressions directly inside `e` (not inside those plans). */
export function subqueryPlans(e: Expr): LogicalPlan[] {
  const plans: LogicalPlan[] = [];
  visitExpr(e, (x) => {
    if (x.kind === 'scalarSubquery' || x.kind === 'exists' || x.kind === 'inSubquery') plans.push(x.plan);
  });
  return plans;
}

function frameExprs(frame: WindowFrame): Expr[] {
  return [frame.start, frame.end].flatMap((b) => ('offset' in b ? [b.offset] : []));
}

function mapFrame(frame: WindowFrame, f: (e: Expr) => Expr): WindowFrame {
  const start = mapBound(frame.start, f);
  const end = mapBound(frame.end, f);
  return start === frame.start && end === frame.end ? frame : { ...frame, start, end };
}

function mapBound(b: FrameBound, f: (e: Expr) => Expr): FrameBound {
  if (!('offset' in b)) return b;
  const offset = f(b.offset);
  return offset === b.offset ? b : { ...b, offset };
}

// ───────────────────────────── identity-preserving list helpers ─────────────────────────────

/** Maps a list, returning the original array when every element is unchanged (by identity). */
export function mapList<T>(xs: readonly T[], f: (x: T) => T): readonly T[] {
  let out: T[] | undefined;
  for (let i = 0; i < xs.length; i++) {
    const x = xs[i]!;
    const y = f(x);
    if (y !== x && !out) out = xs.slice(0, i);
    if (out) out.push(y);
  }
  return out ?? xs;
}

function mapNamed(xs: readonly NamedExpr[], f: (e: Expr) => Expr): readonly NamedExpr[] {
  return mapList(xs, (n) => {
    const expr = f(n.expr);
    return expr === n.expr ? n : { ...n, expr };
  });
}

function mapSortKeys(xs: readonly SortKey[], f: (e: Expr) => Expr): readonly SortKey[] {
  return mapList(xs, (k) => {
    const expr = f(k.expr);
    return expr === k.expr ? k : { ...k, expr };
  });
}

function sameList<T>(a: readonly T[], b: readonly T[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}
