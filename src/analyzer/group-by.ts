// GROUP BY items → the distinct grouping expressions and, with ROLLUP/CUBE/GROUPING SETS, the sets over them.
import type * as ast from '../ast/ast.js';
import type { Span } from '../common/diagnostic.js';
import { fail } from '../common/errors.js';
import type { Expr } from '../logical/expr.js';
import { exprContains } from '../logical/traverse.js';
import { bindExpr } from './bind-expr.js';
import type { ExprEnv } from './bind-expr.js';
import { exprKey } from './aggregation.js';

export interface Grouping {
  /** Each grouping expression once, in order of first appearance. */
  readonly exprs: readonly Expr[];
  /** Index lists into `exprs`, one per grouping set; absent for a plain GROUP BY. */
  readonly sets?: readonly (readonly number[])[];
}

/** Spark's cap on the number of grouping sets a query may produce. */
const MAX_GROUPING_SETS = 4096;

export function bindGroupBy(
  groupBy: ast.GroupBy,
  items: readonly { readonly expr: Expr }[],
  env: ExprEnv,
  span?: Span,
): Grouping {
  const exprs: Expr[] = [];
  const indexOf = (e: Expr): number => {
    const key = exprKey(e);
    let i = exprs.findIndex((x) => exprKey(x) === key);
    if (i < 0) i = exprs.push(e) - 1;
    return i;
  };
  const isAggregateLike = (e: Expr) => exprContains(e, (x) => x.kind === 'aggregate' || x.kind === 'window');

  if (groupBy.all) {
    for (const item of items) if (!isAggregateLike(item.expr)) indexOf(item.expr);
    return { exprs };
  }

  const bindOne = (e: ast.Expr): number => {
    if (e.kind === 'literal' && e.literal.type === 'number' && /^\d+$/.test(e.literal.text) && !e.literal.suffix) {
      const n = Number(e.literal.text);
      const item = items[n - 1];
      if (!item) fail('ANALYSIS_ORDINAL_OUT_OF_RANGE', `GROUP BY position ${n} is not in the select list (1 to ${items.length})`, e.span);
      if (isAggregateLike(item!.expr))
        fail('ANALYSIS_GROUP_BY_AGGREGATE', `GROUP BY position ${n} refers to an aggregate or window function`, e.span);
      return indexOf(item!.expr);
    }
    return indexOf(bindExpr(e, env));
  };

  // Each element contributes a list of alternative sets; the query's sets are their cross product.
  let sets: number[][] = [[]];
  let hasSets = false;
  for (const el of groupBy.elements) {
    let alternatives: number[][];
    switch (el.kind) {
      case 'groupExpr':
        alternatives = [[bindOne(el.expr)]];
        break;
      case 'rollup': {
        hasSets = true;
        const tuples = el.items.map((t) => t.map(bindOne));
        alternatives = tuples.map((_, k) => tuples.slice(0, tuples.length - k).flat()).concat([[]]);
        break;
      }
      case 'cube': {
        hasSets = true;
        const tuples = el.items.map((t) => t.map(bindOne));
        if (tuples.length > 12) fail('ANALYSIS_TOO_MANY_GROUPING_SETS', `CUBE over ${tuples.length} items is too large (at most 12)`, el.span);
        alternatives = [];
        for (let mask = (1 << tuples.length) - 1; mask >= 0; mask--)
          alternatives.push(tuples.flatMap((t, i) => (mask & (1 << (tuples.length - 1 - i)) ? t : [])));
        break;
      }
      case 'groupingSets':
        hasSets = true;
        alternatives = el.sets.map((s) => s.map(bindOne));
        break;
    }
    sets = sets.flatMap((s) => alternatives.map((a) => [...new Set([...s, ...a])]));
    if (sets.length > MAX_GROUPING_SETS) fail('ANALYSIS_TOO_MANY_GROUPING_SETS', `GROUP BY produces more than ${MAX_GROUPING_SETS} grouping sets`, span);
  }
  if (exprs.length > 63) fail('ANALYSIS_TOO_MANY_GROUPING_SETS', 'grouping sets support at most 63 grouping expressions', span);
  return hasSets ? { exprs, sets: sets.map((s) => [...s].sort((a, b) => a - b)) } : { exprs };
}
