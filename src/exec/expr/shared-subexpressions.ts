// Common subexpressions of the expressions one operator evaluates on the same batches: TPC-H's
// sum(price * (1 - discount)) next to sum(price * (1 - discount) * (1 + tax)) computes the product once.
import type { Expr } from '../../logical/expr.js';
import { exprChildren, exprContains } from '../../logical/traverse.js';
import { isDeterministic } from './call.js';

/**
 * The keys ({@link exprKey}) of the subtrees that occur more than once across `exprs` and may be computed once per
 * batch: not column references or constants (nothing to save), nor anything holding a subquery, an aggregate or a
 * nondeterministic call (rand() twice is two different columns).
 *
 * @example
 * repeatedSubtrees([parse('a * (1 - b)'), parse('a * (1 - b) * c')]); // the keys of `a * (1 - b)` and `1 - b`
 */
export function repeatedSubtrees(exprs: readonly Expr[]): Set<string> {
  const seen = new Set<string>();
  const repeated = new Set<string>();
  const visit = (e: Expr): void => {
    if (!worthSharing(e)) {
      exprChildren(e).forEach(visit);
      return;
    }
    const key = exprKey(e);
    // A repeated subtree's own subtrees are computed once as part of it; they count only where they occur alone.
    if (seen.has(key)) repeated.add(key);
    else {
      seen.add(key);
      exprChildren(e).forEach(visit);
    }
  };
  exprs.forEach(visit);
  return repeated;
}

/** Equal keys for structurally equal expressions (plans are plain data; bigint literals are spelled out). */
export function exprKey(e: Expr): string {
  return JSON.stringify(e, (_, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
}

function worthSharing(e: Expr): boolean {
  switch (e.kind) {
    case 'column':
    case 'outerColumn':
    case 'literal':
      return false;
    default:
      // Subtrees without column references are folded into constants at compile time anyway.
      return exprContains(e, (x) => x.kind === 'column') && !exprContains(e, unshareable);
  }
}

function unshareable(x: Expr): boolean {
  switch (x.kind) {
    case 'scalarSubquery':
    case 'exists':
    case 'inSubquery':
    case 'aggregate':
    case 'window':
      return true;
    case 'call':
      return !isDeterministic(x.name);
    default:
      return false;
  }
}
